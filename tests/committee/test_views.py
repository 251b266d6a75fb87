from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from committee import services
from committee.models import Meeting

from .conftest import hold


@pytest.fixture
def world(secretary, make_meeting, committee_members):
    """A draft, a published, a held and an approved meeting, an item with a resolution, a draft report."""
    approved = make_meeting(dt.date(2026, 1, 10))
    item = services.item_add(user=secretary, meeting=approved, section=4, title="แผนนิเทศ")
    hold(secretary, approved)
    services.item_record(user=secretary, item=item, record="อภิปราย", resolution="เห็นชอบ")
    services.minutes_update(user=secretary, minutes=approved.minutes, ended_at=dt.time(12, 0))
    resolution = services.resolution_add(user=secretary, item=item, responsible="ศน.")
    held = make_meeting(dt.date(2026, 2, 10))
    hold(secretary, held)
    services.minutes_approve(user=secretary, minutes=approved.minutes, at_meeting=held)
    published = make_meeting(dt.date(2026, 12, 20))
    services.item_add(user=secretary, meeting=published, section=4, title="พิจารณาปฏิทิน")
    services.meeting_publish_agenda(user=secretary, meeting=published)
    draft = make_meeting(dt.date(2026, 12, 28))
    report = services.report_get_or_create(user=secretary, fiscal_year=2569)
    return {
        "approved": approved,
        "held": held,
        "published": published,
        "draft": draft,
        "item": item,
        "resolution": resolution,
        "report": report,
    }


def _pages(w: dict) -> list[str]:
    m = w["held"].pk
    return [
        reverse("committee:index"),
        reverse("committee:member_list"),
        reverse("committee:meeting_list"),
        reverse("committee:meeting_detail", args=[w["draft"].pk]),
        reverse("committee:meeting_detail", args=[m]),
        reverse("committee:minutes", args=[m]),
        reverse("committee:minutes", args=[w["approved"].pk]),
        reverse("committee:resolution_list"),
        reverse("committee:resolution_detail", args=[w["resolution"].pk]),
        reverse("committee:report_list"),
        reverse("committee:report_detail", args=[w["report"].pk]),
        reverse("committee:meeting_create"),
        reverse("committee:meeting_edit", args=[w["draft"].pk]),
        reverse("committee:item_add", args=[w["draft"].pk]),
        reverse("committee:item_edit", args=[w["item"].pk]),
        reverse("committee:attendance", args=[m]),
        reverse("committee:member_create"),
    ]


def test_every_page_opens_for_the_secretary(world, secretary, client_for):
    client = client_for(secretary)
    for url in _pages(world):
        assert client.get(url).status_code == 200, url


def test_members_see_published_agendas_and_approved_minutes_only(world, users, client_for):
    client = client_for(users["member"])
    detail = lambda m: reverse("committee:meeting_detail", args=[m.pk])  # noqa: E731
    assert client.get(detail(world["draft"])).status_code == 404
    assert client.get(detail(world["published"])).status_code == 200
    assert client.get(reverse("committee:minutes", args=[world["held"].pk])).status_code == 404
    page = client.get(reverse("committee:minutes", args=[world["approved"].pk]))
    assert page.status_code == 200 and "เห็นชอบ" in page.content.decode()
    listing = client.get(reverse("committee:meeting_list")).content.decode()
    assert world["published"].number_display in listing and world["draft"].number_display not in listing
    assert client.get(reverse("committee:report_detail", args=[world["report"].pk])).status_code == 404


def test_a_published_report_becomes_readable_by_members(world, users, secretary, client_for):
    url = reverse("committee:report_detail", args=[world["report"].pk])
    services.report_set_published(user=secretary, report=world["report"], published=True)
    assert client_for(users["member"]).get(url).status_code == 200


@pytest.mark.parametrize("role", ["director", "executive"])
def test_director_and_executive_read_drafts_but_cannot_write(world, users, client_for, role):
    client = client_for(users[role])
    assert client.get(reverse("committee:meeting_detail", args=[world["draft"].pk])).status_code == 200
    assert client.get(reverse("committee:minutes", args=[world["held"].pk])).status_code == 200
    assert client.post(reverse("committee:meeting_publish", args=[world["draft"].pk])).status_code == 403
    assert client.get(reverse("committee:meeting_create")).status_code == 403


@pytest.mark.parametrize("role", ["member", "supervisor", "clerk"])
def test_readers_cannot_write(world, users, client_for, role):
    client = client_for(users[role])
    published = world["published"].pk
    assert client.post(reverse("committee:meeting_held", args=[published])).status_code == 403
    assert client.get(reverse("committee:item_edit", args=[world["item"].pk])).status_code == 403
    assert client.post(reverse("committee:report_create"), {"fiscal_year": 2570}).status_code == 403


def test_school_staff_are_kept_out(world, users, client_for):
    client = client_for(users["school"])
    assert client.get(reverse("committee:index")).status_code == 403
    assert client.get(reverse("committee:meeting_detail", args=[world["published"].pk])).status_code == 404


