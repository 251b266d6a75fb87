from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committee import selectors, services
from committee.models import Meeting, MeetingStatus
from tests.helpers import unique_violation

from .conftest import hold


def test_numbers_restart_each_buddhist_calendar_year(make_meeting):
    first = make_meeting(dt.date(2025, 11, 20))
    second = make_meeting(dt.date(2025, 12, 31))
    new_year = make_meeting(dt.date(2026, 1, 2))
    assert [first.number_display, second.number_display, new_year.number_display] == ["1/2568", "2/2568", "1/2569"]
    assert str(new_year) == "ครั้งที่ 1/2569"


def test_a_cancelled_meeting_keeps_its_number_and_the_next_is_not_reused(secretary, make_meeting):
    one = make_meeting(dt.date(2026, 2, 1))
    services.meeting_cancel(user=secretary, meeting=one, reason="ประธานติดราชการ")
    two = make_meeting(dt.date(2026, 2, 8))
    one.refresh_from_db()
    assert one.status == MeetingStatus.CANCELLED and one.number == 1
    assert two.number == 2


def test_cancelling_needs_a_reason(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 2, 1))
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุผลที่ยกเลิก"):
        services.meeting_cancel(user=secretary, meeting=meeting, reason="  ")


def test_the_database_refuses_a_duplicate_number(make_meeting, secretary):
    meeting = make_meeting(dt.date(2026, 3, 1))
    copy = Meeting(
        body=meeting.body,
        year=meeting.year,
        number=meeting.number,
        date=meeting.date,
        start_time=meeting.start_time,
        place="x",
        created_by=secretary,
    )
    with (
        pytest.raises(IntegrityError, match=unique_violation("committee_meeting", "body_id", "year", "number")),
        transaction.atomic(),
    ):
        copy.save()


def test_a_lost_counter_never_issues_a_number_twice(make_meeting):
    from committee.models import MeetingCounter

    make_meeting(dt.date(2026, 3, 1))
    MeetingCounter.objects.all().delete()
    assert make_meeting(dt.date(2026, 3, 9)).number == 2


def test_a_meeting_cannot_move_to_another_year(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 12, 20))
    with pytest.raises(ValidationError, match="ย้ายไปปีอื่นไม่ได้"):
        services.meeting_update(user=secretary, meeting=meeting, date=dt.date(2027, 1, 5))
    services.meeting_update(user=secretary, meeting=meeting, date=dt.date(2026, 12, 27), place="ห้องประชุม 2")
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2026, 12, 27) and meeting.place == "ห้องประชุม 2"


def test_place_or_online_link_is_required(make_meeting):
    with pytest.raises(ValidationError, match="กรุณาระบุสถานที่ประชุมหรือลิงก์ประชุมออนไลน์"):
        make_meeting(dt.date(2026, 3, 1), place="")
    online = make_meeting(dt.date(2026, 3, 2), place="", online_link="https://meet.example.go.th/ktpn")
    assert online.number == 1  # the refused one issued no number


def test_status_moves_draft_published_held(secretary, make_meeting, past_day):
    meeting = make_meeting(past_day)
    with pytest.raises(ValidationError, match="ยังไม่มีเรื่องใด"):
        services.meeting_publish_agenda(user=secretary, meeting=meeting)
    with pytest.raises(ValidationError, match="เฉพาะการประชุมที่แจ้งระเบียบวาระแล้ว"):
        services.meeting_mark_held(user=secretary, meeting=meeting)
    hold(secretary, meeting)
    assert meeting.status == MeetingStatus.HELD and meeting.minutes.started_at == dt.time(9, 30)


def test_a_future_meeting_cannot_be_marked_held(secretary, make_meeting):
    from core import thaidate

    meeting = make_meeting(thaidate.today() + dt.timedelta(days=3))
    services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาแผนนิเทศ")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    with pytest.raises(ValidationError, match="ยังไม่ถึงวันประชุม"):
        services.meeting_mark_held(user=secretary, meeting=meeting)


def test_fiscal_year_progress_counts_held_meetings_against_the_target(secretary, make_meeting):
    # fiscal year 2569 = 1 Oct 2025 – 30 Sep 2026
    hold(secretary, make_meeting(dt.date(2025, 9, 30)))  # fiscal year 2568
    for day in (dt.date(2025, 10, 15), dt.date(2026, 1, 15)):
        hold(secretary, make_meeting(day))
    make_meeting(dt.date(2026, 9, 30))  # planned, not held
    progress = selectors.fiscal_year_progress(2569)
    assert progress == {"fiscal_year": 2569, "target": 6, "planned": 3, "held": 2, "percent": 33}
    services.target_set(user=secretary, fiscal_year=2569, meetings=4)
    assert selectors.fiscal_year_progress(2569)["percent"] == 50
