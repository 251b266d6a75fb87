"""The visits (and their evidence and follow-ups) a user may see, and the visit lists built on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from core import thaidate
from core.roles import Role, UserLike
from schools.selectors import school_id_of

from .. import access
from ..models import Evidence, FollowUpAction, Visit, VisitStatus
from ..models.visits import EDITABLE_STATUSES, FINAL_STATUSES

__all__ = [
    "due_follow_ups", "evidence_visible_to", "follow_ups_visible_to", "visit_score_sections", "visits_filtered",
    "visits_visible_to",
]  # fmt: skip


def visits_visible_to(user: UserLike) -> QuerySet[Visit]:
    """Director/admin: all; supervisors: all but other people's drafts; executives and committee
    members: approved ones; school staff: their own school's approved ones; others: none."""
    qs = Visit.objects.select_related("school__cluster", "created_by__profile", "tool")
    if access.sees_every_visit(user):
        return qs
    if access.sees_submitted_visits(user):
        mine = Q(created_by=user) | Q(team=user)
        own_drafts = Visit.objects.filter(mine, status=VisitStatus.DRAFT).values("pk")
        return qs.filter(~Q(status=VisitStatus.DRAFT) | Q(pk__in=own_drafts))
    if access.sees_final_visits(user):
        return qs.filter(status__in=FINAL_STATUSES)
    if school_id := school_id_of(user):
        return qs.filter(school_id=school_id, status__in=FINAL_STATUSES)
    return qs.none()


def evidence_visible_to(user: UserLike) -> QuerySet[Evidence]:
    """Evidence of the visits the user sees (the visit comes along, for the edit check)."""
    return Evidence.objects.filter(visit__in=visits_visible_to(user).values("pk")).select_related("visit")


def follow_ups_visible_to(user: UserLike) -> QuerySet[FollowUpAction]:
    return FollowUpAction.objects.filter(visit__in=visits_visible_to(user).values("pk")).select_related("visit")


def due_follow_ups(user: UserLike, *, within_days: int = 14) -> QuerySet[FollowUpAction]:
    """Open follow-up actions of the user's visits due within `within_days` (or overdue)."""
    horizon = thaidate.today() + dt.timedelta(days=within_days)
    on_team = Visit.team.through.objects.filter(user_id=user.pk).values("visit_id")  # a subquery, not a join:
    return (  # each action once without DISTINCT over its whole row (the home page reads it and counts it)
        FollowUpAction.objects.filter(done_at__isnull=True, due_date__lte=horizon)
        .filter(Q(visit__created_by=user) | Q(visit_id__in=on_team))
        .exclude(visit__status__in=EDITABLE_STATUSES)
        .select_related("visit__school")
        .order_by("due_date", "id")
    )


def visit_score_sections(visit: Visit) -> list[dict]:
    """The tool's sections with each item's score and comment, and section/overall averages."""
    if not visit.tool_id:
        return []
    scores = {s.item_id: s for s in visit.scores.all()}
    sections = []
    for section in visit.tool.sections.prefetch_related("items"):
        rows = [(item, scores.get(item.pk)) for item in section.items.all()]
        values = [s.value for _, s in rows if s and s.value is not None]
        sections.append(
            {"section": section, "rows": rows, "average": round(sum(values) / len(values), 2) if values else None}
        )
    return sections


def visits_filtered(user: UserLike, params: Mapping[str, str], *, default_year: int) -> tuple[QuerySet[Visit], str]:
    """The visits the list shows for these query parameters (year, status, mine, type, q),
    narrowed to what the user may see; the Excel export uses the same rows."""
    qs = visits_visible_to(user)
    year = params.get("year") or str(default_year)
    if year.isdigit():
        qs = qs.filter(fiscal_year=int(year))
    if status := params.get("status"):
        qs = qs.filter(status=status)
    if params.get("mine"):
        qs = qs.filter(team=user).distinct()
    if vtype := params.get("type"):
        qs = qs.filter(visit_type=vtype)
    if q := params.get("q", "").strip():
        qs = qs.filter(school__name__icontains=q)
    return qs, year


def supervision_team() -> QuerySet[AbstractBaseUser]:
    """The active supervisors and the group director: who visit, coordinate networks and write studies."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=[Role.SUPERVISOR, Role.DIRECTOR], is_active=True)
        .select_related("profile")
        .distinct()
        .order_by("first_name", "last_name")
    )
