"""Headless Chromium: log in, reach the school list, ask for the directory, download it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD
from tests.helpers import browser_login, pdf_compact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_logs_in_sees_schools_and_gets_the_directory_pdf(page, users, school, other_school, tmp_path):
    browser_login(page, "supervisor", PASSWORD)
    assert "สวัสดี" in page.content()

    page.get_by_role("link", name="สถานศึกษา", exact=True).first.click()
    page.wait_for_url(re.compile(r"/schools/"))
    assert page.get_by_role("link", name="โรงเรียนบ้านทดสอบ").is_visible()
    page.get_by_placeholder("ค้นหาชื่อ รหัส ผู้บริหาร ตำบล").fill("บ้านอื่น")
    page.wait_for_function("() => !document.body.innerText.includes('โรงเรียนบ้านทดสอบ')")
    assert page.get_by_role("link", name="โรงเรียนบ้านอื่น").is_visible()

    page.get_by_role("button", name="ทำเนียบ PDF").click()
    page.wait_for_url(re.compile(r"/documents/"))
    row = page.locator("tr[data-status]").first
    row.locator("text=เสร็จแล้ว").wait_for()
    with page.expect_download() as download_info:
        row.get_by_role("link", name="ดาวน์โหลด").click()
    path = tmp_path / "directory.pdf"
    download_info.value.save_as(path)
    text = pdf_compact(path)
    assert "ทำเนียบสถานศึกษาแยกตามกลุ่มโรงเรียน" in text and "โรงเรียนบ้านอื่น" in text


def test_the_shell_fits_a_phone(page, users):
    page.set_viewport_size({"width": 360, "height": 740})
    browser_login(page, "clerk", PASSWORD)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide on a 360px phone"
    page.get_by_role("button", name="เปิดเมนู").click()
    assert page.locator("#mainNav").get_by_role("link", name="เอกสารของฉัน", exact=True).is_visible()
