"""Home-page panel: my correspondence inbox count and its urgent items."""

from __future__ import annotations

from django.http import HttpRequest

from . import access, selectors


def inbox_panel(request: HttpRequest) -> dict | None:
    if not access.can_read(request.user):
        return None
    waiting = selectors.inbox_for(request.user)
    urgent = [letter for letter in waiting[:50] if letter.urgency or letter.deadline_passed][:5]
    return {"template": "correspondence/panel.html", "count": waiting.count(), "urgent": urgent}
