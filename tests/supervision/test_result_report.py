"""The project result report (issue 16 item 6): typed problems and suggestions, figures from the records,
printed as a background PDF read back; the director prints any supervisor's summary of any year."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core import services as core_services
from core.models import JobStatus
from core.roles import Role
from supervision import services
from supervision.models import Activity, Indicator, Measure, Project, ProjectReport
from supervision.services.reports import project_report_save
from tests.helpers import compact, pdf_compact

from .test_activity_progress import visit

D = Decimal


@pytest.fixture
def project(users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users[Role.DIRECTOR.value])
    project = Project.objects.create(
        plan=plan, order=1, name="การนิเทศฯ แบบบูรณาการโดยความร่วมมือของภาคีเครือข่ายเพื่อยกระดับคุณภาพการศึกษา",
        pooled_budget=True, proposer_name="นางสาวพรทิพย์ ศรีสวัสดิ์", proposer_position="ศึกษานิเทศก์ชำนาญการพิเศษ",
        quantitative_targets="3.1.1 การประชุมคณะกรรมการ ก.ต.ป.น.แบบบูรณาการ จำนวน 6 ครั้ง/ปีงบประมาณ",
    )  # fmt: skip
    Activity.objects.create(
        project=project, order=2, name="กิจกรรมนิเทศยกระดับผลสัมฤทธิ์โรงเรียน กลุ่ม “สีดำ – สีแดง”", amount=D("20000"),
        visits_per_school_target=2, period="ธันวาคม 2569",
    )  # fmt: skip
    Activity.objects.create(project=project, order=6, name="กิจกรรมนิเทศระบบ online", amount=D("50000"))
    Indicator.objects.create(project=project, order=1, name="ร้อยละของโรงเรียนที่ได้รับการนิเทศ",
                             target="ร้อยละ 100", measure=Measure.COVERAGE)  # fmt: skip
    return project


def spend(user, activity, amount, category="operating"):
    return services.spending_record(
        user=user, activity=activity, date=dt.date(2026, 12, 1), amount=amount, category=category,
        purpose="ค่าอาหารว่างและเครื่องดื่ม",
    )  # fmt: skip


def _render(capture, user, params):
    with capture(execute=True):
        job = core_services.document_request(user=user, kind="supervision.project_result", params=params)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job


def test_the_report_keeps_problems_suggestions_and_what_each_activity_did(project, users):
    first = project.activities.get(order=2)
    project_report_save(
        user=users[Role.SUPERVISOR.value], project=project, summary="ดำเนินการครบทุกกิจกรรม",
        problems="งบประมาณได้รับล่าช้า\nโรงเรียนขนาดเล็กมีครูไม่ครบชั้น", suggestions="ควรจัดสรรงบตั้งแต่ต้นปี",
        activity_notes={first.pk: "นิเทศโรงเรียนกลุ่มสีแดง 12 โรง"},
    )  # fmt: skip
    report = ProjectReport.objects.get(project=project)
    assert report.note_for(first.pk) == "นิเทศโรงเรียนกลุ่มสีแดง 12 โรง"
    assert report.problems.splitlines() == ["งบประมาณได้รับล่าช้า", "โรงเรียนขนาดเล็กมีครูไม่ครบชั้น"]


def test_a_reader_cannot_write_the_report_and_an_activity_of_another_project_is_refused(project, users):
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น"):
        project_report_save(user=users[Role.EXECUTIVE.value], project=project, summary="", problems="",
                            suggestions="", activity_notes={})  # fmt: skip
    other = Project.objects.create(plan=project.plan, name="โครงการอื่น")
    stranger = Activity.objects.create(project=other, name="กิจกรรมของโครงการอื่น")
    with pytest.raises(ValidationError, match="กิจกรรมนี้ไม่ได้อยู่ในโครงการนี้"):
        project_report_save(user=users[Role.DIRECTOR.value], project=project, summary="", problems="",
                            suggestions="", activity_notes={stranger.pk: "x"})  # fmt: skip


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler (pdftotext) is not installed")
def test_the_result_report_pdf_reads_back_planned_against_spent_and_the_typed_text(
    project, users, school, other_school, classroom_tool, django_capture_on_commit_callbacks
):
    first = project.activities.get(order=2)
    spend(users[Role.SUPERVISOR.value], first, "3,600.00")
    spend(users[Role.DIRECTOR.value], first, "2,450.50", category="materials")
    visit(users, school, first, classroom_tool)
    project_report_save(
        user=users[Role.DIRECTOR.value], project=project, summary="", problems="งบประมาณได้รับล่าช้า",
        suggestions="ควรจัดสรรงบตั้งแต่ต้นปีงบประมาณ", activity_notes={first.pk: "ประชุมชี้แจงโรงเรียนกลุ่มสีแดง"},
    )  # fmt: skip
    job = _render(django_capture_on_commit_callbacks, users[Role.EXECUTIVE.value], {"project": project.pk})
    found = pdf_compact(job.result.path)
    for phrase in [
        "รายงานผลการดำเนินโครงการ", "ปีงบประมาณ2570",
        "20,000.006,050.5013,949.50",  # the 20,000 activity: planned, spent, remaining
        "50,000.00-50,000.00",  # nothing spent yet on the online activity
        "รวมทั้งสิ้น70,000.006,050.5063,949.50",
        "นิเทศ1ครั้งใน1โรงเรียน", "ประชุมชี้แจงโรงเรียนกลุ่มสีแดง", "2ครั้ง/โรงเรียน/ปี",
        "ร้อยละ50.00(1จาก2โรงเรียน)", "ร้อยละของโรงเรียนเป้าหมายที่ได้รับการนิเทศ",
        "ปัญหาและอุปสรรค", "1.งบประมาณได้รับล่าช้า", "1.ควรจัดสรรงบตั้งแต่ต้นปีงบประมาณ",
        "นางสาวพรทิพย์ศรีสวัสดิ์", "ผู้รายงาน",
    ]:  # fmt: skip
        assert compact(phrase) in found, phrase


def test_school_staff_cannot_print_the_result_report(project, users):
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(
            user=users[Role.SCHOOL.value], kind="supervision.project_result", params={"project": project.pk}
        )


def test_the_report_page_shows_the_figures_and_saves_the_typed_text(project, users, client_for):
    first = project.activities.get(order=2)
    spend(users[Role.DIRECTOR.value], first, "3,600.00")
    client = client_for(users[Role.SUPERVISOR.value])
    url = reverse("supervision:project_report_edit", args=[project.pk])
    page = client.get(url).content.decode()
    assert "3,600.00" in page and "16,400.00" in page
    data = {"summary": "", "problems": "ครูติดภารกิจ", "suggestions": "", f"activity_{first.pk}": "จัดพบกลุ่ม 2 ครั้ง"}
    assert client.post(url, data).status_code == 302
    assert ProjectReport.objects.get(project=project).note_for(first.pk) == "จัดพบกลุ่ม 2 ครั้ง"


def test_the_director_chooses_any_supervisor_and_year_for_the_summary(users, client_for):
    page = client_for(users[Role.DIRECTOR.value]).get(reverse("supervision:summary_choice")).content.decode()
    assert f'value="{users[Role.SUPERVISOR.value].pk}"' in page and "ทดสอบ supervisor" in page
    assert 'value="supervision.supervisor_summary"' in page
    own = client_for(users[Role.SUPERVISOR.value]).get(reverse("supervision:summary_choice")).content.decode()
    assert f'value="{users[Role.DIRECTOR.value].pk}"' not in own


def test_the_director_prints_a_supervisors_summary_of_a_past_year(
    users, make_visit, django_capture_on_commit_callbacks
):
    make_visit("approved", date=dt.date(2025, 11, 20))  # ปีงบประมาณ 2569
    params = {"fiscal_year": 2569, "user": users[Role.SUPERVISOR.value].pk}
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(
            user=users[Role.DIRECTOR.value], kind="supervision.supervisor_summary", params=params
        )
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    found = pdf_compact(job.result.path)
    assert "ปีงบประมาณ2569" in found and "นิเทศทั้งหมด1ครั้ง" in found and "ทดสอบsupervisor" in found
