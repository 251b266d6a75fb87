"""The committee's panel on the home page: next meeting and open resolutions."""

from __future__ import annotations

from django.http import HttpRequest

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
