"""Small reads for the home page (panels.py): the clerk's counts of the day and the decisions waiting
for the group director (letters to instruct, drafts to sign)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import F, QuerySet

from core import thaidate

from . import access, chain, selectors
from .models import ApprovalStep, Letter
from .models.choices import Direction, Status


def clerk_today(user: AbstractBaseUser) -> dict[str, int]:
    """Today's counts for the registry desk: received, numbered outgoing, waiting to be presented or numbered."""
    today = thaidate.today()
    letters = selectors.letters_visible_to(user).exclude(status=Status.CANCELLED)
    # A range, not registered_at__date: the registered_at index serves it, so the count reads today's rows only.
    start = dt.datetime.combine(today, dt.time.min, tzinfo=thaidate.BANGKOK)
    registered_today = letters.filter(
        registered_at__gte=start, registered_at__lt=start + dt.timedelta(days=1), number__isnull=False
    )
    return {
        "received": registered_today.filter(register__direction=Direction.INCOMING).count(),
        "issued": registered_today.filter(register__direction=Direction.OUTGOING).count(),
        "to_present": letters.filter(selectors.to_present_q()).count(),
        "to_number": selectors.drafts_visible_to(user).count(),
    }


def to_instruct(user: AbstractBaseUser) -> QuerySet[Letter]:
    """Letters presented to the group director and waiting for the เกษียน, most urgent first."""
    return (
        selectors.letters_visible_to(user)
        .filter(status=Status.PRESENTED, destruction__isnull=True)
        .order_by("-urgency", F("deadline").asc(nulls_last=True), "registered_at", "id")
    )


def to_sign(user: AbstractBaseUser) -> list[ApprovalStep]:
    """Drafts whose turn it is for the user to check or sign (or for whom they act today), among the letters
    whose content they may see: a deputy is not cleared for a secret draft of the approver they stand in for
    (its page is a 404 to them), so its subject must not reach their home card."""
    steps = chain.pending_for(user)
    secret = [s.content.letter_id for s in steps if s.content.letter.is_secret]
    if not secret or access.sees_all_secrets(user):
        return steps
    cleared = set(
        selectors.letters_visible_to(user).filter(pk__in=secret, is_cleared=True).values_list("pk", flat=True)
    )
    return [s for s in steps if not s.content.letter.is_secret or s.content.letter_id in cleared]
