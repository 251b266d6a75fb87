"""Issue 15 item 4: the plan in the committee's cycle — printed, presented on an agenda item, approved by a มติ
shown on the plan page, and distributed to schools."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from committee import services
from committee.models import AgendaPlanLink
from core import thaidate
from core.roles import Role
from supervision import services as plan_services
from supervision.models import Activity, Project
from tests.helpers import compact, pdf_compact, render_document

from .test_publications import _pdf

FY = 2570
RESOLUTION = "ที่ประชุมพิจารณาแล้ว มีมติเห็นชอบแผนนิเทศ ติดตามและประเมินผลการจัดการศึกษา ปีงบประมาณ 2570 ตามที่เสนอ"


@pytest.fixture
def plan(users):
    plan = plan_services.plan_get_or_create(fiscal_year=FY, user=users[Role.DIRECTOR.value])
    plan_services.plan_update(user=users[Role.DIRECTOR.value], plan=plan, data={
        "vision": "สถานศึกษาทุกแห่งจัดการศึกษาได้มาตรฐาน ผู้เรียนมีคุณภาพตามหลักสูตร",
        "mission": "นิเทศ ติดตาม ประเมินผลอย่างเป็นระบบ\nส่งเสริมการประกันคุณภาพภายในสถานศึกษา",
        "goals": "สถานศึกษาได้รับการนิเทศอย่างทั่วถึง", "strategies": "ใช้ข้อมูลสารสนเทศเป็นฐานในการนิเทศ",
    })  # fmt: skip
    project = Project.objects.create(plan=plan, order=1, name="การนิเทศแบบบูรณาการเพื่อยกระดับผลสัมฤทธิ์ทางการเรียน")
    Activity.objects.create(project=project, order=1, name="นิเทศโรงเรียนกลุ่มสีดำ–สีแดง", compensation=Decimal("7200"),
                            operating=Decimal("12500.50"), materials=Decimal("3000"), amount=Decimal("22700.50"))  # fmt: skip
    return plan


@pytest.fixture
def presented(plan, secretary, make_meeting, past_day):
    """A ก.ต.ป.น. meeting whose item 4.1 presents the plan and whose มติ approves it."""
    meeting = make_meeting(past_day)
    item = services.item_add(
        user=secretary, meeting=meeting, section=4, title="พิจารณาให้ความเห็นชอบแผนนิเทศ ปีงบประมาณ 2570"
    )
    services.item_link_plan(user=secretary, item=item, plan=plan)
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    services.meeting_mark_held(user=secretary, meeting=meeting)
    services.item_record(user=secretary, item=item, record="ผู้อำนวยการกลุ่มนิเทศฯ นำเสนอ", resolution=RESOLUTION)
    return item


def test_an_agenda_item_links_the_plan_and_its_approval_shows_on_the_plan_page(presented, users, client_for):
    page = client_for(users["director"]).get(reverse("supervision:plan_detail", args=[FY])).content.decode()
    assert RESOLUTION in page
    assert reverse("committee:meeting_detail", args=[presented.meeting_id]) in page
    assert f"ครั้งที่ {presented.meeting.number_display}" in page


def test_the_plan_is_attached_on_the_agenda_page_form(plan, secretary, client_for, make_meeting):
    meeting = make_meeting(thaidate.today() + dt.timedelta(days=20))
    item = services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาโครงการ")
    project = plan.projects.get()
    response = client_for(secretary).post(reverse("committee:item_plan", args=[item.pk]), {"project": project.pk})
    assert response.status_code == 302
    link = AgendaPlanLink.objects.get(item=item)
    assert (link.plan, link.project) == (plan, project)  # the project's plan is taken when only the project is chosen
    agenda = client_for(secretary).get(reverse("committee:meeting_detail", args=[meeting.pk])).content.decode()
    assert f"โครงการ{project.name}" in agenda


def test_a_project_of_another_plan_is_refused(plan, users, secretary, make_meeting):
    other = plan_services.plan_get_or_create(fiscal_year=FY + 1, user=users[Role.DIRECTOR.value])
    item = services.item_add(user=secretary, meeting=make_meeting(thaidate.today() + dt.timedelta(days=9)), section=4,
                             title="พิจารณาแผน")  # fmt: skip
    with pytest.raises(ValidationError, match="ไม่อยู่ในแผนนิเทศที่เลือก"):
        services.item_link_plan(user=secretary, item=item, plan=other, project=plan.projects.get())


def test_the_plan_prints_with_vision_mission_projects_and_budgets(plan, users, django_capture_on_commit_callbacks):
    path = render_document(users["supervisor"], "supervision.plan_document", {"plan": plan.pk},
                           django_capture_on_commit_callbacks)  # fmt: skip
    text = pdf_compact(path)
    assert compact("แผนนิเทศ ติดตามและประเมินผลการจัดการศึกษา ปีงบประมาณ 2570") in text
    assert compact("สถานศึกษาทุกแห่งจัดการศึกษาได้มาตรฐาน ผู้เรียนมีคุณภาพตามหลักสูตร") in text
    assert compact("2. ส่งเสริมการประกันคุณภาพภายในสถานศึกษา") in text
    assert compact("การนิเทศแบบบูรณาการเพื่อยกระดับผลสัมฤทธิ์ทางการเรียน") in text
    assert compact("22,700.50") in text and compact("12,500.50") in text and compact("7,200.00") in text


def test_publishing_the_plan_to_schools_is_recorded_on_the_plan_page(plan, secretary, users, client_for):
    services.publication_publish(user=secretary, title="แผนนิเทศ ปีงบประมาณ 2570 (ฉบับเผยแพร่)", kind="plan",
                                 audience="schools", fiscal_year=FY, upload=_pdf())  # fmt: skip
    page = client_for(users["supervisor"]).get(reverse("supervision:plan_detail", args=[FY])).content.decode()
    assert "แผนนิเทศ ปีงบประมาณ 2570 (ฉบับเผยแพร่)" in page and "ยังไม่ได้เผยแพร่" not in page


def test_the_agenda_page_reads_every_items_plan_link_in_one_go(plan, secretary, client_for, make_meeting):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = make_meeting(thaidate.today() + dt.timedelta(days=20))
    project = plan.projects.get()
    url = reverse("committee:meeting_detail", args=[meeting.pk])
    client = client_for(secretary)

    def queries_after_linking(title: str) -> int:
        item = services.item_add(user=secretary, meeting=meeting, section=4, title=title)
        services.item_link_plan(user=secretary, item=item, plan=plan, project=project)
        with CaptureQueriesContext(connection) as captured:
            assert f"โครงการ{project.name}" in client.get(url).content.decode()
        return len(captured)

    queries_after_linking("พิจารณาโครงการการนิเทศแบบบูรณาการ ระยะที่ 1")  # the first page load fills caches
    two = queries_after_linking("พิจารณาโครงการการนิเทศแบบบูรณาการ ระยะที่ 2")
    assert queries_after_linking("พิจารณาโครงการการนิเทศแบบบูรณาการ ระยะที่ 3") == two


def test_the_plan_is_linked_by_whoever_runs_the_items_body_and_no_one_else(plan, users, secretary):
    """The group's own meeting is the clerk's: she may present the plan on its item; the ก.ต.ป.น. secretary,
    who does not run that body, may not (as with every other write on its agenda)."""
    from django.core.exceptions import PermissionDenied

    from committee.models import BodyKind

    clerk = users["clerk"]
    body = services.body_create(user=clerk, name="ประชุมประจำเดือนกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
                                kind=BodyKind.INTERNAL, meetings_per_year=12)  # fmt: skip
    meeting = services.meeting_create(user=clerk, body=body, date=dt.date(2026, 3, 10),
                                      start_time=dt.time(13, 30), place="ห้องประชุมกลุ่มนิเทศฯ ชั้น 2")  # fmt: skip
    item = services.item_add(user=clerk, meeting=meeting, section=4, title="รับทราบแผนนิเทศ ปีงบประมาณ 2570")
    with pytest.raises(PermissionDenied, match="เฉพาะเลขานุการของคณะที่ประชุมนี้"):
        services.item_link_plan(user=secretary, item=item, plan=plan)
    assert not AgendaPlanLink.objects.filter(item=item).exists()
    assert services.item_link_plan(user=clerk, item=item, plan=plan).plan == plan
