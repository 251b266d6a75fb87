"""The registers in headless Chromium: a supervisor records a network with its members, finds it by a
member's name, and cancels it after confirming (issue 16 item 8)."""

from __future__ import annotations

import os

import pytest

from core.roles import Role
from supervision.models import Network
from tests.conftest import PASSWORD
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_records_finds_and_cancels_a_network(page, users, school):
    browser_login(page, Role.SUPERVISOR.value, PASSWORD)
    page.goto("/supervision/registers/networks/")
    page.get_by_role("link", name="เพิ่มรายการ").click()
    page.get_by_label("ประเภทเครือข่าย").select_option(label="ครูต้นแบบ")
    page.get_by_label("ชื่อเครือข่าย").fill("เครือข่ายครูต้นแบบการจัดการเรียนรู้เชิงรุก (Active Learning)")
    page.get_by_label("สมาชิกเครือข่าย").fill(
        "นางสาวกาญจนาภรณ์ เพชรรัตน์ | 1099000001 | ครูต้นแบบคณิตศาสตร์\nนายสมชาย ใจงาม | โรงเรียนเอกชน | วิทยากร"
    )
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_url("**/registers/networks/")
    page.get_by_placeholder("ค้นหาชื่อ สถานศึกษา สมาชิก ผู้จัดทำ").fill("กาญจนาภรณ์")
    page.get_by_role("button", name="ค้นหา").click()
    page.wait_for_url("**/registers/networks/?q=*")
    rows = page.locator("#register-rows tbody tr")
    assert rows.count() == 1 and "นางสาวกาญจนาภรณ์ เพชรรัตน์ (โรงเรียนบ้านทดสอบ)" in rows.first.inner_text()
    if os.environ.get("G2_SHOTS"):
        page.screenshot(path=os.environ["G2_SHOTS"], full_page=True)
    rows.first.get_by_role("button", name="ยกเลิก").click()
    page.wait_for_url("**/registers/networks/")
    assert page.confirmations and "ยกเลิกรายการ" in page.confirmations[0]
    assert Network.objects.get().cancelled
