"""Who may do what in the committee (ก.ต.ป.น.) app: every rule of the app, in one place.

- the secretary and the administrator: everything, and may write;
- the group director and the office executive: everything, read only;
- committee members and other office staff (supervisors, clerks): published agendas, approved
  minutes, published annual reports; drafts are 404 for them;
- school staff: nothing (pages are 403, objects 404).
Meeting bodies (issue 15): a body's meetings, members and minutes are written by the administrator, the body's
own secretary (a user), the ก.ต.ป.น. secretary for ก.ต.ป.น. bodies and the clerk for the group's internal
meeting (seed 001 duty 10); a body's members and readers with an account read what it has published.
An object the user may not know of is a 404; a read-only user who tries to change it gets a 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core import thaidate
from core.roles import Role, UserLike, has_role

from . import selectors
from .models import BodyKind, MeetingStatus

if TYPE_CHECKING:
    from .models import (
        AgendaAttachment,
        AgendaItem,
        AnnualReport,
        Attendance,
        CommitteeMember,
        Meeting,
        MeetingBody,
        Minutes,
        Publication,
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
    return has_role(user, *FULL_READERS, *PUBLISHED_READERS) or _is_body_insider(user)


def _is_body_insider(user: UserLike) -> bool:
    """A body's secretary, member or reader with an account (school staff stay out, as before)."""
    if not getattr(user, "is_authenticated", False) or has_role(user, Role.SCHOOL):
        return False
    cached = getattr(user, "_committee_insider", None)
    if cached is None:
        cached = user._committee_insider = selectors.bodies_linked_to(user).exists()
    return cached


def require_reader(user: UserLike) -> None:
    if not can_read(user):
        raise PermissionDenied(READER_ONLY)


def can_write(user: UserLike) -> bool:
    return has_role(user, *WRITERS)


def require_writer(user: UserLike) -> None:
    if not can_write(user):
        raise PermissionDenied(WRITER_ONLY)


# --- Meeting bodies ------------------------------------------------------------------------

BODY_WRITER_ONLY = "เฉพาะเลขานุการของคณะที่ประชุมนี้หรือผู้ดูแลระบบเท่านั้นที่แก้ไขข้อมูลนี้ได้"
BODY_CREATORS = {Role.ADMIN: None, Role.SECRETARY: None, Role.CLERK: (BodyKind.INTERNAL,)}  # None: every kind


def body_kinds_creatable_by(user: UserLike) -> list[str]:
    """The kinds of body `user` may create: the administrator and secretary any, the clerk the internal one."""
    kinds: set[str] = set()
    for role, allowed in BODY_CREATORS.items():
        if has_role(user, role):
            kinds |= set(allowed or BodyKind.values)
    return [k for k in BodyKind.values if k in kinds]


def require_body_creator(user: UserLike, kind: str | None = None) -> None:
    kinds = body_kinds_creatable_by(user)
    if not kinds or (kind is not None and kind not in kinds):
        raise PermissionDenied("สร้างคณะที่ประชุมประเภทนี้ไม่ได้")


def can_write_body(user: UserLike, body: MeetingBody) -> bool:
    if has_role(user, Role.ADMIN):
        return True
    if body.secretary_id is not None and body.secretary_id == getattr(user, "pk", None):
        return True
    if body.kind == BodyKind.KTPN:
        return has_role(user, Role.SECRETARY)
    return body.kind == BodyKind.INTERNAL and has_role(user, Role.CLERK)


def require_body_writer(user: UserLike, body: MeetingBody) -> None:
    if not can_write_body(user, body):
        raise PermissionDenied(WRITER_ONLY if body.kind == BodyKind.KTPN else BODY_WRITER_ONLY)


def require_meeting_writer(user: UserLike, meeting: Meeting) -> None:
    require_body_writer(user, meeting.body)


def can_create_meeting(user: UserLike) -> bool:
    return selectors.bodies_writable_by(user).exists()


def get_body_for_user(user: UserLike, pk: int, *, write: bool = False) -> MeetingBody:
    body = get_object_or_404(selectors.bodies_visible_to(user), pk=pk)
    if write:
        require_body_writer(user, body)
    return body


def shows_home_panel(user: UserLike) -> bool:
    """The home-page panel: the secretariat and executives, and committee members (not other office staff)."""
    return sees_everything(user) or (can_read(user) and has_role(user, Role.MEMBER))


def can_see_minutes(user: UserLike, meeting: Meeting) -> bool:
    """Members read minutes once approved; the secretariat and executives see drafts too."""
    if sees_everything(user) or can_write_body(user, meeting.body):
        return meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
    return can_read(user) and meeting.status == MeetingStatus.MINUTES_APPROVED


def meeting_actions(user: UserLike, meeting: Meeting) -> dict[str, bool]:
    """What the meeting and minutes pages may offer `user` now (the names the templates use)."""
    write = can_write_body(user, meeting.body)
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


def _checked_body(obj: T, body: MeetingBody, user: UserLike, write: bool) -> T:
    if write:
        require_body_writer(user, body)
    return obj


