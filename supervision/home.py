"""Small reads for the home page (panels.py): a supervisor's next visits and follow-ups in a window,
the counts that wait for someone, and the fiscal year's key figures for the executive."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from core import thaidate
from core.roles import UserLike

from . import access, selectors
from .models import Activity, AnnualPlan, FollowUpAction, SurveyInvitation, Visit, VisitStatus

FOLLOW_UP_AHEAD_DAYS = 14  # due within two weeks …
FOLLOW_UP_OVERDUE_DAYS = 30  # … or overdue by at most a month: older ones are on the supervision page
ZERO = Decimal("0.00")


def my_visits(user: UserLike) -> QuerySet[Visit]:
    """The visits `user` recorded or is on the team of (any status). Callers narrow by status, so the
    open-status index picks the rows and each is checked against its recorder and team (no join over
    all of the user's visits). A visitor sees every visit of their own, drafts included."""
    on_team = Exists(Visit.team.through.objects.filter(visit_id=OuterRef("pk"), user_id=user.pk))
    if access.sees_every_visit(user) or access.sees_submitted_visits(user):
        visible = Visit.objects.select_related("school__cluster", "created_by__profile", "tool")
    else:
        visible = selectors.visits_visible_to(user)
    return visible.filter(Q(created_by=user) | on_team)


def next_visits(user: UserLike, *, limit: int = 5) -> list[Visit]:
    """My visits planned from today on that are not sent yet (drafts and returned ones), soonest first."""
    qs = my_visits(user).filter(date__gte=thaidate.today(), status__in=[VisitStatus.DRAFT, VisitStatus.RETURNED])
    # the panel names the school only: fewer joins to plan and sort than my_visits' whole select_related
    return list(qs.select_related(None).select_related("school").order_by("date", "id")[:limit])


def returned_count(user: UserLike) -> int:
    """My visits the director sent back for correction."""
    return my_visits(user).filter(status=VisitStatus.RETURNED).count()


def follow_ups_window(user: UserLike) -> tuple[list[FollowUpAction], int]:
    """Open follow-ups due within 14 days or overdue by at most 30 days (at most 10), and how many
    open ones lie outside that window (older), for the link to all of them."""
    today = thaidate.today()
    due = selectors.due_follow_ups(user, within_days=FOLLOW_UP_AHEAD_DAYS)
    oldest = today - dt.timedelta(days=FOLLOW_UP_OVERDUE_DAYS)
    return list(due.filter(due_date__gte=oldest)[:10]), due.filter(due_date__lt=oldest).count()


def to_acknowledge(user: UserLike) -> QuerySet[Visit]:
    """Approved visits of the school staff's school waiting for their acknowledgement, oldest first."""
    return selectors.visits_visible_to(user).filter(status=VisitStatus.APPROVED).order_by("date", "id")


def open_survey(user: UserLike) -> Visit | None:
    """The school's most recent visit whose satisfaction survey is still unanswered."""
    invited = SurveyInvitation.objects.filter(answer__isnull=True).values("visit_id")
    return selectors.visits_visible_to(user).filter(pk__in=invited).order_by("-date", "-id").first()


def budget_series(fiscal_year: int) -> dict:
    """Planned and spent money per project of the year's plan (two queries), and the totals."""
    plan = AnnualPlan.objects.filter(fiscal_year=fiscal_year).first()
    if plan is None:
        return {"labels": [], "planned": [], "spent": [], "planned_total": ZERO, "spent_total": ZERO}
    projects = list(plan.projects.prefetch_related(Prefetch("activities", queryset=Activity.objects.all())))
    spent = selectors.plan_spending_by_project(plan)
    planned = [sum((a.budget_total for a in p.activities.all()), ZERO) for p in projects]
    used = [spent.get(p.pk) or ZERO for p in projects]
    return {
        "labels": [p.name for p in projects], "planned": planned, "spent": used,
        "planned_total": sum(planned, ZERO), "spent_total": sum(used, ZERO),
    }  # fmt: skip


def percent(part: float | Decimal, whole: float | Decimal) -> float | None:
    return round(100 * float(part) / float(whole), 1) if whole else None
