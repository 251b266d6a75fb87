"""The visit record and the project document as printed: the rubric's scale key beside the scores,
evidence photos scaled to the page with their captions, signature blocks from the shared component,
budgets in one format ("12,500", "-" for none) in tables whose widths are set in cm."""

from __future__ import annotations

import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from core.models import OfficeProfile, StaffProfile
from supervision import services
from supervision.documents import baht, scale_key
from supervision.models import Activity, Indicator, Project, Scale, Tool
from tests.helpers import compact, on_one_line, pdf_compact, pdf_text, render_document, save_page_png

SUPERVISOR = ("นางสาว", "กาญจนาภรณ์", "ศรีสุวรรณวงศ์ไพศาล")
DIRECTOR = ("นาย", "เฉลิมพงษ์", "ธนาภิรมย์สกุลวงศ์")
SCHOOL_NAME = "โรงเรียนบ้านห้วยน้ำขาวมิตรภาพประชาสงเคราะห์วิทยา"
PRINCIPAL = "นางพัชรินทร์ วงศ์ประเสริฐศักดิ์"
CAPTION = "ครูผู้สอนใช้สื่อบัตรคำประกอบการอ่านออกเสียงภาษาไทยชั้นประถมศึกษาปีที่ 2"
PROJECT = "ส่งเสริมและพัฒนาการนิเทศภายในสถานศึกษาแบบบูรณาการเพื่อยกระดับคุณภาพผู้เรียน"


def _lines(path: Path) -> list[str]:
    """The PDF's lines as pdftotext -layout prints them, whitespace folded."""
    raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", line).strip() for line in raw.splitlines()]


def _name(user, person: tuple[str, str, str], position: str) -> str:
    prefix, first, last = person
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    StaffProfile.objects.update_or_create(
        user=user, defaults={"prefix": prefix, "position": position, "academic_rank": "ชำนาญการพิเศษ"}
    )
    return f"{prefix}{first} {last}"


def _photo(name: str, size: tuple[int, int]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 180)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def visit_with_photos(users, school, make_visit):
    school.name, school.principal_name = SCHOOL_NAME, PRINCIPAL
    school.save(update_fields=["name", "principal_name"])
    supervisor = _name(users["supervisor"], SUPERVISOR, "ศึกษานิเทศก์")
    director = _name(users["director"], DIRECTOR, "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา")
    visit = make_visit("draft", scores=3)
    services.evidence_add(user=users["supervisor"], visit=visit, upload=_photo("IMG_2041.png", (2400, 1600)),
                          caption=CAPTION)  # fmt: skip
    services.evidence_add(user=users["supervisor"], visit=visit, upload=_photo("ห้องเรียนชั้น ป.2.png", (900, 1400)))
    services.visit_submit(user=users["supervisor"], visit=visit)
    services.visit_approve(user=users["director"], visit=visit)
    visit.refresh_from_db()
    return visit, supervisor, director


def test_the_scale_key_gives_each_levels_score_and_label_from_the_tool():
    assert scale_key(Tool(scale=Scale.ZERO_THREE)) == [
        {"score": 3, "label": "ดีมาก"}, {"score": 2, "label": "ดี"},
        {"score": 1, "label": "พอใช้"}, {"score": 0, "label": "ปรับปรุง"},
    ]  # fmt: skip
    assert scale_key(Tool(scale=Scale.YES_NO))[0] == {"score": 1, "label": "มี/ใช่"}
    assert scale_key(Tool(scale=Scale.ONE_FIVE))[-1] == {"score": 1, "label": "น้อยที่สุด"}
    assert scale_key(None) == []


@pytest.mark.slow
def test_the_visit_record_prints_the_scale_key_captioned_photos_and_signers(
    django_capture_on_commit_callbacks, users, visit_with_photos
):
    visit, supervisor, director = visit_with_photos
    path = render_document(users["supervisor"], "supervision.visit_record", {"visit": visit.pk},
                  django_capture_on_commit_callbacks)  # fmt: skip
    found = pdf_compact(path)
    # the scale key: every level's score and label of the visit's tool (0–3)
    assert "เกณฑ์การให้คะแนน" in found
    assert compact("3 2 1 0 ดีมาก ดี พอใช้ ปรับปรุง") in found
    # the photos with their captions: the caption written, else the original file name
    assert compact(f"ภาพที่ 1 {CAPTION}") in found
    assert compact("ภาพที่ 2 ห้องเรียนชั้น ป.2.png") in found
    # two images drawn, each scaled to fit its 7.7 cm column (printed width = pixels / ppi)
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    images = [row.split() for row in listed.splitlines()[2:]]
    assert len(images) == 2
    for row in images:
        width_cm, height_cm = int(row[3]) / int(row[12]) * 2.54, int(row[4]) / int(row[13]) * 2.54
        assert width_cm <= 7.75 and height_cm <= 6.55, (width_cm, height_cm)
    # the three signature blocks with names whole and on one line; no hand-written "ลงชื่อ" line is left out
    assert pdf_text(path).count("ลงชื่อ") == 3
    for name in (supervisor, director, PRINCIPAL):  # the bracketed name line of each block, on one line
        assert on_one_line(path, f"({name})"), name
    assert compact("ผู้นิเทศ") in found and compact("ผู้บริหารสถานศึกษา/ผู้รับการนิเทศ") in found
    assert on_one_line(path, "(รหัส 1099000001)")
    pages = len(PdfReader(str(path)).pages)
    save_page_png(path, "supervision.visit_record")
    if pages > 1:
        save_page_png(path, "supervision.visit_record", page=pages)


