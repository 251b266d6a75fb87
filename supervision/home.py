"""Home-page panel: due follow-ups for supervisors, reviews for the director, acknowledgements for schools."""

from __future__ import annotations

from django.http import HttpRequest

from core import thaidate
from core.roles import Role, has_role

from . import selectors
from .models import VisitStatus


def supervision_panel(request: HttpRequest) -> dict | None:
    user = request.user
    if has_role(user, Role.SCHOOL):
        waiting = selectors.visits_visible_to(user).filter(status=VisitStatus.APPROVED)[:10]
        return {"template": "supervision/_home_school.html", "waiting": waiting} if waiting else None
    if not has_role(user, Role.SUPERVISOR, Role.DIRECTOR):
        return None
    to_review = (
        selectors.visits_visible_to(user).filter(status=VisitStatus.SUBMITTED).count()
        if has_role(user, Role.DIRECTOR)
        else 0
    )
    return {
        "template": "supervision/_home_panel.html",
        "due": list(selectors.due_follow_ups(user)[:10]),
        "to_review": to_review,
        "today": thaidate.today(),
    }
