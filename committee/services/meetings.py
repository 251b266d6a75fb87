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
from ..models import FiscalYearTarget, Meeting, MeetingBody, MeetingCounter, MeetingStatus, Minutes
from ._common import require_not_locked, require_status
from .agenda import agenda_prefill
from .bodies import ktpn_body_get

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MEETING_FIELDS = ("title", "date", "start_time", "place", "online_link")


def _issue_number(body: MeetingBody, year: int) -> int:
    """Next meeting number of a body in a BE calendar year, under a row lock so none is issued twice."""
    MeetingCounter.objects.get_or_create(body=body, year=year)
    counter = MeetingCounter.objects.select_for_update().get(body=body, year=year)
    highest = Meeting.objects.filter(body=body, year=year).aggregate(n=Max("number"))["n"] or 0
    counter.last_number = max(counter.last_number, highest) + 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def check_date_order(meeting: Meeting) -> None:
    """A meeting may not be dated before a meeting of the same body and year that has a lower number
    (nor after a higher-numbered one): the numbers would contradict the dates."""
    same = Meeting.objects.filter(body_id=meeting.body_id, year=meeting.year).exclude(pk=meeting.pk)
    same = same.exclude(status=MeetingStatus.CANCELLED)
    if meeting.number:
        later = same.filter(number__lt=meeting.number, date__gt=meeting.date).order_by("-date").first()
        earlier = same.filter(number__gt=meeting.number, date__lt=meeting.date).order_by("date").first()
    else:  # a new meeting takes the next number: nothing of the body may be dated after it
        later, earlier = same.filter(date__gt=meeting.date).order_by("-date").first(), None
    clash = later or earlier
    if clash is not None:
        raise ValidationError({"date": (
            f"วันที่นี้ขัดกับลำดับเลขครั้ง: การประชุมครั้งที่ {clash.number_display} ของ{meeting.body.name} "
            f"ประชุมวันที่ {thaidate.format_full(clash.date)} กรุณาตรวจสอบวันที่ "
            "หรือยืนยันว่าต้องการบันทึกวันที่นี้"
        )})  # fmt: skip


@transaction.atomic
def meeting_create(*, user: User, date: dt.date, start_time: dt.time, place: str = "", online_link: str = "",
                   title: str = "", body: MeetingBody | None = None, confirm_date: bool = False) -> Meeting:  # fmt: skip
    """Schedule a meeting of a body (ก.ต.ป.น. when none is given); it gets ครั้งที่ n/พ.ศ. of that body
    at once and a pre-filled agenda. A date before the body's later-numbered meetings needs `confirm_date`."""
    body = body or ktpn_body_get()
    access.require_body_writer(user, body)
    meeting = Meeting(body=body, date=date, start_time=start_time, place=place, online_link=online_link,
                      created_by=user, title=title or body.title_for_meetings)  # fmt: skip
    meeting.year = thaidate.calendar_year_be(date)
    meeting.number = 0
    meeting.full_clean(exclude=["number"])
    MeetingBody.objects.select_for_update().filter(pk=body.pk).exists()  # one body's numbers, one at a time
    if not confirm_date:
        check_date_order(meeting)
    meeting.number = _issue_number(body, meeting.year)
    meeting.save()
    agenda_prefill(user=user, meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(*, user: User, meeting: Meeting, confirm_date: bool = False, **fields: object) -> Meeting:
    access.require_meeting_writer(user, meeting)
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
    if not confirm_date:
        check_date_order(meeting)
    meeting.save()
    return meeting


@transaction.atomic
def meeting_publish_agenda(*, user: User, meeting: Meeting, send_invitation: bool = False) -> Meeting:
    """Draft → agenda published; optionally registers the invitation letter to members."""
    access.require_meeting_writer(user, meeting)
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
    access.require_meeting_writer(user, meeting)
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
    access.require_meeting_writer(user, meeting)
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