# --- One helper per protected object: 404 if unknown to the user, 403 if read-only and write=True.


def get_member_for_user(user: UserLike, pk: int, *, write: bool = False) -> CommitteeMember:
    member = get_object_or_404(selectors.members_visible_to(user).select_related("body"), pk=pk)
    return _checked_body(member, member.body, user, write)


def get_meeting_for_user(user: UserLike, pk: int, *, write: bool = False) -> Meeting:
    meeting = get_object_or_404(selectors.meetings_visible_to(user).select_related("body"), pk=pk)
    return _checked_body(meeting, meeting.body, user, write)


def get_minutes_for_user(user: UserLike, meeting_pk: int, *, write: bool = False) -> Minutes:
    """The minutes of a meeting: 404 until they may be read (drafts for the secretariat, approved for members)."""
    meeting = get_meeting_for_user(user, meeting_pk)
    if not can_see_minutes(user, meeting):
        raise Http404("ยังไม่มีรายงานการประชุมที่เผยแพร่")
    return _checked_body(meeting.minutes, meeting.body, user, write)


def get_item_for_user(user: UserLike, pk: int, *, write: bool = False) -> AgendaItem:
    item = get_object_or_404(selectors.items_visible_to(user).select_related("meeting__body"), pk=pk)
    return _checked_body(item, item.meeting.body, user, write)


def get_attachment_for_user(user: UserLike, pk: int, *, write: bool = False) -> AgendaAttachment:
    att = get_object_or_404(selectors.attachments_visible_to(user).select_related("item__meeting__body"), pk=pk)
    return _checked_body(att, att.item.meeting.body, user, write)


def get_attendance_for_user(user: UserLike, pk: int, *, write: bool = False) -> Attendance:
    record = get_object_or_404(selectors.attendance_visible_to(user).select_related("meeting__body"), pk=pk)
    return _checked_body(record, record.meeting.body, user, write)


def get_resolution_for_user(user: UserLike, pk: int, *, write: bool = False) -> Resolution:
    res = get_object_or_404(selectors.resolutions_visible_to(user).select_related("item__meeting__body"), pk=pk)
    return _checked_body(res, res.item.meeting.body, user, write)


def get_report_for_user(user: UserLike, pk: int, *, write: bool = False) -> AnnualReport:
    return _checked(get_object_or_404(selectors.reports_visible_to(user), pk=pk), user, write)


# --- The information system, the plan in the cycle and publishing (issue 15 items 3–5) --------------

PUBLISHERS = (Role.SECRETARY, Role.DIRECTOR, Role.ADMIN)  # publish and withdraw
PUBLICATION_READERS = (*FULL_READERS, *PUBLISHED_READERS, Role.SCHOOL)
PUBLISHER_ONLY = "เฉพาะเลขานุการ ก.ต.ป.น. ผู้อำนวยการกลุ่มนิเทศฯ หรือผู้ดูแลระบบเท่านั้นที่เผยแพร่เอกสารได้"
PUBLICATIONS_ONLY = "หน้านี้สำหรับบุคลากรของสำนักงานและสถานศึกษาในสังกัด"


def can_publish(user: UserLike) -> bool:
    return has_role(user, *PUBLISHERS)


def require_publisher(user: UserLike) -> None:
    if not can_publish(user):
        raise PermissionDenied(PUBLISHER_ONLY)


def can_read_publications(user: UserLike) -> bool:
    """Office staff and school staff: the list of what is published to them."""
    return has_role(user, *PUBLICATION_READERS)


def require_publication_reader(user: UserLike) -> None:
    if not can_read_publications(user):
        raise PermissionDenied(PUBLICATIONS_ONLY)


def sees_withdrawn_publications(user: UserLike) -> bool:
    return has_role(user, *PUBLISHERS, *FULL_READERS)


def is_school_staff_only(user: UserLike) -> bool:
    """School staff see only what is published to schools or to everyone, never the office's own list."""
    return has_role(user, Role.SCHOOL) and not has_role(user, *FULL_READERS, *PUBLISHED_READERS)


def get_publication_for_user(user: UserLike, pk: int, *, write: bool = False) -> Publication:
    """404 for a publication the user may not see (school staff: one not published to them, or withdrawn)."""
    publication = get_object_or_404(selectors.publications_visible_to(user), pk=pk)
    if write:
        require_publisher(user)
    return publication


def get_public_publication(pk: int) -> Publication:
    """The public page's file: published to everyone and not withdrawn, else 404 (no login asked)."""
    return get_object_or_404(selectors.public_publications(), pk=pk)


def get_information_for_user(user: UserLike, fiscal_year: int, *, write: bool = False) -> int:
    """The four domains of a fiscal year: committee readers read, the secretariat writes (403 for the others)."""
    require_reader(user)
    if thaidate.be_year(fiscal_year) is None:
        raise Http404("ไม่มีปีงบประมาณนี้")
    if write:
        require_writer(user)
    return fiscal_year


def can_read_plan_links(user: UserLike) -> bool:
    """Who sees the committee's approval of a plan on the plan page: the committee's readers."""
    return can_read(user)
