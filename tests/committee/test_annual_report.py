from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from committee import annual_report, services
from core import services as core_services
from core.models import JobStatus
from core.roles import Role
from supervision import services as sup_services
from supervision.models import Indicator, Project
from tests.helpers import compact, pdf_compact, pdf_page_count

from .conftest import hold

DAY = dt.date(2026, 11, 2)  # ปีงบประมาณ 2570


@pytest.fixture
def year_data(users, school, secretary, make_meeting):
    plan = sup_services.plan_get_or_create(fiscal_year=2570, user=users[Role.DIRECTOR.value])
    project = Project.objects.create(plan=plan, name="โครงการยกระดับการนิเทศภายในสถานศึกษา")
    Indicator.objects.create(project=project, name="ร้อยละของโรงเรียนที่มีระบบนิเทศภายใน", target="ร้อยละ 80",
                             result="ร้อยละ 90")
    supervisor = users[Role.SUPERVISOR.value]
    visit = sup_services.visit_create(user=supervisor, school=school, date=DAY, visit_type="classroom")
    sup_services.visit_save(user=supervisor, visit=visit, fields={
        "school": school, "date": DAY, "visit_type": "classroom", "strengths": "ครูจัดกิจกรรมเชิงรุก",
        "to_develop": "การวัดผลระหว่างเรียน", "recommendations": "",
    }, team=[], teachers=[], scores={}, follow_ups=[])  # fmt: skip
    sup_services.visit_submit(user=supervisor, visit=visit)
    sup_services.visit_approve(user=users[Role.DIRECTOR.value], visit=visit)
    meeting = make_meeting(DAY)
    item = services.item_add(user=secretary, meeting=meeting, section=4, title="แผนนิเทศ")
    hold(secretary, meeting)
    services.resolution_add(user=secretary, item=item, text="ให้กลุ่มนิเทศจัดอบรมการวัดผล", responsible="ศน.")
    report = services.report_get_or_create(user=secretary, fiscal_year=2570)
    return services.report_update(user=secretary, report=report, preface="รายงานฉบับนี้สรุปผลการดำเนินงานของคณะกรรมการ",
                                  executive_summary="ภาพรวมการนิเทศเป็นไปตามแผน",
                                  recommendations="ควรเพิ่มการนิเทศโรงเรียนขนาดเล็ก")


def _render(django_capture_on_commit_callbacks, user, report):
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind="committee.annual_report", params={"report": report.pk})
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job.result.path


def test_the_annual_report_gathers_the_year_from_the_apps(django_capture_on_commit_callbacks, secretary, year_data):
    path = _render(django_capture_on_commit_callbacks, secretary, year_data)
    text = pdf_compact(path)
    for part in ("รายงานผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา", "ประจำปีงบประมาณ 2570",
                 "รายงานฉบับนี้สรุปผลการดำเนินงานของคณะกรรมการ", "ภาพรวมการนิเทศเป็นไปตามแผน",
                 "โครงการยกระดับการนิเทศภายในสถานศึกษา", "ร้อยละของโรงเรียนที่มีระบบนิเทศภายใน",
                 "ได้รับการนิเทศ 1 แห่ง รวม 1 ครั้ง", "กลุ่มทดสอบหนึ่ง", "โรงเรียนบ้านทดสอบ", "ครูจัดกิจกรรมเชิงรุก",
                 "การวัดผลระหว่างเรียน", "ให้กลุ่มนิเทศจัดอบรมการวัดผล", "ควรเพิ่มการนิเทศโรงเรียนขนาดเล็ก",
                 "ยังไม่มีข้อมูลผลการประกันคุณภาพของปีการศึกษา 2569"):
        assert compact(part) in text, part
    assert pdf_page_count(path) >= 9  # cover, preface, contents and seven parts


def test_the_contents_page_gives_each_part_its_page(django_capture_on_commit_callbacks, secretary, year_data):
    path = _render(django_capture_on_commit_callbacks, secretary, year_data)
    pages = [compact(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), path, "-"], capture_output=True,
                                  text=True, check=True).stdout) for n in range(1, pdf_page_count(path) + 1)]
    contents = next(p for p in pages if compact("สารบัญ") in p)
    heading = compact("ส่วนที่ 7 ข้อเสนอแนะ")
    page_of_part_7 = next(i + 1 for i, p in enumerate(pages) if heading in p and p is not contents)
    match = re.search(re.escape(heading) + r"\.*(\d+)", contents)
    assert match and int(match.group(1)) == page_of_part_7


def test_the_report_draws_bar_charts_as_svg(year_data):
    ctx = annual_report.report_context(year_data)
    assert ctx["coverage_chart"].startswith("<svg") and "กลุ่มทดสอบหนึ่ง" in ctx["coverage_chart"]
    assert "<rect" in ctx["indicator_chart"] and ">90<" in ctx["indicator_chart"]
    assert ">1 ครั้ง<" in ctx["meetings"]["chart"]


def test_a_missing_source_leaves_a_clear_line_instead_of_failing(monkeypatch, django_capture_on_commit_callbacks,
                                                                  secretary, year_data):
    def broken(fiscal_year: int) -> dict:
        raise RuntimeError("supervision is down")

    monkeypatch.setattr(annual_report, "supervision_data", broken)
    text = pdf_compact(_render(django_capture_on_commit_callbacks, secretary, year_data))
    assert compact("ยังไม่มีข้อมูลการนิเทศ") in text and compact("ยังไม่มีข้อมูลโครงการของปีงบประมาณ 2570") in text
    assert compact("ให้กลุ่มนิเทศจัดอบรมการวัดผล") in text


def test_members_request_only_published_reports(users, secretary, year_data):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        core_services.document_request(user=users["member"], kind="committee.annual_report",
                                       params={"report": year_data.pk})
    services.report_set_published(user=secretary, report=year_data, published=True)
    core_services.document_request(user=users["member"], kind="committee.annual_report", params={"report": year_data.pk})
