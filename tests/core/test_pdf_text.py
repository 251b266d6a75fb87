"""The text layer of our PDFs is the Thai the user typed: ำ copies and searches as one character.

The print fonts (scripts/build_print_fonts.py) give the glyphs HarfBuzz shapes for ำ their own
copies, so WeasyPrint maps them back to "ำ"; the page must print exactly as plain Sarabun did.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from PIL import Image, ImageChops
from pypdf import PdfReader

from core import documents
from core.models import OfficeProfile

SARA_AM_WORDS = "น้ำ คำ ทำ กำหนด"
# ำ after every tone mark, after ป ฝ (the narrow NIKHAHIT), in bold and italic, next to plain า.
BODY = (
    "<h1>คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษา ที่ ๑๒๓/๒๕๖๘</h1>"
    "<p>เรื่อง แต่งตั้งคณะกรรมการดำเนินการนิเทศ ติดตาม และประเมินผลการจัดการศึกษา น้ำ ค่ำ ย้ำ ต๊ำ ก๋ำ ปำ ป้ำ ฝ่ำ</p>"
    "<p><b>กำหนดการ</b> ประชุมคณะทำงาน ณ ห้องประชุมสำนักงาน <i>ทำนองเดียวกับคำสั่งเดิม</i> "
    "<b><i>ดำเนินการตามลำดับ</i></b> มาตรา ๓๒ ตามที่ได้รับมอบหมาย หน้าที่ประจำ ชำนาญการพิเศษ</p>"
    "<table><tr><th>ลำดับ</th><th>ชื่อ - สกุล</th><th>ตำแหน่ง</th></tr>"
    "<tr><td>๑</td><td>นางสาวอำไพ ลำดวนหอม</td><td>ศึกษานิเทศก์ชำนาญการ</td></tr></table>"
)


def _render(body: str) -> str:
    source = '{% extends "documents/base.html" %}{% block body %}' + body + "{% endblock %}"
    return engines["django"].from_string(source).render({
        "office": OfficeProfile.get(), "title": "คำสั่ง", "font_dir": Path(settings.FONT_DIR).as_uri(),
    })  # fmt: skip


def _pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _page_images(pdf: bytes, tmp_path: Path, name: str) -> list[Image.Image]:
    (tmp_path / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
    return [Image.open(png).convert("RGB") for png in sorted(tmp_path.glob(f"{name}-*.png"))]


def _in_plain_sarabun(html: str) -> str:
    return html.replace("/SarabunPrint-", "/Sarabun-")


def _as_printed_before(html: str) -> str:
    """How documents were printed before the print fonts: plain Sarabun, ำ written as NIKHAHIT + SARA AA."""
    return _in_plain_sarabun(re.sub("([\u0e48-\u0e4b]?)\u0e33", "\u0e4d\\1\u0e32", html))


def _assert_same_pages(pdf: bytes, reference: bytes, tmp_path: Path) -> None:
    now, before = _page_images(pdf, tmp_path, "print-font"), _page_images(reference, tmp_path, "reference")
    assert len(now) == len(before) >= 1
    for page_now, page_before in zip(now, before, strict=True):
        assert ImageChops.difference(page_now, page_before).getbbox() is None


@pytest.mark.django_db
@pytest.mark.parametrize("archival", [False, True])
def test_sara_am_reads_back_as_one_character_without_any_recomposing(archival):
    pdf = documents.html_to_pdf(documents.recompose_sara_am(_render(f"<p>{SARA_AM_WORDS}</p>")), archival=archival)
    assert _pdf_text(pdf) == [SARA_AM_WORDS]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["มา ทำ นา น้ำ", "ทำ มา น้ำ นา", "ปำ ป้ำ ฝ่ำ ค่ำ ย้ำ ต๊ำ ก๋ำ า"])
def test_plain_sara_aa_and_sara_am_never_take_each_others_text_whichever_comes_first(text):
    pdf = documents.html_to_pdf(documents.recompose_sara_am(_render(f"<p>{text}</p><p><b>{text}</b></p>")))
    assert _pdf_text(pdf) == [f"{text}\n{text}"]


@pytest.mark.django_db
def test_a_sara_am_typed_as_two_characters_is_printed_and_read_back_as_one():
    typed = "นํ้า \u0e19\u0e49\u0e4d\u0e32 คํา"  # NIKHAHIT before the tone mark, after it, and without one
    assert "<title>น้ำ น้ำ คำ</title>" in documents.render_html("documents/base.html", {"title": typed})
    pdf = documents.html_to_pdf(documents.recompose_sara_am(_render(f"<p>{typed}</p>")))
    assert _pdf_text(pdf) == ["น้ำ น้ำ คำ"]


def test_recompose_leaves_a_lone_nikhahit_and_plain_sara_aa_alone():
    assert documents.recompose_sara_am("สํ มา ํ") == "สํ มา ํ"
    assert documents.recompose_sara_am("นํ้า น้ํา คํา") == "น้ำ น้ำ คำ"


@pytest.mark.django_db
def test_the_print_fonts_print_pixel_for_pixel_as_plain_sarabun(tmp_path):
    html = documents.recompose_sara_am(_render(BODY * 3))
    pdf = documents.html_to_pdf(html)
    _assert_same_pages(pdf, documents.html_to_pdf(_in_plain_sarabun(html)), tmp_path)
    text = re.sub(r"\s+", "", "".join(_pdf_text(pdf)))
    assert "ดำเนินการตามลำดับ" in text and "นางสาวอำไพลำดวนหอม" in text and "\u0e4d" not in text


@pytest.mark.django_db
def test_a_line_prints_as_it_did_when_sara_am_was_decomposed(tmp_path):
    """Line for line the page is unchanged. (Where a paragraph wraps, the break may now fall between
    words it could not find before: Thai word breaking knows "ชำนาญการ" but not "ชํานาญการ".)"""
    lines = re.findall(r"[^<>]+", BODY)
    html = documents.recompose_sara_am(_render("".join(f'<p class="nw">{line}</p>' for line in lines)))
    _assert_same_pages(documents.html_to_pdf(html), documents.html_to_pdf(_as_printed_before(html)), tmp_path)


def test_the_vendored_print_fonts_are_what_the_build_script_makes(tmp_path):
    script = Path(settings.BASE_DIR) / "scripts" / "build_print_fonts.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    for built in sorted(tmp_path.glob("SarabunPrint-*.ttf")):
        assert built.read_bytes() == (Path(settings.FONT_DIR) / built.name).read_bytes(), built.name
    assert len(list(tmp_path.glob("SarabunPrint-*.ttf"))) == 4


def test_every_printed_document_uses_the_print_fonts():
    templates = Path(settings.BASE_DIR) / "templates"
    for template in templates.rglob("*.html"):
        faces = re.findall(r"@font-face[^}]*url\(\"?([^\")]+)", template.read_text(encoding="utf-8"))
        assert all("/SarabunPrint-" in url for url in faces), (template, faces)
