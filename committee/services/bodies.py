"""Meeting bodies (คณะที่ประชุม): creating and editing them; the ก.ต.ป.น. body everyone starts from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from .. import access, selectors
from ..models import KTPN_NAME, BodyKind, MeetingBody
from ..models.meetings import DEFAULT_TITLE

if TYPE_CHECKING:
    from django.contrib.auth.models import User

BODY_FIELDS = ("name", "kind", "meeting_title", "cluster", "secretary", "meetings_per_year", "is_active")


def ktpn_body_get() -> MeetingBody:
    """The ก.ต.ป.น. body, made on first use (a fresh office has no meeting yet, so no migration made it)."""
    body = selectors.ktpn_body()
    if body is None:
        body, _ = MeetingBody.objects.get_or_create(
            name=KTPN_NAME, defaults={"kind": BodyKind.KTPN, "meeting_title": DEFAULT_TITLE}
        )
    return body


def _apply(body: MeetingBody, fields: dict) -> None:
    for key in BODY_FIELDS:
        if key in fields:
            setattr(body, key, fields[key])
    if isinstance(body.name, str):
        body.name = body.name.strip()
    if body.kind != BodyKind.CLUSTER and body.kind != BodyKind.ACADEMIC_CENTRE:
        body.cluster = None
    if not 1 <= (body.meetings_per_year or 0) <= 24:
        raise ValidationError({"meetings_per_year": "จำนวนครั้งต้องอยู่ระหว่าง 1 ถึง 24"})


@transaction.atomic
def body_create(*, user: User, readers: list | None = None, **fields: object) -> MeetingBody:
    """A new body; who may create which kind is in access.body_kinds_creatable_by."""
    access.require_body_creator(user, str(fields.get("kind") or ""))
    body = MeetingBody()
    _apply(body, fields)
    if body.secretary_id is None and not access.has_role(user, access.Role.ADMIN):
        body.secretary = user  # whoever sets it up runs it until another secretary is named
    body.full_clean()
    body.save()
    body.readers.set(readers or [])
    return body


@transaction.atomic
def body_update(*, user: User, body: MeetingBody, readers: list | None = None, **fields: object) -> MeetingBody:
    access.require_body_writer(user, body)
    if "kind" in fields and fields["kind"] != body.kind:
        access.require_body_creator(user, str(fields["kind"]))
    _apply(body, fields)
    body.full_clean()
    body.save()
    if readers is not None:
        body.readers.set(readers)
    return body
