"""A written letter end to end in headless Chromium: a supervisor drafts a circular to a cluster from a
template, the director signs it, the clerk numbers and sends it, a school acknowledges it, and the
supervisor sees that school as acknowledged."""

from __future__ import annotations

import pytest

from core.models import display_name
from correspondence.models import ContentState, Delivery, Letter, LetterKind, LetterTemplate
from tests.conftest import PASSWORD
from tests.helpers import browser_login

SUBJECT = "แจ้งกำหนดการนิเทศ ติดตามการจัดการเรียนรู้ ภาคเรียนที่ 2"
BODY = "ด้วยกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา กำหนดออกนิเทศโรงเรียนในกลุ่มโรงเรียน\n\nจึงเรียนมาเพื่อโปรดทราบ"


def _login_as(page, user) -> None:
    page.context.clear_cookies()
    browser_login(page, user.username, PASSWORD)


def _write_and_submit(page, template: LetterTemplate, cluster_name: str, signer) -> Letter:
    page.goto("/correspondence/write/")
    page.locator("#id_template").select_option(label=f"{template.name} ({template.get_kind_display()})")
    page.get_by_role("button", name="ใช้แม่แบบนี้").click()
    assert page.locator("[name=subject]").input_value() == SUBJECT
    page.get_by_label(cluster_name).check()
    page.locator("[name=signer]").select_option(str(signer.pk))
    page.get_by_role("button", name="บันทึกร่าง").click()
    page.wait_for_selector("text=บันทึกร่างแล้ว")
    page.get_by_role("link", name="เสนอตรวจ/ลงนาม").click()
    assert page.locator("[name=chain-0-approver]").input_value() == str(signer.pk)
    page.get_by_role("button", name="เสนอ", exact=True).click()
    assert page.get_by_test_id("content-state").inner_text() == ContentState.IN_REVIEW.label
    return Letter.objects.get(subject=SUBJECT)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_circular_goes_from_template_to_a_school_that_acknowledges_it(page, users, school, other_school, office):
    supervisor, director, clerk = users["supervisor"], users["director"], users["clerk"]
    template = LetterTemplate.objects.create(
        name="แจ้งกำหนดการนิเทศ", kind=LetterKind.EXTERNAL, register_code="circular", subject=SUBJECT, body=BODY
    )

    _login_as(page, supervisor)
    letter = _write_and_submit(page, template, school.cluster.name, director)
    assert set(letter.recipient_schools.all()) == {school, other_school}

    _login_as(page, director)
    page.goto("/correspondence/approvals/")
    page.get_by_role("link", name=SUBJECT).click()
    preview = page.request.get(page.get_by_role("link", name="ดูร่าง (PDF)").get_attribute("href"))
    assert preview.status == 200 and preview.headers["content-type"] == "application/pdf"
    page.get_by_role("button", name="ลงนาม", exact=True).click()
    page.wait_for_selector("text=ลงนามแล้ว")
    assert letter.contents.get().state == ContentState.SIGNED
    assert page.confirmations[-1].startswith("ลงนามแล้ว ฉบับนี้จะแก้ไขไม่ได้อีก")

    _login_as(page, clerk)
    page.goto(f"/correspondence/letters/{letter.pk}/")
    assert page.get_by_label("ส่งทางระบบถึงสถานศึกษาผู้รับ").is_checked()
    page.get_by_role("button", name="ออกเลขและส่ง").click()
    page.wait_for_selector("text=ออกเลขทะเบียนส่งแล้ว")
    letter.refresh_from_db()
    assert letter.reference == "ศธ 04123/ว 1"
    assert page.confirmations[-1].startswith("เลขทะเบียนส่งที่ออกแล้วจะไม่ถูกนำกลับมาใช้อีก")
    assert Delivery.objects.filter(letter=letter).count() == 2

    _login_as(page, users["school"])
    page.goto("/correspondence/school/")
    page.get_by_test_id("school-delivery").filter(has_text=SUBJECT).click()
    page.get_by_role("button", name="รับทราบ").click()
    page.get_by_test_id("acknowledged").wait_for()

    _login_as(page, supervisor)
    page.goto(f"/correspondence/letters/{letter.pk}/receipts/")
    assert page.get_by_test_id("receipt-counter").inner_text() == "รับทราบแล้ว 1/2 โรง"
    row = page.get_by_test_id("receipt-row").filter(has_text=school.name)
    assert display_name(users["school"]) in row.inner_text()
