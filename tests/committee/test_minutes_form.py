"""Minutes and attendance that lose nothing (issue 15 item 2): one form, autosave, one attendance save."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from committee import services
from committee.forms import ApproveForm
from committee.models import AgendaItem, Attendance, Category, Position
from tests.conftest import PASSWORD
from tests.helpers import browser_login

from .conftest import hold

LONG_RECORD = ("ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา ชี้แจงผลการนิเทศ ติดตาม ภาคเรียนที่ ๒/๒๕๖๘ "
               "โรงเรียนบ้านห้วยน้ำขุ่นมิตรภาพที่ ๒๑๔ ได้คะแนนเฉลี่ย ๔.๕๒")  # fmt: skip


@pytest.fixture
def held(secretary, make_meeting, past_day, committee_members):
    meeting = make_meeting(past_day)
    services.item_add(user=secretary, meeting=meeting, section=1, title="ประธานแจ้งผลการประชุมผู้บริหารสถานศึกษา")
    services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาแผนการนิเทศ ติดตาม ปีงบประมาณ ๒๕๖๙")
    return hold(secretary, meeting)


def _post(held) -> dict:
    one, four = held.items.order_by("section")
    return {"started_at": "09:00", "ended_at": "12:00", "recorder_name": "นางอุบลรัตน์ บุญลือ",
            f"record-{one.pk}": LONG_RECORD, f"resolution-{one.pk}": "ที่ประชุมรับทราบ",
            f"record-{four.pk}": "ที่ประชุมอภิปรายกว้างขวาง", f"resolution-{four.pk}": "เห็นชอบแผนตามที่เสนอ"}  # fmt: skip


def test_one_save_keeps_every_items_record_and_resolution(secretary, client_for, held):
    response = client_for(secretary).post(reverse("committee:minutes", args=[held.pk]), _post(held))
    one, four = AgendaItem.objects.filter(meeting=held).order_by("section")
    assert response.status_code == 302
    assert (one.record, one.resolution) == (LONG_RECORD, "ที่ประชุมรับทราบ")
    assert (four.record, four.resolution) == ("ที่ประชุมอภิปรายกว้างขวาง", "เห็นชอบแผนตามที่เสนอ")


def test_an_invalid_time_keeps_everything_typed_as_a_draft_shown_on_return(secretary, client_for, held):
    client = client_for(secretary)
    data = {**_post(held), "ended_at": "25:99"}
    response = client.post(reverse("committee:minutes", args=[held.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200 and "กรุณากรอกเวลาในรูปแบบ ชช:นน" in page and LONG_RECORD in page
    assert not AgendaItem.objects.filter(meeting=held, record=LONG_RECORD).exists()  # not applied yet
    again = client.get(reverse("committee:minutes", args=[held.pk])).content.decode()
    assert LONG_RECORD in again and "เห็นชอบแผนตามที่เสนอ" in again and "25:99" in again


def test_autosave_applies_a_complete_page_and_keeps_an_invalid_one(secretary, client_for, held):
    client = client_for(secretary)
    url = reverse("committee:minutes_autosave", args=[held.pk])
    bad = client.post(url, {**_post(held), "started_at": "9 โมง"}).content.decode()
    assert "ยังมีช่องที่ต้องแก้ไข" in bad
    held.minutes.refresh_from_db()
    assert held.minutes.draft_data["started_at"] == ["9 โมง"]
    client.post(url, _post(held))
    held.minutes.refresh_from_db()
    assert held.minutes.draft_data is None
    assert AgendaItem.objects.get(meeting=held, section=4).resolution == "เห็นชอบแผนตามที่เสนอ"


@pytest.fixture
def ten_members(secretary):
    names = ["สมชาย ใจดี", "สมหญิง รักเรียน", "ประเสริฐ ศรีสุข", "วิไลวรรณ ทองคำ", "ชาญวิทย์ พิทักษ์ถิ่น",
             "กาญจนา บุญมาก", "ธนพล แก้วประเสริฐ", "สุภาพร ศรีวิชัย", "อนุชา มั่นคงดี", "รัตนาภรณ์ อินทร์แก้ว"]  # fmt: skip
    return [services.member_create(user=secretary, prefix="นาง" if i % 2 else "นาย", first_name=n.split()[0],
                                   last_name=n.split()[1], position=Position.MEMBER, category=Category.SCHOOL_DIRECTOR,
                                   job_title=f"ผู้อำนวยการโรงเรียนบ้านแม่ระมาดหลวงที่ {i}",
                                   term_start=dt.date(2024, 1, 1)) for i, n in enumerate(names)]  # fmt: skip


def test_attendance_for_ten_members_in_one_save_with_exceptions(secretary, client_for, make_meeting, past_day,
                                                                ten_members):  # fmt: skip
    meeting = make_meeting(past_day)
    services.item_add(user=secretary, meeting=meeting, section=1, title="แจ้งเพื่อทราบ")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    data = {}
    for m in ten_members:
        data.update({f"m{m.pk}-member": m.pk, f"m{m.pk}-kind": "present"})
    absent, replaced = ten_members[2], ten_members[5]
    data.update({f"m{absent.pk}-kind": "absent", f"m{absent.pk}-reason": "ติดราชการ สพฐ."})
    data.update({f"m{replaced.pk}-kind": "substitute", f"m{replaced.pk}-name": "นางสาวมณีรัตน์ ศรีสว่างวงศ์"})
    response = client_for(secretary).post(reverse("committee:attendance_set", args=[meeting.pk]), data)
    assert response.status_code == 302
    kinds = dict(Attendance.objects.filter(meeting=meeting).values_list("member", "kind"))
    assert len(kinds) == 10 and kinds[absent.pk] == "absent" and kinds[replaced.pk] == "substitute"
    assert list(kinds.values()).count("present") == 8


def test_one_wrong_row_saves_nothing_and_names_the_member(secretary, client_for, make_meeting, past_day, ten_members):
    meeting = make_meeting(past_day)
    services.item_add(user=secretary, meeting=meeting, section=1, title="แจ้งเพื่อทราบ")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    data = {f"m{m.pk}-kind": "present" for m in ten_members} | {f"m{m.pk}-member": m.pk for m in ten_members}
    data[f"m{ten_members[0].pk}-kind"] = "absent"  # no reason given
    page = client_for(secretary).post(reverse("committee:attendance_set", args=[meeting.pk]), data).content.decode()
    assert "สมชาย ใจดี: กรุณาระบุเหตุที่ไม่มาประชุม" in page and not meeting.attendance.exists()


def test_everyone_present_records_every_member(secretary, client_for, make_meeting, past_day, ten_members):
    meeting = make_meeting(past_day)
    services.item_add(user=secretary, meeting=meeting, section=1, title="แจ้งเพื่อทราบ")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    client_for(secretary).post(reverse("committee:attendance_set", args=[meeting.pk]), {"everyone": "1"})
    assert meeting.attendance.filter(kind="present").count() == 10


def test_approval_offers_only_later_meetings_of_the_same_body_already_held(users, secretary, make_meeting, past_day):
    first = hold(secretary, make_meeting(past_day))
    second = hold(secretary, make_meeting(past_day + dt.timedelta(days=20)))
    published = make_meeting(past_day + dt.timedelta(days=40))
    services.item_add(user=secretary, meeting=published, section=1, title="แจ้งเพื่อทราบ")
    services.meeting_publish_agenda(user=secretary, meeting=published)
    group = services.body_create(user=users["clerk"], name="ประชุมประจำเดือนกลุ่มนิเทศฯ", kind="internal")
    other = services.meeting_create(user=users["clerk"], body=group, date=past_day + dt.timedelta(days=10),
                                    start_time=dt.time(13, 30), place="ห้องกลุ่ม")  # fmt: skip
    hold(users["clerk"], other)
    choices = list(ApproveForm(meeting=first).fields["at_meeting"].queryset)
    assert choices == [second]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typed_minutes_survive_leaving_through_a_link(page, users, past_day):
    secretary = users["secretary"]
    meeting = services.meeting_create(user=secretary, date=past_day, start_time=dt.time(9, 0), place="ห้องประชุมใหญ่")
    one = services.item_add(user=secretary, meeting=meeting, section=1, title="ประธานแจ้งเพื่อทราบ")
    four = services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาแผนนิเทศ")
    hold(secretary, meeting)
    browser_login(page, "secretary", PASSWORD)
    page.goto(f"/committee/meetings/{meeting.pk}/minutes/")
    page.locator(f"#record-{one.pk}").fill(LONG_RECORD)
    page.locator(f"#resolution-{four.pk}").fill("เห็นชอบแผนนิเทศตามที่เสนอ")
    page.get_by_role("link", name="บันทึกผู้เข้าประชุม").click()  # leave at once, before the autosave delay
    page.get_by_role("heading", name="ผู้เข้าประชุม ครั้งที่").wait_for()
    page.goto(f"/committee/meetings/{meeting.pk}/minutes/")
    assert page.locator(f"#record-{one.pk}").input_value() == LONG_RECORD
    assert page.locator(f"#resolution-{four.pk}").input_value() == "เห็นชอบแผนนิเทศตามที่เสนอ"
    page.context.clear_cookies()  # the server kept it too, not only this browser
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.draft_data or AgendaItem.objects.get(pk=one.pk).record == LONG_RECORD
