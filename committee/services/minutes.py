"""Minutes: the record and มติ of each item, approval (which locks), corrections beside them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import thaidate

from .. import access, notices
from ..models import AgendaItem, Meeting, MeetingStatus, Minutes, MinutesCorrection, Section
from ._common import require_not_locked, require_status

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MINUTES_FIELDS = ("started_at", "ended_at", "recorder_name", "recorder_title", "checker_name", "checker_title")
_HELD_MESSAGE = "บันทึกรายงานการประชุมได้หลังบันทึกว่าประชุมแล้ว"


@transaction.atomic
def item_record(*, user: User, item: AgendaItem, record: str, resolution: str) -> AgendaItem:
    """Write what was said on an item and its resolution (มติ)."""
    access.require_writer(user)
    require_not_locked(item.meeting)
    require_status(item.meeting, (MeetingStatus.HELD,), _HELD_MESSAGE)
    item.record = record.strip()
    item.resolution = resolution.strip()
    item.save(update_fields=["record", "resolution"])
    return item


@transaction.atomic
def minutes_update(*, user: User, minutes: Minutes, **fields: object) -> Minutes:
    access.require_writer(user)
    require_not_locked(minutes.meeting)
    require_status(minutes.meeting, (MeetingStatus.HELD,), _HELD_MESSAGE)
    for key in MINUTES_FIELDS:
        if key in fields:
            setattr(minutes, key, fields[key])
    if minutes.started_at and minutes.ended_at and minutes.ended_at < minutes.started_at:
        raise ValidationError({"ended_at": "เวลาเลิกประชุมต้องไม่ก่อนเวลาเริ่มประชุม"})
    minutes.full_clean()
    minutes.save()
    return minutes


def _check_approving_meeting(minutes: Minutes, at: Meeting) -> None:
    own = minutes.meeting
    if at.pk == own.pk or (at.date, at.pk) < (own.date, own.pk):
        raise ValidationError({"approved_at_meeting": "รายงานการประชุมต้องรับรองในการประชุมครั้งถัดไป"})
    if at.status in (MeetingStatus.DRAFT, MeetingStatus.CANCELLED) or at.date > thaidate.today():
        raise ValidationError({"approved_at_meeting": (
            f"การประชุมครั้งที่ {at.number_display} ยังไม่ได้ประชุม จึงยังรับรองรายงานการประชุมไม่ได้"
        )})  # fmt: skip


@transaction.atomic
def minutes_approve(*, user: User, minutes: Minutes, at_meeting: Meeting) -> Minutes:
    """The committee adopts the minutes at a later meeting: from now on they are locked."""
    access.require_writer(user)
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    require_status(minutes.meeting, (MeetingStatus.HELD,), "รับรองได้เฉพาะรายงานการประชุมที่ยังไม่ได้รับรอง")
    _check_approving_meeting(minutes, at_meeting)
    missing = [label for field, label in (("started_at", "เวลาเริ่มประชุม"), ("ended_at", "เวลาเลิกประชุม"),
                                          ("recorder_name", "ผู้จดรายงานการประชุม")) if not getattr(minutes, field)]  # fmt: skip
    if missing:
        raise ValidationError(f"กรุณากรอก{' '.join(missing)} ก่อนรับรอง")
    minutes.approved_at_meeting = at_meeting
    minutes.approved_on = timezone.now()
    minutes.approved_by = user
    minutes.save(update_fields=["approved_at_meeting", "approved_on", "approved_by"])
    Meeting.objects.filter(pk=minutes.meeting_id).update(status=MeetingStatus.MINUTES_APPROVED)
    minutes.meeting.status = MeetingStatus.MINUTES_APPROVED
    _note_adoption(at_meeting, minutes.meeting)
    notices.tell_minutes_approved(minutes, user)
    return minutes


def _note_adoption(at: Meeting, adopted: Meeting) -> None:
    """Fill วาระที่ 2's มติ at the approving meeting when it is still blank and editable."""
    if at.status != MeetingStatus.HELD:
        return
    AgendaItem.objects.filter(meeting=at, section=Section.MINUTES, previous_meeting=adopted, resolution="").update(
        resolution=f"ที่ประชุมรับรองรายงานการประชุม ครั้งที่ {adopted.number_display}"
    )


@transaction.atomic
def minutes_add_correction(*, user: User, minutes: Minutes, text: str, reason: str = "",
                           item: AgendaItem | None = None) -> MinutesCorrection:  # fmt: skip
    """Approved minutes are never overwritten: a correction is recorded beside them."""
    access.require_writer(user)
    minutes = Minutes.objects.select_related("meeting").get(pk=minutes.pk)
    if not minutes.is_locked:
        raise ValidationError("รายงานการประชุมยังไม่ได้รับรอง แก้ไขในรายงานได้โดยตรง")
    if item is not None and item.meeting_id != minutes.meeting_id:
        raise ValidationError({"item": "เรื่องที่แก้ไขต้องอยู่ในการประชุมเดียวกัน"})
    correction = MinutesCorrection(minutes=minutes, item=item, text=text.strip(), reason=reason.strip(),
                                   created_by=user)  # fmt: skip
    correction.full_clean()
    correction.save()
    return correction
