from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from committee import services
from committee.models import MeetingStatus, Minutes, Section

from .conftest import hold


@pytest.fixture
def two_meetings(secretary, make_meeting):
    first = make_meeting(dt.date(2026, 8, 1))
    item = services.item_add(user=secretary, meeting=first, section=4, title="แผนนิเทศ")
    hold(secretary, first)
    services.item_record(user=secretary, item=item, record="ที่ประชุมอภิปรายกว้างขวาง", resolution="เห็นชอบ")
    services.minutes_update(
        user=secretary,
        minutes=first.minutes,
        started_at=dt.time(9, 30),
        ended_at=dt.time(12, 0),
        recorder_name="นางอัญชลี เลขาดี",
        checker_name="นายธนพล นำทาง",
    )
    second = make_meeting(dt.date(2026, 9, 1))
    return first, item, second


def test_minutes_are_approved_only_at_a_later_meeting_that_took_place(secretary, two_meetings, make_meeting):
    first, _, second = two_meetings
    with pytest.raises(ValidationError, match="ยังไม่ได้ประชุม"):
        services.minutes_approve(user=secretary, minutes=first.minutes, at_meeting=second)
    with pytest.raises(ValidationError, match="ครั้งถัดไป"):
        services.minutes_approve(user=secretary, minutes=first.minutes, at_meeting=first)
    hold(secretary, second)
    services.minutes_approve(user=secretary, minutes=first.minutes, at_meeting=second)
    first.refresh_from_db()
    assert first.status == MeetingStatus.MINUTES_APPROVED and first.minutes.is_locked
    adoption = second.items.get(section=Section.MINUTES)
    assert adoption.resolution == "ที่ประชุมรับรองรายงานการประชุม ครั้งที่ 1/2569"


def test_approval_locks_the_minutes_and_corrections_go_beside_them(secretary, two_meetings):
    first, item, second = two_meetings
    hold(secretary, second)
    services.minutes_approve(user=secretary, minutes=first.minutes, at_meeting=second)
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="รับรองแล้ว แก้ไขไม่ได้"):
        services.item_record(user=secretary, item=item, record="แก้ย้อนหลัง", resolution="ไม่เห็นชอบ")
    with pytest.raises(ValidationError, match="รับรองแล้ว แก้ไขไม่ได้"):
        services.minutes_update(
            user=secretary, minutes=Minutes.objects.get(pk=first.minutes.pk), ended_at=dt.time(13, 0)
        )
    with pytest.raises(ValidationError, match="รับรองแล้ว แก้ไขไม่ได้"):
        services.item_add(user=secretary, meeting=first, section=5, title="เพิ่มภายหลัง")
    services.minutes_add_correction(
        user=secretary,
        minutes=first.minutes,
        item=item,
        text="มติที่ถูกต้องคือ เห็นชอบโดยให้ปรับปฏิทิน",
        reason="มติที่ประชุมครั้งที่ 3/2569",
    )
    item.refresh_from_db()
    assert item.resolution == "เห็นชอบ" and item.record == "ที่ประชุมอภิปรายกว้างขวาง"
    assert [c.text for c in item.corrections.all()] == ["มติที่ถูกต้องคือ เห็นชอบโดยให้ปรับปฏิทิน"]


def test_corrections_are_for_approved_minutes_only(secretary, two_meetings):
    first, _, _ = two_meetings
    with pytest.raises(ValidationError, match="ยังไม่ได้รับรอง"):
        services.minutes_add_correction(user=secretary, minutes=first.minutes, text="แก้")


def test_approval_needs_start_end_and_recorder(secretary, make_meeting):
    first = make_meeting(dt.date(2026, 8, 1))
    hold(secretary, first)
    services.minutes_update(user=secretary, minutes=first.minutes, recorder_name="")
    second = make_meeting(dt.date(2026, 9, 1))
    hold(secretary, second)
    with pytest.raises(ValidationError, match="เวลาเลิกประชุม"):
        services.minutes_approve(user=secretary, minutes=first.minutes, at_meeting=second)


def test_end_time_cannot_precede_start(secretary, two_meetings):
    first, _, _ = two_meetings
    with pytest.raises(ValidationError, match="ไม่ก่อนเวลาเริ่มประชุม"):
        services.minutes_update(user=secretary, minutes=first.minutes, ended_at=dt.time(8, 0))


def test_records_wait_for_the_meeting(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 8, 1))
    item = services.item_add(user=secretary, meeting=meeting, section=4, title="ก")
    with pytest.raises(ValidationError, match="หลังบันทึกว่าประชุมแล้ว"):
        services.item_record(user=secretary, item=item, record="x", resolution="y")
