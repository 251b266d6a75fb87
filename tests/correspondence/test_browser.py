"""The whole path in headless Chromium: intake with a scan, instruction, acknowledgement, printout."""

from __future__ import annotations

import pytest

from core.documents import html_to_pdf
from core.models import DocumentJob, display_name
from correspondence.models import Letter
from tests.conftest import PASSWORD
from tests.helpers import browser_login, pdf_compact

SUBJECT = "ขอเชิญประชุมวิชาการออนไลน์ครูภาษาไทย"


def _login_as(page, user) -> None:
    page.context.clear_cookies()
    browser_login(page, user.username, PASSWORD)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_clerk_director_and_supervisor_carry_a_letter_to_the_printed_register(page, users, office, tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(html_to_pdf("<p>หนังสือที่สแกนแล้ว</p>"))
    clerk, director, supervisor = users["clerk"], users["director"], users["supervisor"]

    _login_as(page, clerk)
    page.goto("/correspondence/receive/new/")
    page.locator("[name=external_no]").fill("ศธ 04010/ว 777")
    page.locator("[name=letter_date]").fill("20/11/2569")
    page.locator("[name=sender]").fill("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")
    page.locator("[name=recipient_text]").fill("ผู้อำนวยการกลุ่มนิเทศฯ")
    page.locator("[name=subject]").fill(SUBJECT)
    page.locator("[name=urgency]").select_option("3")
    page.locator("input[name=files]").set_input_files(str(scan))
    page.get_by_role("button", name="บันทึกและรับเรื่องถัดไป").click()  # การปฏิบัติ "เสนอ ผอ.กลุ่มทันที" is ticked
    page.wait_for_selector("#receive-stamp")
    assert page.get_by_test_id("stamp-number").inner_text() == "1"
    letter = Letter.objects.get(subject=SUBJECT)
    assert letter.attachments.count() == 1
    assert letter.status == "presented"

    _login_as(page, director)
    page.goto("/correspondence/inbox/")
    page.get_by_role("link", name=SUBJECT).click()
    page.locator("[name=instruction]").fill("มอบ ศน. ดำเนินการแจ้งโรงเรียน")
    page.get_by_role("checkbox", name=display_name(supervisor)).check()  # beside it: กำหนดเสร็จของ <name>
    page.get_by_role("button", name="บันทึกข้อสั่งการ").click()
    page.wait_for_selector("text=บันทึกข้อสั่งการและมอบหมายแล้ว")

    _login_as(page, supervisor)
    page.goto("/correspondence/inbox/")
    page.get_by_role("link", name=SUBJECT).click()
    page.get_by_role("button", name="รับทราบ").click()
    page.wait_for_selector("text=รับทราบแล้ว")
    page.locator("[name=result]").fill("แจ้งโรงเรียนในกลุ่มแล้ว")
    page.get_by_role("button", name="บันทึกผลการปฏิบัติ").click()
    page.wait_for_selector("text=บันทึกผลการปฏิบัติแล้ว")
    letter.refresh_from_db()
    assert letter.status == "done"

    _login_as(page, clerk)
    page.goto("/correspondence/registers/receive/")
    page.locator("summary", has_text="พิมพ์ทะเบียน").click()
    page.locator("#pf").fill(f"01/01/{letter.year}")
    page.locator("#pt").fill(f"31/12/{letter.year}")
    page.get_by_role("button", name="พิมพ์ทะเบียน PDF").click()
    page.wait_for_url("**/documents/")
    job = DocumentJob.objects.get(kind="correspondence.register", requested_by=clerk)
    assert job.status == "done", job.error
    text = pdf_compact(job.result.path)
    assert SUBJECT in text and "ศธ04010/ว777" in text
    # the การปฏิบัติ column is one condensed line; the full history stays on the entry's page
    assert "มอบศน." in text and "ปฏิบัติแล้ว" in text
