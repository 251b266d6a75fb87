"""Home-page panel: due follow-ups for supervisors, reviews for the director, acknowledgements for schools."""

from __future__ import annotations

from django.http import HttpRequest

from core import thaidate
from core.roles import Role, has_role
from schools.models import School

from . import access, selectors
from .models import VisitStatus


def supervision_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if has_role(user, Role.SCHOOL):
        waiting = selectors.visits_visible_to(user).filter(status=VisitStatus.APPROVED)[:10]
        return {"template": "supervision/_home_school.html", "waiting": waiting} if waiting else None
    if not access.can_create_visits(user):
        return None
    to_review = (
        selectors.visits_visible_to(user).filter(status=VisitStatus.SUBMITTED).count()
        if access.can_review_visits(user)
        else 0
    )
    return {
        "template": "supervision/_home_panel.html",
        "due": list(selectors.due_follow_ups(user)[:10]),
        "to_review": to_review,
        "today": thaidate.today(),
    }


def school_panel(request: HttpRequest, *, school: School) -> dict | None:
    """The school page's recent visits, for whoever may see them."""
    visits = selectors.visits_visible_to(request.user).filter(school=school)
    return {
        "template": "supervision/_school_panel.html",
        "school": school,
        "visits": list(visits.select_related("created_by__profile")[:20]),
        "can_start_visit": access.can_create_visits(request.user),
    }
