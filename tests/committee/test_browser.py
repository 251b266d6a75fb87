from __future__ import annotations

import pytest

from committee.models import Meeting, MeetingStatus
from core import thaidate
from tests.conftest import PASSWORD
from tests.helpers import browser_login, compact, pdf_compact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretary_builds_an_agenda_publishes_it_and_downloads_the_pdf(page, users, tmp_path):
    browser_login(page, "secretary", PASSWORD)
    page.goto("/committee/meetings/new/")
    year_be = thaidate.to_be(thaidate.today().year) + 1
    page.get_by_label("วันที่ประชุม").fill(f"15/01/{year_be}")
    page.get_by_label("เวลานัดประชุม").fill("09:30")
    page.get_by_label("สถานที่ประชุม").fill("ห้องประชุมพุทธรักษา")
    page.get_by_role("button", name="บันทึก").click()
    page.get_by_role("heading", name=f"การประชุมครั้งที่ 1/{year_be}").wait_for()

    page.locator("#section-4").get_by_role("link", name="+ เพิ่มเรื่อง").click()
    page.locator("#id_title").fill("พิจารณาแผนนิเทศภาคเรียนที่ 2")
    page.get_by_label("ผู้เสนอ/ผู้นำเสนอ").fill("กลุ่มนิเทศฯ")
    page.get_by_label("ประเด็นเสนอที่ประชุม").fill("เพื่อโปรดพิจารณาให้ความเห็นชอบ")
    page.get_by_role("button", name="บันทึก").click()
    page.get_by_text("4.1 พิจารณาแผนนิเทศภาคเรียนที่ 2").wait_for()

    page.get_by_role("button", name="แจ้งระเบียบวาระ").click()
    page.get_by_text("แจ้งระเบียบวาระการประชุมแล้ว").wait_for()
    assert page.confirmations[-1].startswith("แจ้งระเบียบวาระแล้ว กรรมการจะได้รับแจ้ง")
    assert Meeting.objects.get().status == MeetingStatus.AGENDA_PUBLISHED

    page.get_by_role("button", name="ระเบียบวาระ PDF").click()
    page.wait_for_url("**/documents/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="ดาวน์โหลด").first.click()
    target = tmp_path / "agenda.pdf"
    download_info.value.save_as(target)
    text = pdf_compact(target)
    assert compact("ระเบียบวาระการประชุม") in text and compact(f"ครั้งที่ 1/{year_be}") in text
    assert compact("4.1 พิจารณาแผนนิเทศภาคเรียนที่ 2") in text and compact("ห้องประชุมพุทธรักษา") in text
