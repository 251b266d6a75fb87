"""Writes of committee members."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction

from .. import access
from ..models import CommitteeMember, MeetingBody
from .bodies import ktpn_body_get

MEMBER_FIELDS = (
    "prefix", "first_name", "last_name", "job_title", "position", "category",
    "term_start", "term_end", "order_number", "appointment_order", "note",
)  # fmt: skip

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def member_create(*, user: User, account: User | None = None, body: MeetingBody | None = None,
                  **fields: object) -> CommitteeMember:  # fmt: skip
    """`user` is who records it; `account` is the member's own login, if they have one; `body` the
    meeting body (ก.ต.ป.น. when none is given). People without accounts are members too."""
    body = body or ktpn_body_get()
    access.require_body_writer(user, body)
    member = CommitteeMember(body=body, user=account, **{k: v for k, v in fields.items() if k in MEMBER_FIELDS})
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_update(*, user: User, member: CommitteeMember, account: User | None | bool = False,
                  **fields: object) -> CommitteeMember:  # fmt: skip
    access.require_body_writer(user, member.body)
    if account is not False:
        member.user = account
    for key, value in fields.items():
        if key in MEMBER_FIELDS:
            setattr(member, key, value)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_end_term(*, user: User, member: CommitteeMember, end: dt.date) -> CommitteeMember:
    """Members leave by ending their term; the row stays for the minutes that name them."""
    return member_update(user=user, member=member, term_end=end)