def test_amounts_are_formatted_one_way_with_a_dash_for_none():
    assert baht(Decimal("12500")) == "12,500"
    assert baht(Decimal("0")) == "-" and baht(None) == "-"
    assert baht(Decimal("1250000.5"), satang=True) == "1,250,000.50"
    assert baht(Decimal("4000"), satang=True) == "4,000.00"


@pytest.fixture
def project(users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    project = Project.objects.create(
        plan=plan, name=PROJECT, policies="นโยบาย สพฐ. ด้านคุณภาพ ข้อ 1\nมาตรฐานการศึกษาขั้นพื้นฐาน มาตรฐานที่ 3",
        rationale="การนิเทศภายในเป็นกลไกสำคัญของการพัฒนาคุณภาพการจัดการเรียนรู้ " * 4,
        objectives="เพื่อส่งเสริมการนิเทศภายในของสถานศึกษา\nเพื่อยกระดับผลสัมฤทธิ์ทางการเรียน",
        quantitative_targets="สถานศึกษาในสังกัด 114 แห่ง", qualitative_targets="สถานศึกษาร้อยละ 80 มีระบบนิเทศภายในที่เข้มแข็ง",
        expected_outcomes="สถานศึกษาพัฒนาคุณภาพการจัดการเรียนรู้",
    )  # fmt: skip
    specs = [  # name, compensation, operating, materials
        ("ประชุมเชิงปฏิบัติการสร้างเครื่องมือนิเทศภายในสถานศึกษาสำหรับผู้บริหารและครูวิชาการ", 4000, 12500, 3500),
        ("นิเทศ ติดตาม และประเมินผลการนิเทศภายในสถานศึกษาโรงเรียนกลุ่มสีดำและสีแดง", 0, 1250000, 0),
        ("สรุปและรายงานผลการดำเนินงานโครงการ", 0, 0, 0),
    ]
    for order, (name, comp, oper, mat) in enumerate(specs, start=1):
        Activity.objects.create(project=project, order=order, name=name, period="ธ.ค. 69 – ก.ย. 70",
                                target_group="ผู้บริหารและครูวิชาการ 114 โรง", responsible="ศึกษานิเทศก์ทุกคน",
                                compensation=comp, operating=oper, materials=mat)  # fmt: skip
    Indicator.objects.create(project=project, name="ร้อยละของสถานศึกษาที่มีระบบนิเทศภายใน", method="ประเมิน",
                             tool="แบบประเมิน")  # fmt: skip
    return project


@pytest.mark.slow
def test_the_project_document_prints_budgets_in_one_format_and_its_signers(
    django_capture_on_commit_callbacks, users, project
):
    office = OfficeProfile.get()
    office.office_name, office.director_name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2", "นายวีระพงษ์ สุขประเสริฐสกุล"
    office.save()
    path = render_document(users["executive"], "supervision.project_document", {"project": project.pk},
                  django_capture_on_commit_callbacks)  # fmt: skip
    lines = _lines(path)
    # the total in the heading, whole, with satang: 4,000 + 12,500 + 3,500 + 1,250,000 = 1,270,000
    assert any("5. งบประมาณ จำนวน 1,270,000.00 บาท" in line for line in lines)
    assert on_one_line(path, "1,270,000.00")
    # each row: total, compensation, operating, materials; "-" where there is none
    assert any(line.endswith("20,000.00 4,000.00 12,500.00 3,500.00") for line in lines), lines
    assert any(line.endswith("1,250,000.00 - 1,250,000.00 -") for line in lines), lines
    assert any(line.endswith("- - - -") for line in lines), lines
    found = pdf_compact(path)
    assert compact("รวมทั้งสิ้น 1,270,000.00 4,000.00 1,262,500.00 3,500.00") in found
    assert "ค่าวัสดุ" in found and "งบประมาณ(บาท)" in found
    # signature blocks from the shared component: proposer and approver, the office director named whole
    assert pdf_text(path).count("ลงชื่อ") == 2
    assert compact("ผู้เสนอโครงการ") in found and compact("ผู้อนุมัติโครงการ") in found
    assert on_one_line(path, "(นายวีระพงษ์ สุขประเสริฐสกุล)")
    assert compact("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2") in found
    save_page_png(path, "supervision.project_document")
    pages = len(PdfReader(str(path)).pages)
    if pages > 1:
        save_page_png(path, "supervision.project_document", page=pages)
