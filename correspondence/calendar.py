"""Calendar source of the correspondence app: "ด่วนภายใน" deadlines of letters the user handles."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse

from core.calendar import Entry
from core.roles import UserLike

from . import access
from .models import Status
from .selectors import cleared_q, letters_visible_to


def correspondence_entries(user: UserLike, start: dt.date, end: dt.date) -> list[Entry]:
    """The clerk and the director see every open deadline; others the letters owned by or assigned to them."""
    if not access.can_read(user):
        return []
    qs = (
        letters_visible_to(user)
        .filter(deadline__date__range=(start, end))
        .exclude(status__in=(Status.DONE, Status.CANCELLED, Status.DRAFT))
    )
    if not access.sees_all_secrets(user):
        qs = qs.filter(cleared_q(user)).filter(Q(owner_id=user.pk) | Q(assignments__assignee_id=user.pk)).distinct()
    return [
        Entry(
            title=f"{letter.document_no} {letter.subject}".strip(), start=letter.deadline, kind="ด่วนภายใน",
            url=reverse("correspondence:letter_detail", args=[letter.pk]), uid=f"correspondence.letter:{letter.pk}",
            colour="danger",
        )
        for letter in qs
        if not letter.is_redacted
    ]  # fmt: skip
