"""Who may do what in the committee (ก.ต.ป.น.) app: every rule of the app, in one place.

- the secretary and the administrator: everything, and may write;
- the group director and the office executive: everything, read only;
- committee members and other office staff (supervisors, clerks): published agendas, approved
  minutes, published annual reports; drafts are 404 for them;
- school staff: nothing (pages are 403, objects 404).
An object the user may not know of is a 404; a read-only user who tries to change it gets a 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.roles import Role, UserLike, has_role

from . import selectors
from .models import MeetingStatus

if TYPE_CHECKING:
    from .models import (
        AgendaAttachment,
        AgendaItem,
        AnnualReport,
        Attendance,
        CommitteeMember,
        Meeting,
        Minutes,
        Resolution,
    )  # fmt: skip

T = TypeVar("T")

WRITERS = (Role.SECRETARY, Role.ADMIN)
FULL_READERS = (Role.SECRETARY, Role.ADMIN, Role.DIRECTOR, Role.EXECUTIVE)  # drafts included
PUBLISHED_READERS = (Role.MEMBER, Role.SUPERVISOR, Role.CLERK)  # what has been published only
PUBLIC_STATUSES = (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
LOCKED_STATUSES = (MeetingStatus.MINUTES_APPROVED, MeetingStatus.CANCELLED)

READER_ONLY = "หน้านี้สำหรับคณะกรรมการ ก.ต.ป.น. และบุคลากรของสำนักงาน"
WRITER_ONLY = "เฉพาะเลขานุการ ก.ต.ป.น. หรือผู้ดูแลระบบเท่านั้นที่แก้ไขข้อมูลนี้ได้"


def sees_everything(user: UserLike) -> bool:
    return has_role(user, *FULL_READERS)


def can_read(user: UserLike) -> bool:
    return has_role(user, *FULL_READERS, *PUBLISHED_READERS)


def require_reader(user: UserLike) -> None:
    if not can_read(user):
        raise PermissionDenied(READER_ONLY)


def can_write(user: UserLike) -> bool:
    return has_role(user, *WRITERS)


def require_writer(user: UserLike) -> None:
    if not can_write(user):
        raise PermissionDenied(WRITER_ONLY)


def shows_home_panel(user: UserLike) -> bool:
    """The home-page panel: the secretariat and executives, and committee members (not other office staff)."""
    return sees_everything(user) or (can_read(user) and has_role(user, Role.MEMBER))


def can_see_minutes(user: UserLike, meeting: Meeting) -> bool:
    """Members read minutes once approved; the secretariat and executives see drafts too."""
    if sees_everything(user):
        return meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
    return can_read(user) and meeting.status == MeetingStatus.MINUTES_APPROVED


def meeting_actions(user: UserLike, meeting: Meeting) -> dict[str, bool]:
    """What the meeting and minutes pages may offer `user` now (the names the templates use)."""
    write = can_write(user)
    return {
        "can_write": write,
        "can_see_minutes": can_see_minutes(user, meeting),
        "editable": write and meeting.status not in LOCKED_STATUSES,  # the agenda's items and attachments
        "open": write and meeting.status == MeetingStatus.HELD,  # the minutes being written
    }


def _checked(obj: T, user: UserLike, write: bool) -> T:
    if write:
        require_writer(user)
    return obj


# --- One helper per protected object: 404 if unknown to the user, 403 if read-only and write=True.


def get_member_for_user(user: UserLike, pk: int, *, write: bool = False) -> CommitteeMember:
    return _checked(get_object_or_404(selectors.members_visible_to(user), pk=pk), user, write)


def get_meeting_for_user(user: UserLike, pk: int, *, write: bool = False) -> Meeting:
    return _checked(get_object_or_404(selectors.meetings_visible_to(user), pk=pk), user, write)


def get_minutes_for_user(user: UserLike, meeting_pk: int, *, write: bool = False) -> Minutes:
    """The minutes of a meeting: 404 until they may be read (drafts for the secretariat, approved for members)."""
    meeting = get_meeting_for_user(user, meeting_pk)
    if not can_see_minutes(user, meeting):
        raise Http404("ยังไม่มีรายงานการประชุมที่เผยแพร่")
    return _checked(meeting.minutes, user, write)


def get_item_for_user(user: UserLike, pk: int, *, write: bool = False) -> AgendaItem:
    return _checked(get_object_or_404(selectors.items_visible_to(user), pk=pk), user, write)


def get_attachment_for_user(user: UserLike, pk: int, *, write: bool = False) -> AgendaAttachment:
    return _checked(get_object_or_404(selectors.attachments_visible_to(user), pk=pk), user, write)


def get_attendance_for_user(user: UserLike, pk: int, *, write: bool = False) -> Attendance:
    return _checked(get_object_or_404(selectors.attendance_visible_to(user), pk=pk), user, write)


def get_resolution_for_user(user: UserLike, pk: int, *, write: bool = False) -> Resolution:
    return _checked(get_object_or_404(selectors.resolutions_visible_to(user), pk=pk), user, write)


def get_report_for_user(user: UserLike, pk: int, *, write: bool = False) -> AnnualReport:
    return _checked(get_object_or_404(selectors.reports_visible_to(user), pk=pk), user, write)
