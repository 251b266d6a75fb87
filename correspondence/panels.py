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


def school_inbox_panel(request: HttpRequest) -> dict | None:
    """หนังสือถึงโรงเรียน: the newest letters delivered to a school user (or a person), with the unread count."""
    if not access.can_receive(request.user):
        return None
    inbox = selectors.inbox_for_user(request.user)
    return {
        "template": "correspondence/schools/panel.html", "unread": selectors.unread_count(request.user),
        "latest": list(inbox[:5]),
    }  # fmt: skip
