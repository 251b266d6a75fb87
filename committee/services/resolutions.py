"""Resolutions (มติ) to follow up and their follow-up notes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from .. import access
from ..models import AgendaItem, FollowUp, MeetingStatus, Resolution, ResolutionStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def resolution_add(*, user: User, item: AgendaItem, text: str = "", responsible: str = "",
                   due_date: dt.date | None = None, responsible_user=None) -> Resolution:  # noqa: ANN001  # fmt: skip
    """Track a มติ of a held meeting; the text defaults to the item's recorded มติ."""
    access.require_meeting_writer(user, item.meeting)
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    if item.meeting.status not in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED):
        raise ValidationError("บันทึกมติได้หลังการประชุมเท่านั้น")
    resolution = Resolution(item=item, text=(text or item.resolution).strip(), responsible=responsible.strip(),
                            due_date=due_date, responsible_user=responsible_user)  # fmt: skip
    if not resolution.text:
        raise ValidationError({"text": "กรุณากรอกมติ หรือบันทึกมติของเรื่องนี้ในรายงานการประชุมก่อน"})
    resolution.full_clean()
    resolution.save()
    return resolution


@transaction.atomic
def resolution_update(*, user: User, resolution: Resolution, responsible: str, due_date: dt.date | None,
                      status: str) -> Resolution:  # fmt: skip
    """Who, by when and how far: follow-up data, editable even after the minutes are approved."""
    access.require_meeting_writer(user, resolution.item.meeting)
    resolution.responsible = responsible.strip()
    resolution.due_date = due_date
    resolution.status = status
    resolution.full_clean()
    resolution.save()
    return resolution


@transaction.atomic
def followup_add(*, user: User, resolution: Resolution, date: dt.date, note: str, status: str = "") -> FollowUp:
    access.require_meeting_writer(user, resolution.item.meeting)
    follow = FollowUp(resolution=resolution, date=date, note=note.strip(), created_by=user)
    follow.full_clean()
    follow.save()
    if status and status != resolution.status:
        if status not in ResolutionStatus.values:
            raise ValidationError({"status": "สถานะไม่ถูกต้อง"})
        resolution.status = status
        resolution.save(update_fields=["status"])
    return follow
