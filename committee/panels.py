"""The committee's panel on the home page: next meeting and open resolutions."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from core import thaidate

from . import access, selectors


def committee_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if not access.shows_home_panel(user):
        return None
    upcoming = selectors.next_meeting()
    if upcoming and not selectors.meetings_visible_to(user).filter(pk=upcoming.pk).exists():
        upcoming = None
    open_qs = selectors.open_resolutions(user)
    return {
        "template": "committee/_home_panel.html",
        "next_meeting": upcoming,
        "open_resolutions": list(open_qs.order_by("due_date")[:5]),
        "open_count": open_qs.count(),
        "overdue_count": open_qs.filter(due_date__lt=thaidate.today()).count(),
        "progress": selectors.fiscal_year_progress(thaidate.fiscal_year(thaidate.today())),
    }


def meetings_figure(request: HttpRequest) -> dict | None:
    """The executive's key figure: committee meetings held this fiscal year against the target."""
    from core.panels import FIGURE
    from supervision.home_figures import shows_figures

    if not shows_figures(request.user):
        return None
    progress = selectors.fiscal_year_progress(thaidate.fiscal_year(thaidate.today()))
    target = progress["target"]
    return {
        "kind": FIGURE, "name": "meetings", "fiscal_year": progress["fiscal_year"], "label": "การประชุม ก.ต.ป.น.",
        "percent": round(100 * progress["held"] / target, 1) if target else None, "target": 100 if target else None,
        "detail": f"ประชุมแล้ว {progress['held']} จาก {target} ครั้งตามแผน", "url": reverse("committee:index"),
    }  # fmt: skip


def publications_panel(request: HttpRequest) -> dict | None:
    """School staff's home page: the latest documents the office published to schools or to everyone."""
    user = request.user
    if not access.is_school_staff_only(user):
        return None
    latest = list(selectors.current_publications_for(user)[:5])
    return {"template": "committee/_publications_panel.html", "publications": latest}


def plan_approvals_panel(request: HttpRequest, plan: object = None, **context: object) -> dict | None:
    """The plan page (slot "plan_detail"): the agenda items that presented it, their มติ, and its distribution."""
    from .models import PublicationKind

    user = request.user
    if plan is None or not access.can_read_plan_links(user):
        return None
    links = list(selectors.plan_links_for(user, plan.pk))
    distributed = selectors.current_publications_for(user).filter(kind=PublicationKind.PLAN, plan=plan)
    return {"template": "committee/_plan_approvals_panel.html", "links": links, "distributed": list(distributed),
            "plan": plan,
            "can_publish": access.can_publish(user)}  # fmt: skip
