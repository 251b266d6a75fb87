"""The school directory (ทำเนียบสถานศึกษา) printed from realistic data: 120 schools in 8 clusters,
long names with stacked marks, long principals' titles, empty cells. Its text is read back."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from schools import services
from schools.documents import phone_parts
from tests.helpers import compact, on_one_line, pdf_page_count, pdf_words, render_document, save_page_png

HEADERS = ["ที่", "รหัส", "ชื่อสถานศึกษา", "อำเภอ", "ผู้บริหาร", "นักเรียน", "ขนาด", "โทรศัพท์"]
CLUSTERS = ["กลุ่มโรงเรียนในเมือง", "กลุ่มโรงเรียนหนองบัว–ท่าช้าง", "กลุ่มโรงเรียนนาดี", "กลุ่มโรงเรียนโคกสูง",
            "กลุ่มโรงเรียนภูงาม", "กลุ่มโรงเรียนห้วยทราย–ดอนตาล", "กลุ่มโรงเรียนลำน้ำใส", "กลุ่มโรงเรียนบ้านโพธิ์–นาคำ"]  # fmt: skip
PLACES = ["โพธิ์ศรีสุวรรณ", "หนองบัวแดง", "น้ำเกลี้ยง", "ท่าช้าง", "ห้วยทราย", "ดอนตาลเหนือ", "ลำน้ำใส",
          "โคกสูงใหญ่", "ภูงามพัฒนา", "นาคำน้อย", "ศรีสำราญ", "ตำแย", "กุดเชียงหมี", "ทุ่งใหญ่"]  # fmt: skip
SUFFIXES = ["", "วิทยาคาร", "ประชาสามัคคี", "พิทยาคม", " (คุรุราษฎร์อุปถัมภ์)", "ที่ยอดเยี่ยม", "ชนูปถัมภ์"]
DISTRICTS = ["เมืองศรีสะเกษ", "กันทรลักษ์", "ขุขันธ์", "น้ำเกลี้ยง", "ศรีรัตนะ", "ภูสิงห์"]
TITLES = ["นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ดร."]
FIRST = ["สมศักดิ์", "พรรณีวรรณา", "ประภาพร", "ธนพลธรรม", "อำไพ", "จำเนียร", "สุนีย์รัตน์"]
LAST = ["ศรีสุขสวัสดิ์วงศ์ตระกูล", "แก้วประเสริฐศักดิ์", "อินทร์แก้วมณีรัตน์", "ลำดวนหอม", "คำภูเงิน", "ทองดี"]


def _directory_schools(seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    schools = []
    for n in range(120):
        cluster = CLUSTERS[n % len(CLUSTERS)]
        name = f"โรงเรียนบ้าน{PLACES[n % len(PLACES)]}{SUFFIXES[n % len(SUFFIXES)]}"
        principal = f"{rng.choice(TITLES)}{rng.choice(FIRST)} {rng.choice(LAST)}" if n % 9 else ""
        pupils = 0 if n % 17 == 0 else rng.choice([38, 74, 126, 212, 388, 642, 1250, 1875])
        phone = rng.choice(["0 4561 2345", "08 1234 5678", "", "0 4567 1234 ต่อ 12", "0 4561 2345, 08 9876 5432"])
        schools.append({"cluster": cluster, "code": f"1033{n:06d}", "name": f"{name} {n}", "district": DISTRICTS[n % 6],
                        "principal_name": principal, "pupils": pupils, "phone": phone})  # fmt: skip
    return schools


@pytest.fixture
def directory_pdf(db, users, django_capture_on_commit_callbacks) -> tuple[Path, list[dict]]:
    clusters = {name: services.cluster_create(name=name) for name in CLUSTERS}
    schools = _directory_schools()
    for s in schools:
        services.school_create(**{**s, "cluster": clusters[s["cluster"]]}, level_primary=True)
    pdf = render_document(users["supervisor"], "schools.school_directory", {}, django_capture_on_commit_callbacks)
    for page in range(1, pdf_page_count(pdf) + 1):
        save_page_png(pdf, "schools.school_directory", page)
    return pdf, schools


def _pages(pdf: Path) -> list[str]:
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [compact(page) for page in raw.split("\f")[:-1]]


@pytest.mark.slow
def test_every_sheet_carries_the_columns_in_order_and_every_school_reads_back_exactly(directory_pdf):
    pdf, schools = directory_pdf
    pages = _pages(pdf)
    assert len(pages) <= 12  # about 11 schools a landscape sheet, not one a page
    for page in pages:
        assert compact(" ".join(HEADERS)) in page
    text = "".join(pages)
    for s in schools:
        row = [s["code"], s["name"], s["district"], s["principal_name"] or "-"]
        assert compact(" ".join(row)) in text, s["name"]
        assert compact(s["phone"] or "-") in text


@pytest.mark.slow
def test_names_codes_and_phone_numbers_never_break_inside(directory_pdf):
    pdf, schools = directory_pdf
    words = [w for w, _ in pdf_words(pdf)]
    for s in schools[:40]:
        assert s["code"] in words
        if s["principal_name"]:
            assert on_one_line(pdf, s["principal_name"].split()[0]), s["principal_name"]
            assert s["principal_name"].split()[1] in words, s["principal_name"]
        for phone in phone_parts(s["phone"]):
            assert on_one_line(pdf, phone.strip(",")), s["phone"]


@pytest.mark.slow
def test_a_cluster_heading_is_never_left_alone_at_the_foot_of_a_sheet(directory_pdf):
    pdf, _ = directory_pdf
    for page in _pages(pdf):
        last_heading = max((page.rfind(compact(c)) for c in CLUSTERS), default=-1)
        if last_heading >= 0:
            assert compact(" ".join(HEADERS)) in page[last_heading:] or "1033" in page[last_heading:]