def test_post_only_actions_refuse_get(world, secretary, client_for):
    client = client_for(secretary)
    m = world["draft"].pk
    for url in (
        reverse("committee:meeting_publish", args=[m]),
        reverse("committee:meeting_held", args=[m]),
        reverse("committee:meeting_cancel", args=[m]),
        reverse("committee:meeting_carry_over", args=[m]),
        reverse("committee:minutes_approve", args=[m]),
        reverse("committee:item_delete", args=[world["item"].pk]),
        reverse("committee:target_set"),
        reverse("committee:report_publish", args=[world["report"].pk]),
    ):
        assert client.get(url).status_code == 405, url


def test_creating_a_meeting_with_a_be_date_numbers_it(secretary, client_for):
    client = client_for(secretary)
    response = client.post(
        reverse("committee:meeting_create"),
        {
            "title": "การประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา",
            "date": "15/01/2570",
            "start_time": "09:30",
            "place": "ห้องประชุม 1",
            "online_link": "",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and meeting.number_display == "1/2570" and meeting.date == dt.date(2027, 1, 15)


def test_an_impossible_date_is_refused_in_thai_and_keeps_the_input(secretary, client_for):
    response = client_for(secretary).post(
        reverse("committee:meeting_create"),
        {
            "title": "ประชุม",
            "date": "30/02/2570",
            "start_time": "09:30",
            "place": "ห้องประชุม 1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "ไม่มีวันที่ 30 กุมภาพันธ์ 2570 ในปฏิทิน" in page
    assert "ห้องประชุม 1" in page and not Meeting.objects.exists()


def test_attendance_rules_show_as_messages(world, secretary, committee_members, client_for):
    client = client_for(secretary)
    member = committee_members[1]
    url = reverse("committee:attendance_set", args=[world["published"].pk])
    response = client.post(
        url, {"member_pk": member.pk, f"m{member.pk}-member": member.pk, f"m{member.pk}-kind": "absent"}, follow=True
    )
    assert "กรุณาระบุเหตุที่ไม่มาประชุม" in response.content.decode()
    client.post(
        url,
        {
            "member_pk": member.pk,
            f"m{member.pk}-member": member.pk,
            f"m{member.pk}-kind": "absent",
            f"m{member.pk}-reason": "ติดราชการ",
        },
    )
    assert world["published"].attendance.get().reason == "ติดราชการ"


def test_home_shows_fiscal_year_progress_and_open_resolutions(world, secretary, client_for, make_meeting):
    from core import thaidate

    hold(secretary, make_meeting(thaidate.today(), confirm_date=True))  # the world's meetings lie ahead of it
    services.target_set(user=secretary, fiscal_year=thaidate.fiscal_year(thaidate.today()), meetings=4)
    page = client_for(secretary).get(reverse("committee:index")).content.decode()
    assert "ประชุมแล้ว 1 จาก 4 ครั้งที่กำหนด" in page
    assert "มติที่ยังต้องติดตาม (1)" in page


def test_the_home_page_shows_the_committee_panel_to_the_secretary_and_members(world, users, client_for):
    page = client_for(users["secretary"]).get(reverse("home")).content.decode()
    assert "ก.ต.ป.น." in page and "มติที่ยังต้องติดตาม 1 เรื่อง" in page
    assert f"ครั้งที่ {world['published'].number_display}" in page
    member_page = client_for(users["member"]).get(reverse("home")).content.decode()
    assert f"ครั้งที่ {world['published'].number_display}" in member_page
    assert "มติที่ยังต้องติดตาม" not in client_for(users["school"]).get(reverse("home")).content.decode()


@pytest.mark.slow
def test_the_demo_seeds_a_working_committee(db):
    import random

    from django.contrib.auth.models import Group

    from committee import demo as committee_demo
    from committee.models import Meeting, MeetingStatus, Resolution
    from core import demo
    from core.models import LearningArea, WorkUnit
    from core.reference import ensure_reference_data
    from schools import demo as schools_demo
    from supervision import demo as supervision_demo

    ctx = demo.DemoContext(rng=random.Random(2569), log=lambda *a: None)
    ensure_reference_data(Group, WorkUnit, LearningArea)
    demo.seed_office(ctx)
    demo.seed_people(ctx)
    schools_demo.seed(ctx)
    supervision_demo.seed(ctx)
    committee_demo.seed(ctx)
    statuses = sorted(Meeting.objects.filter(body__kind="ktpn").values_list("status", flat=True))
    assert statuses == sorted(
        [
            MeetingStatus.MINUTES_APPROVED,
            MeetingStatus.MINUTES_APPROVED,
            MeetingStatus.HELD,
            MeetingStatus.AGENDA_PUBLISHED,
        ]
    )
    assert Resolution.objects.filter(status__in=["open", "in_progress"]).count() == 2
    upcoming = Meeting.objects.get(status=MeetingStatus.AGENDA_PUBLISHED, body__kind="ktpn")
    assert upcoming.invitation_number
    # issue 15: the group's monthly meeting (the clerk's, one held and one ahead, each numbered in its body)
    # and a cluster principals' body with its school directors
    group = Meeting.objects.filter(body__kind="internal").order_by("date")
    assert [m.status for m in group] == [MeetingStatus.HELD, MeetingStatus.DRAFT]
    assert group[0].minutes.recorder_name and group[0].attendance.count() == 4
    assert Meeting.objects.get(body__kind="ktpn", status=MeetingStatus.HELD).number != 0
    from committee.models import MeetingBody

    assert MeetingBody.objects.get(kind="cluster").members.count() == 5
