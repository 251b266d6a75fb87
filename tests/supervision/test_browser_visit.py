"""Headless Chromium on a 390×844 phone: log a visit with a photo, approve, acknowledge, print."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from core import thaidate
from core.models import LearningArea
from supervision import services
from supervision.defaults import ensure_default_tools
from supervision.models import Evidence, Visit
from tests.conftest import PASSWORD
from tests.helpers import browser_login, compact, pdf_compact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, username: str) -> None:
    page.context.clear_cookies()
    browser_login(page, username, PASSWORD)


def _photo(tmp_path):
    path = tmp_path / "ภาพห้องเรียน.jpg"
    image = Image.new("RGB", (64, 48), "steelblue")
    out = io.BytesIO()
    image.save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.nav-pills')).slice(0, 4)
        .map(e => e.tagName + '.' + e.className + '#' + e.id)""")
    assert width <= 390, f"page is {width}px wide on a 390px phone: {wide}"


def test_a_visit_is_logged_on_a_phone_approved_acknowledged_and_printed(page, users, school, tmp_path):
    ensure_default_tools()  # a flush by an earlier browser test removes migration data
    area, _ = LearningArea.objects.get_or_create(name="ภาษาไทย", defaults={"order": 1})
    page.set_viewport_size({"width": 390, "height": 844})

    _login(page, "supervisor")
    page.goto("/supervision/")
    page.get_by_role("link", name="บันทึกการนิเทศใหม่").first.click()
    page.get_by_label("สถานศึกษา").select_option(label="โรงเรียนบ้านทดสอบ")
    page.get_by_label("วันที่นิเทศ").fill("20/11/2569")
    page.get_by_label("เครื่องมือนิเทศ").select_option(label="แบบสังเกตการจัดการเรียนรู้ในชั้นเรียน")
    page.get_by_role("button", name="เริ่มบันทึก").click()
    page.wait_for_url(re.compile(r"/visits/\d+/edit/"))
    _fits(page)

    page.locator("#id_t-0-name").fill("นางสาวมาลี สอนดี")
    page.locator("#id_t-0-learning_area").select_option(label=area.name)
    page.locator("#id_t-0-grade").fill("ป.2")
    for group in page.locator("[role=group]").all():
        group.locator("label", has_text="3 ดีมาก").click()
    page.get_by_label("จุดเด่น").fill("นักเรียนอ่านออกเสียงอย่างมั่นใจ")
    page.get_by_label("จุดที่ควรพัฒนา").fill("การประเมินระหว่างเรียน")
    page.get_by_label("ข้อเสนอแนะ").fill("ใช้แบบสังเกตพฤติกรรมการอ่าน")
    page.locator("#id_f-0-text").fill("ส่งแผนการสอนที่ปรับปรุง")
    page.locator("#id_f-0-due_date").fill("15/12/2569")
    page.locator("#id_f-0-due_date").blur()
    page.locator("#autosave-status", has_text="บันทึกร่างอัตโนมัติแล้ว").wait_for()
    visit = Visit.objects.get()
    assert visit.strengths == "นักเรียนอ่านออกเสียงอย่างมั่นใจ"  # autosaved before pressing save

    page.locator("#evidence-files").set_input_files(str(_photo(tmp_path)))
    page.get_by_role("button", name="แนบภาพ/ไฟล์").click()
    page.locator("img[alt='ภาพห้องเรียน.jpg']").wait_for()
    assert Evidence.objects.get().content_type == "image/jpeg"
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_url(re.compile(r"/visits/\d+/$"))
    page.get_by_role("button", name="ส่งให้ผู้อำนวยการกลุ่มพิจารณา").click()
    page.get_by_text("ส่งแล้ว รอพิจารณา").first.wait_for()

    _login(page, "director")
    page.goto(f"/supervision/visits/{visit.pk}/")
    page.get_by_role("button", name="อนุมัติ", exact=True).click()
    page.get_by_text("อนุมัติแล้ว รอโรงเรียนรับทราบ").first.wait_for()
    assert page.confirmations[-1].startswith("อนุมัติแล้ว บันทึกนี้จะแก้ไขไม่ได้")

    _login(page, "school")
    page.goto(f"/supervision/visits/{visit.pk}/")
    _fits(page)
    page.get_by_role("button", name="รับทราบผลการนิเทศ").click()
    page.get_by_text("โรงเรียนรับทราบแล้ว").first.wait_for()
    assert page.locator("svg").count() >= 1  # the survey QR code

    page.get_by_role("button", name="บันทึกการนิเทศ PDF").click()
    page.wait_for_url(re.compile(r"/documents/"))
    row = page.locator("tr[data-status]").first
    row.locator("text=เสร็จแล้ว").wait_for()
    with page.expect_download() as download_info:
        row.get_by_role("link", name="ดาวน์โหลด").click()
    path = tmp_path / "visit.pdf"
    download_info.value.save_as(path)
    text = pdf_compact(path)
    for phrase in (
        "บันทึกการนิเทศ",
        "โรงเรียนบ้านทดสอบ",
        "นักเรียนอ่านออกเสียงอย่างมั่นใจ",
        "นางสาวมาลีสอนดี",
        "การประเมินระหว่างเรียน",
        "ส่งแผนการสอนที่ปรับปรุง",
        "รับทราบเมื่อ",
    ):
        assert compact(phrase) in text, phrase
    assert Visit.objects.get().status == "acknowledged"


def test_text_typed_while_offline_is_restored_after_reload_and_then_saved(page, users, school):
    visit = services.visit_create(user=users["supervisor"], school=school, date=thaidate.today(), visit_type="online")
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, "supervisor")
    page.goto(f"/supervision/visits/{visit.pk}/edit/")
    page.route("**/autosave/", lambda route: route.abort())  # the connection drops
    page.get_by_label("จุดเด่น").fill("พิมพ์ไว้ตอนสัญญาณหลุด")
    page.get_by_label("จุดเด่น").blur()
    page.locator("#autosave-status", has_text="ยังบันทึกขึ้นเซิร์ฟเวอร์ไม่ได้").wait_for()
    assert Visit.objects.get().strengths == ""

    page.unroute("**/autosave/")  # back online
    page.reload()
    page.locator("#local-restore:not(.d-none)").wait_for()
    assert page.get_by_label("จุดเด่น").input_value() == "พิมพ์ไว้ตอนสัญญาณหลุด"
    page.locator("#autosave-status", has_text="บันทึกร่างอัตโนมัติแล้ว").wait_for()
    assert Visit.objects.get().strengths == "พิมพ์ไว้ตอนสัญญาณหลุด"
