"""Attendance: present, absent with a reason, substitutes (แทน) and invited guests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from core import thaidate

from .. import access
from ..models import Attendance, AttendanceKind, CommitteeMember, Meeting, MeetingStatus
from ._common import require_not_locked, require_status

if TYPE_CHECKING:
    from django.contrib.auth.models import User

_OPEN = (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD)
_OPEN_MESSAGE = "บันทึกการเข้าประชุมได้หลังแจ้งระเบียบวาระแล้ว และก่อนรับรองรายงานการประชุม"


@transaction.atomic
def attendance_set(*, user: User, meeting: Meeting, member: CommitteeMember, kind: str, name: str = "",
                   job_title: str = "", reason: str = "") -> Attendance:  # fmt: skip
    """Record (or change) how one member attended; one record per member per meeting."""
    access.require_meeting_writer(user, meeting)
    require_not_locked(meeting)
    require_status(meeting, _OPEN, _OPEN_MESSAGE)
    if kind == AttendanceKind.GUEST:
        raise ValidationError({"kind": "ผู้เข้าร่วมประชุมที่ไม่ใช่กรรมการให้เพิ่มในส่วนผู้เข้าร่วมประชุม"})
    if member.body_id != meeting.body_id:
        raise ValidationError({"member": f"{member.full_name} ไม่ได้เป็นกรรมการของ{meeting.body.name}"})
    if not member.serves_on(meeting.date):
        raise ValidationError({"member": (
            f"{member.full_name} ไม่ได้อยู่ในวาระการเป็นกรรมการในวันที่ {thaidate.format_full(meeting.date)}"
        )})  # fmt: skip
    record = Attendance.objects.filter(meeting=meeting, member=member).first() or Attendance(
        meeting=meeting, member=member
    )
    record.kind = kind
    record.name = name.strip() if kind == AttendanceKind.SUBSTITUTE else ""
    record.job_title = job_title.strip() if kind == AttendanceKind.SUBSTITUTE else ""
    record.reason = reason.strip() if kind == AttendanceKind.ABSENT else ""
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def guest_add(*, user: User, meeting: Meeting, name: str, job_title: str = "") -> Attendance:
    access.require_meeting_writer(user, meeting)
    require_not_locked(meeting)
    require_status(meeting, _OPEN, _OPEN_MESSAGE)
    guest = Attendance(meeting=meeting, kind=AttendanceKind.GUEST, name=name.strip(), job_title=job_title.strip())
    guest.full_clean()
    guest.save()
    return guest


@transaction.atomic
def attendance_remove(*, user: User, record: Attendance) -> None:
    access.require_meeting_writer(user, record.meeting)
    require_not_locked(record.meeting)
    record.delete()


@transaction.atomic
def attendance_save_all(*, user: User, meeting: Meeting, rows: list[dict]) -> int:
    """Every member's attendance in one save. Each row: member, kind, and name/job_title (substitute) or
    reason (absent). All rows are checked; if one fails nothing is saved and every problem is named."""
    access.require_meeting_writer(user, meeting)
    errors: list[str] = []
    for row in rows:
        member = row["member"]
        try:
            with transaction.atomic():
                attendance_set(user=user, meeting=meeting, member=member, kind=row["kind"],
                               name=row.get("name", ""), job_title=row.get("job_title", ""),
                               reason=row.get("reason", ""))  # fmt: skip
        except ValidationError as exc:
            errors.extend(f"{member.full_name}: {message}" for message in exc.messages)
    if errors:
        raise ValidationError(errors)
    return len(rows)
