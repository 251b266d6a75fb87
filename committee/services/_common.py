"""Shared checks of the committee services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError

from core.roles import Role, has_role

from ..models import Meeting, MeetingStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import User

WRITERS = (Role.SECRETARY, Role.ADMIN)


def can_write(user: User) -> bool:
    return has_role(user, *WRITERS)


def require_writer(user: User) -> None:
    if not can_write(user):
        raise PermissionDenied("เฉพาะเลขานุการ ก.ต.ป.น. หรือผู้ดูแลระบบเท่านั้นที่แก้ไขข้อมูลนี้ได้")


def refresh_status(meeting: Meeting) -> str:
    """Read the meeting's status from the database under a row lock (the caller is atomic),
    so a stale object in memory can never bypass the minutes lock."""
    status = Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("status", flat=True).first()
    if status is not None:
        meeting.status = status
    return meeting.status


def require_status(meeting: Meeting, allowed: tuple[str, ...], message: str) -> None:
    if refresh_status(meeting) not in allowed:
        raise ValidationError(message)


def require_not_locked(meeting: Meeting) -> None:
    if refresh_status(meeting) == MeetingStatus.MINUTES_APPROVED:
        raise ValidationError("รายงานการประชุมครั้งนี้รับรองแล้ว แก้ไขไม่ได้ หากต้องแก้ไขให้บันทึกการแก้ไขไว้ท้ายรายงานการประชุม")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("การประชุมครั้งนี้ถูกยกเลิกแล้ว แก้ไขไม่ได้")
