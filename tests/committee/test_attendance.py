from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committee import services
from committee.models import Attendance, AttendanceKind
from tests.helpers import unique_violation

from .conftest import hold


@pytest.fixture
def meeting(secretary, make_meeting, committee_members):
    m = make_meeting(dt.date(2026, 6, 5))
    services.item_add(user=secretary, meeting=m, section=1, title="แจ้งเพื่อทราบ")
    services.meeting_publish_agenda(user=secretary, meeting=m)
    return m


def test_absent_needs_a_reason(secretary, meeting, committee_members):
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุที่ไม่มาประชุม"):
        services.attendance_set(
            user=secretary, meeting=meeting, member=committee_members[1], kind=AttendanceKind.ABSENT
        )
    record = services.attendance_set(
        user=secretary, meeting=meeting, member=committee_members[1], kind=AttendanceKind.ABSENT, reason="ติดราชการ"
    )
    assert record.reason == "ติดราชการ"


def test_a_substitute_must_name_themself_and_whom_they_replace(secretary, meeting, committee_members):
    with pytest.raises(ValidationError, match="ผู้มาประชุมแทนต้องระบุชื่อ"):
        services.attendance_set(
            user=secretary, meeting=meeting, member=committee_members[0], kind=AttendanceKind.SUBSTITUTE
        )
    with pytest.raises(ValidationError, match="มาแทนกรรมการคนใด"), transaction.atomic():
        Attendance(meeting=meeting, kind=AttendanceKind.SUBSTITUTE, name="นายรอง แทนได้").full_clean()
    record = services.attendance_set(
        user=secretary,
        meeting=meeting,
        member=committee_members[0],
        kind=AttendanceKind.SUBSTITUTE,
        name="นายรอง แทนได้",
        job_title="รอง ผอ.สพป.",
    )
    assert record.member == committee_members[0] and record.display_name == "นายรอง แทนได้"


def test_one_record_per_member_per_meeting(secretary, meeting, committee_members):
    member = committee_members[2]
    services.attendance_set(user=secretary, meeting=meeting, member=member, kind=AttendanceKind.ABSENT, reason="ป่วย")
    services.attendance_set(user=secretary, meeting=meeting, member=member, kind=AttendanceKind.PRESENT)
    (only,) = Attendance.objects.filter(meeting=meeting, member=member)
    assert only.kind == AttendanceKind.PRESENT and only.reason == ""
    duplicate = unique_violation("committee_attendance", "meeting_id", "member_id")
    with pytest.raises(IntegrityError, match=duplicate), transaction.atomic():
        Attendance.objects.create(meeting=meeting, member=member, kind=AttendanceKind.PRESENT)


def test_guests_are_named_and_not_members(secretary, meeting):
    with pytest.raises(ValidationError, match="ผู้เข้าร่วมประชุมต้องระบุชื่อ"):
        services.guest_add(user=secretary, meeting=meeting, name=" ")
    guest = services.guest_add(user=secretary, meeting=meeting, name="นางสาวเชิญ มาร่วม", job_title="นักวิชาการ")
    assert guest.member is None and guest.kind == AttendanceKind.GUEST


def test_only_members_in_term_on_the_meeting_day_can_be_recorded(secretary, meeting, committee_members):
    member = committee_members[1]
    services.member_end_term(user=secretary, member=member, end=dt.date(2026, 6, 4))
    with pytest.raises(ValidationError, match="ไม่ได้อยู่ในวาระการเป็นกรรมการ"):
        services.attendance_set(user=secretary, meeting=meeting, member=member, kind=AttendanceKind.PRESENT)


def test_attendance_waits_for_the_published_agenda(secretary, make_meeting, committee_members):
    draft = make_meeting(dt.date(2026, 7, 1))
    with pytest.raises(ValidationError, match="หลังแจ้งระเบียบวาระแล้ว"):
        services.attendance_set(user=secretary, meeting=draft, member=committee_members[0], kind=AttendanceKind.PRESENT)


def test_held_meeting_still_accepts_attendance(secretary, meeting, committee_members):
    hold(secretary, meeting)
    services.attendance_set(user=secretary, meeting=meeting, member=committee_members[0], kind=AttendanceKind.PRESENT)
    assert meeting.attendance.count() == 1
