"""PDFs really rendered (Celery eager) and read back; Excel export of visits."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import quote

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from core import services as core_services
from core import tabular
from core.models import JobStatus
from supervision import services
from supervision.models import Activity, Indicator, Project
from tests.helpers import compact, pdf_compact, pdf_text


def _render(django_capture_on_commit_callbacks, user, kind, params):
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind=kind, params=params)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job


def test_the_visit_record_pdf_has_the_school_scores_findings_and_signature_lines(
    django_capture_on_commit_callbacks, users, make_visit
):
    visit = make_visit("approved", strengths="ครูจัดกิจกรรมกลุ่มได้ดีเยี่ยม", scores=3)
    visit.follow_ups.create(text="ส่งบันทึกหลังสอน", due_date=visit.date)
    job = _render(
        django_capture_on_commit_callbacks, users["supervisor"], "supervision.visit_record", {"visit": visit.pk}
    )
    found = pdf_compact(job.result.path)
    for phrase in (
        "บันทึกการนิเทศ",
        "โรงเรียนบ้านทดสอบ",
        "20พฤศจิกายน2569",
        "ครูจัดกิจกรรมกลุ่มได้ดีเยี่ยม",
        "จุดที่ควรพัฒนา",
        "ข้อเสนอแนะ",
        "ก่อนสอน",
        "ขณะสอน",
        "หลังสอน",
        "(เฉลี่ย3.0)",
        "ส่งบันทึกหลังสอน",
        "ผู้นิเทศ",
        "ผู้อำนวยการกลุ่มนิเทศ",
        "ผู้บริหารสถานศึกษา",
    ):
        assert compact(phrase) in found, phrase
    assert "ลงชื่อ" in pdf_text(job.result.path)


def test_people_who_cannot_see_a_visit_cannot_print_it(users, make_visit):
    visit = make_visit("draft")
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(
            user=users["school"], kind="supervision.visit_record", params={"visit": visit.pk}
        )


def test_the_supervisor_summary_lists_the_years_visits(django_capture_on_commit_callbacks, users, make_visit):
    make_visit("approved")
    make_visit("submitted")
    make_visit("draft")  # a draft does not count
    job = _render(
        django_capture_on_commit_callbacks, users["supervisor"], "supervision.supervisor_summary", {"fiscal_year": 2570}
    )
    found = pdf_compact(job.result.path)
    assert "สรุปผลการนิเทศ" in found and "ปีงบประมาณ2570" in found
    assert "นิเทศทั้งหมด2ครั้ง" in found and "นิเทศการจัดการเรียนรู้ในชั้นเรียน" in found


def test_a_supervisor_cannot_print_a_colleagues_summary_but_the_director_can(users):
    params = {"fiscal_year": 2570, "user": users["secretary"].pk}
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(user=users["supervisor"], kind="supervision.supervisor_summary", params=params)
    core_services.document_request(user=users["director"], kind="supervision.supervisor_summary", params=params)


def test_the_project_document_follows_the_seed_layout(django_capture_on_commit_callbacks, users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    project = Project.objects.create(
        plan=plan,
        name="การนิเทศแบบบูรณาการ",
        policies="นโยบาย สพป. ด้านคุณภาพ ข้อ 1",
        rationale="เหตุผลของโครงการ",
        objectives="เพื่อส่งเสริมการนิเทศภายใน",
        quantitative_targets="ประชุม ก.ต.ป.น. 6 ครั้ง",
        qualitative_targets="สถานศึกษาร้อยละ 80 พึงพอใจ",
        expected_outcomes="สถานศึกษาพัฒนาคุณภาพ",
    )
    Activity.objects.create(
        project=project,
        order=1,
        name="นิเทศยกระดับโรงเรียนกลุ่มสีดำ",
        period="ธ.ค. 69",
        target_group="โรงเรียน",
        responsible="ศึกษานิเทศก์",
        compensation=4000,
        operating=12000,
        materials=4000,
    )
    Indicator.objects.create(project=project, name="ร้อยละของสถานศึกษาพึงพอใจ", method="สำรวจ", tool="แบบสำรวจ")
    job = _render(
        django_capture_on_commit_callbacks, users["executive"], "supervision.project_document", {"project": project.pk}
    )
    found = pdf_compact(job.result.path)
    for phrase in (
        "1.หลักการและเหตุผล",
        "2.วัตถุประสงค์",
        "3.1เชิงปริมาณ",
        "3.2เชิงคุณภาพ",
        "4.ขั้นตอนการดำเนินงาน",
        "5.งบประมาณจำนวน20,000.00บาท",
        "ค่าตอบแทน",
        "ค่าใช้สอย",
        "วัสดุ",
        "รวมทั้งสิ้น",
        "6.การวัดและประเมินผล",
        "วิธีการประเมิน",
        "เครื่องมือที่ใช้",
        "7.ผลที่คาดว่าจะได้รับ",
        "12,000",
    ):
        assert compact(phrase) in found, phrase


def test_visits_export_to_excel_with_thai_dates_and_codes_as_text(users, client_for, make_visit):
    make_visit("approved")
    response = client_for(users["director"]).get(reverse("supervision:visit_export"), {"year": 2570})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("วันที่", "ปีงบประมาณ", "รหัสสถานศึกษา", "สถานศึกษา")
    assert rows[1][0] == dt.datetime(2026, 11, 20) and sheet.cell(2, 1).number_format == tabular.XLSX_DATE_FORMAT
    assert rows[1][2] == "1099000001" and rows[1][3] == "โรงเรียนบ้านทดสอบ"
    disposition = response["Content-Disposition"]
    assert "filename*=UTF-8''" in disposition and quote("การนิเทศ ปีงบประมาณ 2570") in disposition
    assert rows[1][9] == 2 and rows[1][-1] == "อนุมัติแล้ว รอโรงเรียนรับทราบ"
    assert len(rows) == 2
    school_rows = list(
        load_workbook(
            io.BytesIO(client_for(users["school"]).get(reverse("supervision:visit_export"), {"year": 2570}).content)
        ).active.iter_rows(values_only=True)
    )
    assert len(school_rows) == 2  # school staff get their own school's approved visit only


def test_the_excel_export_holds_exactly_the_rows_the_filtered_list_shows(
    users, client_for, make_visit, school, other_school
):
    make_visit("approved")
    make_visit("approved", school=other_school)
    client = client_for(users["director"])
    params = {"year": 2570, "q": "บ้านอื่น", "type": "classroom"}
    listed = client.get(reverse("supervision:visit_list"), params).content.decode()
    assert "โรงเรียนบ้านอื่น" in listed and "โรงเรียนบ้านทดสอบ" not in listed
    rows = list(
        load_workbook(io.BytesIO(client.get(reverse("supervision:visit_export"), params).content)).active.iter_rows(
            values_only=True
        )
    )
    assert [r[3] for r in rows[1:]] == ["โรงเรียนบ้านอื่น"]
    other_type = {**params, "type": "online"}
    rows = list(
        load_workbook(io.BytesIO(client.get(reverse("supervision:visit_export"), other_type).content)).active.iter_rows(
            values_only=True
        )
    )
    assert len(rows) == 1  # header only
