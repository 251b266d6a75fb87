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
    Indicator.objects.create(
        project=project, name="ร้อยละของโรงเรียนที่มีระบบนิเทศภายใน", target="ร้อยละ 80", result="ร้อยละ 90"
    )
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
    return services.report_update(
        user=secretary,
        report=report,
        preface="รายงานฉบับนี้สรุปผลการดำเนินงานของคณะกรรมการ",
        executive_summary="ภาพรวมการนิเทศเป็นไปตามแผน",
        recommendations="ควรเพิ่มการนิเทศโรงเรียนขนาดเล็ก",
    )


def _render(django_capture_on_commit_callbacks, user, report):
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind="committee.annual_report", params={"report": report.pk})
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job.result.path


def test_the_annual_report_gathers_the_year_from_the_apps(django_capture_on_commit_callbacks, secretary, year_data):
    path = _render(django_capture_on_commit_callbacks, secretary, year_data)
    text = pdf_compact(path)
    for part in (
        "รายงานผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา",
        "ประจำปีงบประมาณ 2570",
        "รายงานฉบับนี้สรุปผลการดำเนินงานของคณะกรรมการ",
        "ภาพรวมการนิเทศเป็นไปตามแผน",
        "โครงการยกระดับการนิเทศภายในสถานศึกษา",
        "ร้อยละของโรงเรียนที่มีระบบนิเทศภายใน",
        "ได้รับการนิเทศ 1 แห่ง รวม 1 ครั้ง",
        "กลุ่มทดสอบหนึ่ง",
        "โรงเรียนบ้านทดสอบ",
        "ครูจัดกิจกรรมเชิงรุก",
        "การวัดผลระหว่างเรียน",
        "ให้กลุ่มนิเทศจัดอบรมการวัดผล",
        "ควรเพิ่มการนิเทศโรงเรียนขนาดเล็ก",
        "ยังไม่มีข้อมูลผลการประกันคุณภาพของปีการศึกษา 2569",
    ):
        assert compact(part) in text, part
    assert pdf_page_count(path) >= 9  # cover, preface, contents and seven parts


def test_the_contents_page_gives_each_part_its_page(django_capture_on_commit_callbacks, secretary, year_data):
    path = _render(django_capture_on_commit_callbacks, secretary, year_data)
    pages = [
        compact(
            subprocess.run(
                ["pdftotext", "-f", str(n), "-l", str(n), path, "-"], capture_output=True, text=True, check=True
            ).stdout
        )
        for n in range(1, pdf_page_count(path) + 1)
    ]
    contents = next(p for p in pages if compact("สารบัญ") in p)
    heading = compact("ส่วนที่ 7 ข้อเสนอแนะ")
    page_of_part_7 = next(i + 1 for i, p in enumerate(pages) if heading in p and p is not contents)
    match = re.search(re.escape(heading) + r"\.*(\d+)", contents)
    assert match and int(match.group(1)) == page_of_part_7


def test_the_report_draws_bar_charts_with_html_labels(year_data):
    ctx = annual_report.report_context(year_data)
    assert [r.label for r in ctx["coverage_chart"].rows] == ["กลุ่มทดสอบหนึ่ง"]
    assert [b.display for r in ctx["indicator_chart"].rows for b in r.bars] == ["80", "90"]
    assert [r.bars[0].display for r in ctx["meetings"]["chart"].rows][1] == "1 ครั้ง"


def test_a_failing_source_fails_the_job_with_its_name_and_a_retry_succeeds(
    monkeypatch, django_capture_on_commit_callbacks, secretary, year_data
):
    def broken(fiscal_year: int) -> dict:
        raise RuntimeError("supervision is down")

    monkeypatch.setattr(annual_report, "supervision_data", broken)
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(
            user=secretary, kind="committee.annual_report", params={"report": year_data.pk}
        )
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "รวบรวมข้อมูลการนิเทศไม่สำเร็จ" in job.error and "supervision is down" in job.error
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        core_services.document_job_retry(user=secretary, job=job)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2
    assert compact("ให้กลุ่มนิเทศจัดอบรมการวัดผล") in pdf_compact(job.result.path)


