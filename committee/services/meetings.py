"""Meetings: numbering, scheduling and the status workflow."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core import thaidate
from core.models import display_name

from .. import access, notices
from ..models import FiscalYearTarget, Meeting, MeetingCounter, MeetingStatus, Minutes
from ._common import require_not_locked, require_status
from .agenda import agenda_prefill

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MEETING_FIELDS = ("title", "date", "start_time", "place", "online_link")


def _issue_number(year: int) -> int:
    """Next meeting number of a BE calendar year, under a row lock so none is issued twice."""
    MeetingCounter.objects.get_or_create(year=year)
    counter = MeetingCounter.objects.select_for_update().get(year=year)
    highest = Meeting.objects.filter(year=year).aggregate(n=Max("number"))["n"] or 0
    counter.last_number = max(counter.last_number, highest) + 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


@transaction.atomic
def meeting_create(*, user: User, date: dt.date, start_time: dt.time, place: str = "", online_link: str = "",
                   title: str = "") -> Meeting:  # fmt: skip
    """Schedule a meeting; it gets ครั้งที่ n/พ.ศ. at once and a pre-filled agenda."""
    access.require_writer(user)
    meeting = Meeting(date=date, start_time=start_time, place=place, online_link=online_link, created_by=user)
    if title:
        meeting.title = title
    meeting.year = thaidate.calendar_year_be(date)
    meeting.number = 0
    meeting.full_clean(exclude=["number"])
    meeting.number = _issue_number(meeting.year)
    meeting.save()
    agenda_prefill(user=user, meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(*, user: User, meeting: Meeting, **fields: object) -> Meeting:
    access.require_writer(user)
    require_status(meeting, (MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED),
                   "แก้ไขวัน เวลา และสถานที่ได้เฉพาะก่อนการประชุม")  # fmt: skip
    new_date = fields.get("date", meeting.date)
    if thaidate.calendar_year_be(new_date) != meeting.year:
        raise ValidationError({"date": (
            f"การประชุมครั้งที่ {meeting.number_display} ใช้เลขของปี {meeting.year} ย้ายไปปีอื่นไม่ได้ "
            "ให้ยกเลิกครั้งนี้แล้วสร้างการประชุมใหม่"
        )})  # fmt: skip
    for key in MEETING_FIELDS:
        if key in fields:
            setattr(meeting, key, fields[key])
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_publish_agenda(*, user: User, meeting: Meeting, send_invitation: bool = False) -> Meeting:
    """Draft → agenda published; optionally registers the invitation letter to members."""
    access.require_writer(user)
    require_status(meeting, (MeetingStatus.DRAFT,), "แจ้งระเบียบวาระได้เฉพาะการประชุมที่ยังเป็นร่าง")
    if not meeting.items.exists():
        raise ValidationError("ระเบียบวาระยังไม่มีเรื่องใด กรุณาเพิ่มเรื่องก่อนแจ้งระเบียบวาระ")
    meeting.status = MeetingStatus.AGENDA_PUBLISHED
    meeting.agenda_published_at = timezone.now()
    meeting.save(update_fields=["status", "agenda_published_at"])
    if send_invitation:
        from .invitation import invitation_issue

        invitation_issue(user=user, meeting=meeting)
    notices.tell_agenda_published(meeting, user)
    return meeting


@transaction.atomic
def meeting_mark_held(*, user: User, meeting: Meeting) -> Meeting:
    """Agenda published → held, from the meeting day on; opens the minutes."""
    access.require_writer(user)
    require_status(meeting, (MeetingStatus.AGENDA_PUBLISHED,),
                   "บันทึกว่าประชุมแล้วได้เฉพาะการประชุมที่แจ้งระเบียบวาระแล้ว")  # fmt: skip
    if meeting.date > thaidate.today():
        raise ValidationError(f"ยังไม่ถึงวันประชุม ({thaidate.format_full(meeting.date)})")
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])
    Minutes.objects.get_or_create(
        meeting=meeting, defaults={"started_at": meeting.start_time, "recorder_name": display_name(user)}
    )
    return meeting


@transaction.atomic
def meeting_cancel(*, user: User, meeting: Meeting, reason: str) -> Meeting:
    """A cancelled meeting keeps its number (never reused) and its agenda."""
    access.require_writer(user)
    require_not_locked(meeting)
    require_status(meeting, (MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED),
                   "ยกเลิกได้เฉพาะการประชุมที่ยังไม่ได้ประชุม")  # fmt: skip
    if not (reason or "").strip():
        raise ValidationError({"cancel_reason": "กรุณาระบุเหตุผลที่ยกเลิก"})
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancel_reason = reason.strip()
    meeting.save(update_fields=["status", "cancel_reason"])
    return meeting


@transaction.atomic
def target_set(*, user: User, fiscal_year: int, meetings: int) -> FiscalYearTarget:
    access.require_writer(user)
    if not 1 <= meetings <= 24:
        raise ValidationError({"meetings": "จำนวนครั้งต้องอยู่ระหว่าง 1 ถึง 24"})
    target, _ = FiscalYearTarget.objects.update_or_create(fiscal_year=fiscal_year, defaults={"meetings": meetings})
    return target
