"""The clerk in headless Chromium (issue 17): two letters received with the keyboard only, and the
outgoing recipients picked by search, shown by cluster, and shown again before the number is issued."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from correspondence.models import Letter, Status
from schools import services as school_services
from tests.conftest import PASSWORD
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = ("ศธ 04010/ว 4321", "18/11/2569", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
         "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 1",
         "ขอความร่วมมือประชาสัมพันธ์การรับสมัครคัดเลือกครูผู้ช่วย")  # fmt: skip
SECOND = ("บร 0023.4/1187", "19/11/2569", "สำนักงานสาธารณสุขจังหวัดบุรีรัมย์", "",
          "ขอเชิญประชุมคณะทำงานโรงเรียนส่งเสริมสุขภาพระดับเพชร")  # fmt: skip


def _type_letter(page, letter: tuple[str, ...]) -> None:
    """ที่ ⇥ ลงวันที่ ⇥ จาก ⇥ ถึง ⇥ เรื่อง ↵ — no mouse."""
    external_no, date, sender, recipient, subject = letter
    page.keyboard.type(external_no)
    for value in (date, sender, recipient):
        page.keyboard.press("Tab")
        if value:
            page.keyboard.press("Control+A")
            page.keyboard.type(value)
    page.keyboard.press("Tab")
    page.keyboard.type(subject)
    page.keyboard.press("Enter")


def _focus_on(page, name: str) -> None:
    """Chromium applies autofocus at its next rendering step, which may come after the load event."""
    page.wait_for_function("name => document.activeElement && document.activeElement.name === name", arg=name)


def test_the_clerk_receives_two_letters_without_touching_the_mouse(page, users, office):
    browser_login(page, "clerk", PASSWORD)
    page.goto("/correspondence/receive/new/")
    _focus_on(page, "external_no")  # autofocus on ที่

    _type_letter(page, FIRST)
    page.wait_for_selector("#receive-stamp")
    assert page.get_by_test_id("stamp-number").inner_text() == "1"
    # the next letter starts at ที่ again, with ถึง kept from the last one
    _focus_on(page, "external_no")
    assert page.locator("[name=recipient_text]").input_value() == FIRST[3]

    _type_letter(page, SECOND)
    expect(page.get_by_test_id("stamp-number")).to_have_text("2")
    letters = list(Letter.objects.order_by("number"))
    assert [(x.number, x.external_no, x.sender, x.subject) for x in letters] == [
        (1, FIRST[0], FIRST[2], FIRST[4]), (2, SECOND[0], SECOND[2], SECOND[4]),
    ]  # fmt: skip
    assert letters[1].recipient_text == FIRST[3]
    assert all(x.status == Status.PRESENTED for x in letters)  # การปฏิบัติ: presented on saving
    assert str(letters[0].letter_date) == "2026-11-18"


@pytest.fixture
def schools_in_clusters(school, other_school):
    north = school_services.cluster_create(name="กลุ่มโรงเรียนโคกสูงสามัคคี")
    for i, name in enumerate(["โรงเรียนบ้านโคกสูงวิทยา", "โรงเรียนบ้านโคกเจริญราษฎร์บำรุง", "โรงเรียนบ้านหนองบัวโคก"]):
        school_services.school_create(code=f"10990005{i:02d}", name=name, level_primary=True, pupils=60, cluster=north)
    return north


def test_the_supervisor_picks_recipients_by_search_and_sees_them_before_the_number(
    page, users, office, schools_in_clusters
):
    browser_login(page, "supervisor", PASSWORD)
    page.goto("/correspondence/drafts/new/")
    page.locator("[name=subject]").fill("แจ้งกำหนดการนิเทศติดตามการอ่านออกเขียนได้ ภาคเรียนที่ 2/2569")
    picker = page.locator(".school-picker")
    assert page.locator("select[name=schools]").is_hidden()  # the plain list became the picker
    assert (
        picker.locator("fieldset[data-cluster='กลุ่มโรงเรียนโคกสูงสามัคคี'] legend")
        .inner_text()
        .startswith("กลุ่มโรงเรียนโคกสูงสามัคคี (3 แห่ง)")
    )
    picker.get_by_label("ค้นหาสถานศึกษา").fill("โคก")
    assert picker.locator("fieldset[data-cluster='กลุ่มทดสอบหนึ่ง']").is_hidden()  # no match there
    picker.get_by_label("โรงเรียนบ้านโคกสูงวิทยา").check()
    picker.get_by_label("โรงเรียนบ้านหนองบัวโคก").check()
    picker.get_by_label("ค้นหาสถานศึกษา").fill("ทดสอบ")
    picker.get_by_label("โรงเรียนบ้านทดสอบ").check()
    assert picker.locator("[aria-live]").inner_text() == "เลือกแล้ว 3 แห่ง"
    picker.get_by_role("button", name="เอา โรงเรียนบ้านหนองบัวโคก ออก").click()
    assert picker.locator("[aria-live]").inner_text() == "เลือกแล้ว 2 แห่ง"
    page.get_by_role("button", name="บันทึกร่าง").click()
    page.wait_for_selector("#draft-recipients")
    letter = Letter.objects.get()
    assert sorted(s.name for s in letter.recipient_schools.all()) == ["โรงเรียนบ้านทดสอบ", "โรงเรียนบ้านโคกสูงวิทยา"]
    card = page.locator("#draft-recipients").inner_text()
    assert "สถานศึกษา 2 แห่ง" in card and "กลุ่มโรงเรียนโคกสูงสามัคคี (1 แห่ง)" in card

    page.context.clear_cookies()
    browser_login(page, "clerk", PASSWORD)
    page.goto(f"/correspondence/letters/{letter.pk}/")
    assert "โรงเรียนบ้านโคกสูงวิทยา" in page.locator("#draft-recipients").inner_text()
    page.get_by_role("button", name="ออกเลขทะเบียนส่ง").click()
    page.wait_for_selector("text=ออกเลขทะเบียนส่งแล้ว")
    assert page.confirmations[-1].startswith("จะออกเลขทะเบียนส่งให้หนังสือถึงสถานศึกษา 2 แห่ง")