def test_the_annual_report_shows_the_quality_assurance_results_of_the_year(
    django_capture_on_commit_callbacks, users, school, other_school, secretary, year_data
):
    from qa import services as qa_services
    from qa.models import Level

    school_user = users[Role.SCHOOL.value]
    sar = qa_services.sar_start(user=school_user, school=school, academic_year=2569)  # reported in fiscal year 2570
    ratings = list(sar.ratings.select_related("standard"))
    levels = {r.standard_id: Level.FAIR if r.standard.code == "1" else Level.VERY_GOOD for r in ratings}
    qa_services.sar_update(user=school_user, sar=sar, levels=levels, strengths="ห้องสมุดมีชีวิต",
                           to_develop="การอ่านออกเขียนได้", development_plan="โครงการรักการอ่าน")  # fmt: skip
    qa_services.sar_submit(user=school_user, sar=sar)
    text = pdf_compact(_render(django_capture_on_commit_callbacks, secretary, year_data))
    assert compact("ส่วนที่ 5 ผลการประกันคุณภาพการศึกษา (ปีการศึกษา 2569)") in text
    assert compact("ยังไม่มีข้อมูลผลการประกันคุณภาพ") not in text
    assert compact("สถานศึกษาที่มีมาตรฐานต่ำกว่าระดับดี 1 แห่ง · รายงานการประเมินตนเอง (SAR) 1 ฉบับ") in text
    assert compact("ปานกลาง 1") in text and compact("ดีเลิศ 1") in text


def test_members_request_only_published_reports(users, secretary, year_data):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(
            user=users["member"], kind="committee.annual_report", params={"report": year_data.pk}
        )
    services.report_set_published(user=secretary, report=year_data, published=True)
    core_services.document_request(
        user=users["member"], kind="committee.annual_report", params={"report": year_data.pk}
    )


def test_the_committees_report_counts_only_the_committees_meetings_and_resolutions(users, secretary, make_meeting):
    from committee.information_figures import general_figures
    from committee.models import BodyKind

    day = dt.date(2026, 11, 10)  # fiscal year 2570
    ktpn = make_meeting(day)
    hold(secretary, ktpn)
    group = services.body_create(user=users["clerk"], name="ประชุมประจำเดือนกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
                                 kind=BodyKind.INTERNAL, meetings_per_year=12)  # fmt: skip
    for offset in (1, 2):
        monthly = services.meeting_create(user=users["clerk"], body=group, date=day + dt.timedelta(days=offset),
                                          start_time=dt.time(13, 30), place="ห้องประชุมกลุ่มนิเทศฯ")  # fmt: skip
        hold(users["clerk"], monthly)
    part = annual_report._meetings(2570)
    assert [m.body_id for m in part["list"]] == [ktpn.body_id] and part["held"] == 1
    assert dict(general_figures(2570))["การประชุม ก.ต.ป.น."].startswith("ประชุมแล้ว 1 ")


def test_a_standards_levels_print_each_with_its_count_on_one_line(users, school):
    """ "ดีเลิศ 11" must never print as "ดีเลิศ / 11": each level and its count are one no-wrap piece, and the
    list breaks only between pieces (a no-break space alone did not hold in WeasyPrint's Thai line breaking)."""
    from committee.information_figures import academic_figures
    from qa import services as qa_services
    from qa.models import Level

    school_user = users[Role.SCHOOL.value]
    sar = qa_services.sar_start(user=school_user, school=school, academic_year=2569)
    ratings = list(sar.ratings.select_related("standard"))
    qa_services.sar_update(user=school_user, sar=sar, levels={r.standard_id: Level.VERY_GOOD for r in ratings},
                           strengths="ห้องสมุดมีชีวิต", to_develop="การอ่าน", development_plan="รักการอ่าน")  # fmt: skip
    qa_services.sar_submit(user=school_user, sar=sar)
    levels = [value for label, value in academic_figures(2570) if label.startswith("1 ")]
    assert levels == ['<span class="nw">ดีเลิศ 1</span>']
