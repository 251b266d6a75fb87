"""Headless Chromium: the secretary publishes the annual report to schools through the form, and school staff
open it from their home page; the four domains are typed and saved in one go."""

from __future__ import annotations

import io
import os

import pytest

from committee.models import DomainInformation
from tests.conftest import PASSWORD
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "รายงานผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา ประจำปีงบประมาณ 2569"


def _shot(page, name: str) -> None:
    if os.environ.get("SCREENSHOT_DIR"):  # for a reviewer who wants to look at the pages
        page.screenshot(path=f"{os.environ['SCREENSHOT_DIR']}/{name}.png", full_page=True)


def _pdf_file(tmp_path) -> str:
    from pypdf import PdfWriter

    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=200, height=200)
    writer.write(out)
    path = tmp_path / "รายงานประจำปี 2569.pdf"
    path.write_bytes(out.getvalue())
    return str(path)


def test_the_secretary_publishes_to_schools_and_school_staff_open_it_from_their_home_page(page, users, tmp_path):
    browser_login(page, "secretary", PASSWORD)
    page.goto("/committee/publications/new/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_kind").select_option("annual_report")
    page.locator("#id_fiscal_year").fill("2569")
    page.locator("#id_upload").set_input_files(_pdf_file(tmp_path))
    _shot(page, "publication_form")
    page.get_by_role("button", name="เผยแพร่").click()
    page.wait_for_url("**/committee/publications/")
    assert page.confirmations and "เผยแพร่" in page.confirmations[0]
    _shot(page, "publication_list")
    page.context.clear_cookies()
    browser_login(page, "school", PASSWORD)
    page.goto("/")
    _shot(page, "school_home")
    link = page.get_by_role("link", name=TITLE)
    assert link.count() == 1
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.body()[:5] == b"%PDF-"


def test_the_four_domains_are_typed_and_saved_in_one_go(page, users):
    browser_login(page, "secretary", PASSWORD)
    page.goto("/committee/information/2569/")
    page.locator("#id_academic-strengths").fill("ครูใช้สื่อเทคโนโลยีในการจัดการเรียนรู้")
    page.locator("#id_budget-weaknesses").fill("การเบิกจ่ายงบประมาณล่าช้ากว่าแผน")
    page.get_by_role("button", name="บันทึกทั้ง 4 ด้าน").click()
    page.wait_for_load_state()
    _shot(page, "information_detail")
    saved = {d.domain: d for d in DomainInformation.objects.filter(fiscal_year=2569)}
    assert saved["academic"].strengths == "ครูใช้สื่อเทคโนโลยีในการจัดการเรียนรู้"
    assert saved["budget"].weaknesses == "การเบิกจ่ายงบประมาณล่าช้ากว่าแผน"
