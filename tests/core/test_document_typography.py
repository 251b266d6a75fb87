"""The one typographic system of templates/documents/: signature never lost, Thai numerals on the
whole page (counters and header strings included), page furniture per kind, PDF/A for records."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template import Context, Template

from core import documents
from core.models import OfficeProfile
from tests.helpers import compact

PRINTOUTS = Path(settings.BASE_DIR) / "var" / "test" / "printouts"
NAME = "ว่าที่ร้อยตรีหญิงพรรณีวรรณา ศรีสุขสวัสดิ์วงศ์ตระกูล"
POSITION = "ศึกษานิเทศก์ ชำนาญการพิเศษ"
SCHOOL = "โรงเรียนบ้านหนองบัวแดงวิทยาคารสามัคคีประชาสงเคราะห์"


def _pages(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def _save_png(pdf: bytes, tmp_path: Path, kind: str) -> None:
    if not shutil.which("pdftoppm"):
        return
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(pdf)
    PRINTOUTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path), str(PRINTOUTS / f"{kind}-p1")],
        check=True,
    )


def _summary_html(visit_count: int) -> str:
    person = SimpleNamespace(profile=SimpleNamespace(display_name=NAME, position_line=POSITION))
    visits = [
        SimpleNamespace(
            date=dt.date(2026, 10, 1) + dt.timedelta(days=i),
            school=SimpleNamespace(name=SCHOOL),
            get_visit_type_display=lambda: "นิเทศการจัดการเรียนรู้ในชั้นเรียน",
            get_status_display=lambda: "อนุมัติแล้ว",
        )
        for i in range(visit_count)
    ]
    return documents.render_html(
        "documents/supervision_supervisor_summary.html",
        {
            "title": "สรุปผลการนิเทศ ปีงบประมาณ 2570",
            "year": 2570,
            "person": person,
            "visits": visits,
            "schools": 1,
            "teachers": visit_count,
            "coverage": {"schools": 1, "visited": 1, "not_visited": []},
            "by_type": [("นิเทศการจัดการเรียนรู้ในชั้นเรียน", visit_count)],
            "months": [("ต.ค.", visit_count)],
        },
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_the_summary_never_loses_its_signer_wherever_the_page_ends(tmp_path):
    # 20–27 visits move the signature across the end of page 1 and onto page 2.
    for n in range(20, 28):
        pages = _pages(documents.html_to_pdf(_summary_html(n)), tmp_path, f"summary-{n}")
        signed = [p for p in pages if "ลงชื่อ" in p]
        assert len(signed) == 1, n
        page = compact(signed[0])
        assert compact(f"({NAME})") in page, n
        assert compact(POSITION) in page and "ผู้รายงาน" in page, n
    _save_png(documents.html_to_pdf(_summary_html(24)), tmp_path, "supervision.supervisor_summary")


@pytest.mark.django_db
def test_records_number_pages_from_page_2_with_thai_numerals_and_no_print_date(tmp_path):
    office = OfficeProfile.get()
    office.office_name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครราชสีมา เขต 3"
    office.thai_numerals = True
    office.save()
    pdf = documents.html_to_pdf(_summary_html(45))
    pages = _pages(pdf, tmp_path, "record")
    assert len(pages) >= 3
    assert not re.search(r"^\s*-\s*\S+\s*-\s*$", pages[0].splitlines()[0])
    assert compact(pages[1].splitlines()[0]) == "-๒-" and compact(pages[2].splitlines()[0]) == "-๓-"
    text = "".join(pages)
    assert "พิมพ์เมื่อ" not in text
    assert not re.search(r"[0-9]", text), re.findall(r".{10}[0-9].{10}", text)[:3]
    assert "๒๕๗๐" in text


@pytest.mark.django_db
def test_a_report_has_a_bare_cover_front_matter_in_thai_letters_and_a_thai_toc(tmp_path):
    office = OfficeProfile.get()
    office.thai_numerals = True
    office.save()
    chapters = "".join(
        f'<h2 id="c{i}" style="break-before: page">บทที่ {i} ผลการนิเทศ ติดตามของ{SCHOOL}</h2><p>{"การนิเทศภายใน " * 80}</p>'
        for i in range(1, 4)
    )
    toc = "".join(f'<li><a href="#c{i}">บทที่ {i}</a></li>' for i in range(1, 4))
    body = (
        '<div class="cover"><h1>รายงานผลการนิเทศ ปีงบประมาณ 2570</h1></div>'
        f'<section class="front-matter"><h2>คำนำ</h2><p>{"รายงานฉบับนี้ " * 40}</p>'
        f'<h2 style="break-before: page">สารบัญ</h2><ul class="toc">{toc}</ul></section>'
        f"<main>{chapters}</main>"
    )
    template = Template('{% extends "documents/base.html" %}{% block body %}' + body + "{% endblock %}")
    office_ctx = {
        "office": office,
        "furniture": "report",
        "title": "รายงานผลการนิเทศ ปีงบประมาณ 2570",
        "font_dir": Path(settings.FONT_DIR).as_uri(),
    }
    html = documents.thai_numerals_everywhere(documents.recompose_sara_am(template.render(Context(office_ctx))))
    pdf = documents.html_to_pdf(html)
    pages = _pages(pdf, tmp_path, "report")
    assert "รายงานผลการนิเทศ" in pages[0] and "ก" not in pages[0].replace("การ", "")
    assert pages[1].strip().endswith("ก") and pages[2].strip().endswith("ข")
    assert pages[3].strip().endswith("๑") and compact("รายงานผลการนิเทศปีงบประมาณ๒๕๗๐") in compact(
        pages[3].splitlines()[0]
    )
    assert re.search(r"บทที่ ๓\s*\.+\s*๓", pages[2])
    assert not re.search(r"[0-9]", "".join(pages))
    _save_png(pdf, tmp_path, "report-furniture")


@pytest.mark.django_db
def test_archival_records_are_pdf_a():
    from pypdf import PdfReader

    pdf = documents.html_to_pdf(_summary_html(3), archival=True)
    xmp = PdfReader(io.BytesIO(pdf)).xmp_metadata
    assert xmp is not None
    raw = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", raw) and re.search(r"pdfaid:conformance[^A-Z]*U", raw)


def test_nobreak_keeps_a_date_or_number_on_one_line_and_escapes_it():
    out = Template("{{ v|nobreak }}|{{ n|whole_words }}").render(Context({"v": "21 พ.ย. 69 <b>", "n": NAME}))
    assert out.startswith('<span class="nw">21 พ.ย. 69 &lt;b&gt;</span>|')
    assert out.count('class="nw"') == 3


@pytest.mark.parametrize(
    ("name", "pieces"),
    [("กลุ่มโรงเรียนภูงาม", ["กลุ่มโรงเรียน", "ภูงาม"]),
     ("กลุ่มโรงเรียนหนองบัว–ท่าช้าง", ["กลุ่มโรงเรียน", "หนองบัว–", "ท่าช้าง"]),
     ("โรงเรียนบ้านห้วยเย็น", ["โรงเรียน", "บ้านห้วยเย็น"]), ("-", ["-"]), ("<b>", ["&lt;b&gt;"])],
)  # fmt: skip
def test_a_place_name_breaks_after_its_prefix_or_a_dash_and_never_inside_a_place(name, pieces):
    """In a narrow column, "กลุ่มโรงเรียนภูงาม" may go "กลุ่มโรงเรียน / ภูงาม" but never "…ภู / งาม"."""
    out = Template("{{ n|place_name }}").render(Context({"n": name}))
    assert out == "<wbr>".join(f'<span class="nw">{p}</span>' for p in pieces)


@pytest.mark.django_db
def test_thai_numerals_reach_css_strings_and_counters_but_not_lengths():
    html = '<style>@page { margin: 2cm; @top-center { content: "หน้า 1 " counter(page) " / " counter(pages, decimal); } } a::after { content: target-counter(attr(href), page) } b::after { content: counter(page, thai-alpha) }</style><p>ปี 2570</p>'
    out = documents.thai_numerals_everywhere(html)
    assert "margin: 2cm" in out and '"หน้า ๑ "' in out
    assert "counter(page, thai)" in out and "counter(pages, thai)" in out
    assert "target-counter(attr(href), page, thai)" in out and "counter(page, thai-alpha)" in out
    assert "<p>ปี ๒๕๗๐</p>" in out


def test_thai_numerals_leave_file_paths_in_css_urls_alone():
    # the font and logo paths of a checkout such as /tmp/ci11/static/fonts must still load
    html = '<style>@font-face { src: url("/tmp/ci11/static/fonts/Sarabun-Regular.ttf"); } h1::before { content: "ปี 2570" }</style>'
    out = documents.thai_numerals_everywhere(html)
    assert 'url("/tmp/ci11/static/fonts/Sarabun-Regular.ttf")' in out
    assert '"ปี ๒๕๗๐"' in out


def test_keep_together_never_splits_a_date_a_time_a_range_or_a_quoted_name():
    from core.templatetags.thai import keep_together

    out = keep_together("ประชุมครั้งที่ 2/2569 วันที่ 15 ธ.ค. 69 เวลา 13.30 น. กิจกรรม “สวัสดีคุณครู” ชั้นปีที่ 1–3 ต.ค. – พ.ย. <b>")
    for whole in ("ครั้งที่ 2/2569", "15 ธ.ค. 69", "13.30 น.", "“สวัสดีคุณครู”", "ปีที่ 1–3", "ต.ค. – พ.ย."):
        assert f'<span class="nw">{whole}</span>' in out, whole
    assert out.startswith("ประชุม<span") and out.endswith("&lt;b&gt;")  # the rest may wrap as usual, and is escaped
