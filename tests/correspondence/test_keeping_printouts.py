"""The keeping printouts as the regulation draws them: the borrowing card (แบบที่ 24), one per
borrowing with room to sign, and the destruction list (แบบที่ 25) with its header lines, the
form's columns, a blank การพิจารณา column and the committee's signature blocks."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core import documents, thaidate
from core import services as core_services
from correspondence import keeping
from tests.helpers import (
    compact,
    on_one_line,
    pdf_compact,
    pdf_page_count,
    pdf_text,
    render_document,
    save_page_png,
)

OLD = dt.datetime(2024, 3, 1, 10, tzinfo=thaidate.BANGKOK)  # BE 2567; kept 1 year -> on the 2568 list
CHAIR = "นางสาวกาญจนาภรณ์ ศรีสุวรรณวงศ์"
MEMBER_1 = "นายเฉลิมพงษ์ ธนาภิรมย์สกุล"
MEMBER_2 = "นางพัชรินทร์ วงศ์ประเสริฐศักดิ์"
COMMITTEE = f"{CHAIR}, ศึกษานิเทศก์ชำนาญการพิเศษ\n{MEMBER_1}, นักจัดการงานทั่วไปชำนาญการ\n{MEMBER_2}"
BORROWER = "นางสาวอรวรรณ ประเสริฐวงศ์ไพศาล"
RECEIVER = "นายธีรวัฒน์ สุขประเสริฐสกุล"
SUBJECT = "ขอความอนุเคราะห์ข้อมูลผลการประเมินคุณภาพการศึกษาขั้นพื้นฐานของสถานศึกษาในสังกัด ปีการศึกษา 2566"


@pytest.fixture
def expired(incoming):
    return [incoming(subject=f"{SUBJECT} ครั้งที่ {n}", retention_years=1, external_no=f"ศธ 04010/ว {2886 + n}",
                     letter_date=dt.date(2024, 2, 26),
                     now=OLD + dt.timedelta(minutes=n))
            for n in range(3)]  # fmt: skip


@pytest.fixture
def borrowings(users, incoming):
    letters = [incoming(subject=f"{SUBJECT} ฉบับที่ {n}", external_no=f"ศธ 04010/{3100 + n}") for n in range(3)]
    made = [
        keeping.borrowing_record(
            user=users["clerk"],
            letter=letter,
            borrower=BORROWER,
            received_by=RECEIVER,
            borrowed_on=dt.date(2026, 4, 13),
            due_on=dt.date(2026, 4, 27),
        )  # fmt: skip
        for letter in letters
    ]
    keeping.borrowing_return(
        user=users["clerk"], borrowing=made[2], returned_by=BORROWER, returned_on=dt.date(2026, 4, 20)
    )
    return made


# --- form 25 ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_form_25_prints_its_header_lines_and_the_columns_in_the_regulations_order(
    users, expired, django_capture_on_commit_callbacks
):
    path = render_document(
        users["clerk"], "correspondence.destruction", {"year": "2568"}, django_capture_on_commit_callbacks
    )
    save_page_png(path, "correspondence.destruction")
    text = pdf_compact(path)
    assert compact("บัญชีหนังสือขอทำลาย ประจำปี พ.ศ. 2568") in text
    assert compact("ส่วนราชการ สำนักงานเขตพื้นที่การศึกษา กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา") in text
    assert compact(f"วันที่ {thaidate.format_full(thaidate.today())}") in text
    assert "แผ่นที่1" in text
    assert compact("ลำดับที่ รหัสแฟ้ม ที่ ลงวันที่ เรื่อง การพิจารณา หมายเหตุ") in text
    # each row: number, file code (register and number), the letter's ที่, its date, subject; การพิจารณา left blank
    assert compact(f"1 ทะเบียนรับ 1/2567 ศธ 04010/ว 2886 26 ก.พ. 67 {SUBJECT} ครั้งที่ 0 เก็บ 1 ปี") in text


@pytest.mark.slow
def test_form_25_of_a_year_not_yet_reviewed_prints_a_chairman_and_two_members_to_write_in(
    users, expired, django_capture_on_commit_callbacks
):
    path = render_document(
        users["clerk"], "correspondence.destruction", {"year": "2568"}, django_capture_on_commit_callbacks
    )
    text = pdf_text(path)
    assert text.count("ประธานกรรมการ") == 1 and text.count("กรรมการ") - text.count("คณะกรรมการ") == 3
    assert text.count("ตำแหน่ง ....") == 3  # a line for each position, to be written in


@pytest.mark.slow
def test_form_25_of_a_destruction_prints_each_committee_member_with_name_position_and_role(
    users, expired, django_capture_on_commit_callbacks
):
    batch = keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                       approval_text="คำสั่งสำนักงานเขตพื้นที่การศึกษา ที่ 12/2569", committee=COMMITTEE,
                                       letters=expired[:2])  # fmt: skip
    path = render_document(
        users["clerk"], "correspondence.destruction", {"batch": str(batch.pk)}, django_capture_on_commit_callbacks
    )
    save_page_png(path, "correspondence.destruction-batch")
    text = pdf_compact(path)
    assert compact(f"({CHAIR}) ศึกษานิเทศก์ชำนาญการพิเศษ ประธานกรรมการ") in text
    assert compact(f"({MEMBER_1}) นักจัดการงานทั่วไปชำนาญการ กรรมการ") in text
    assert compact(f"({MEMBER_2})") in text
    assert f"{compact(SUBJECT)}ครั้งที่0" in text and f"{compact(SUBJECT)}ครั้งที่1" in text
    assert f"{compact(SUBJECT)}ครั้งที่2" not in text  # not in this destruction
    for phrase in (CHAIR, MEMBER_1, MEMBER_2, "ศธ 04010/ว 2886", "26 ก.พ. 67"):
        assert on_one_line(path, phrase), phrase


@pytest.mark.slow
def test_form_25_keeps_the_header_lines_on_every_sheet(users, incoming, django_capture_on_commit_callbacks):
    for n in range(40):
        incoming(subject=f"{SUBJECT} ครั้งที่ {n}", retention_years=1, now=OLD + dt.timedelta(minutes=n))
    path = render_document(
        users["clerk"], "correspondence.destruction", {"year": "2568"}, django_capture_on_commit_callbacks
    )
    pages = pdf_page_count(path)
    assert pages >= 2
    for n in range(1, pages + 1):
        page = compact(subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(path), "-"],
                                      capture_output=True, text=True, check=True).stdout)  # fmt: skip
        assert f"แผ่นที่{n}" in page
        if compact(SUBJECT) in page:  # a sheet of the list, not the signatures alone
            assert compact("บัญชีหนังสือขอทำลาย ประจำปี พ.ศ. 2568") in page
            assert compact("ลำดับที่ รหัสแฟ้ม ที่ ลงวันที่ เรื่อง การพิจารณา หมายเหตุ") in page


def test_form_25_refuses_an_unknown_destruction_record_in_thai(db):
    with pytest.raises(ValidationError, match="ไม่พบบันทึกการทำลายหนังสือที่จะพิมพ์"):
        documents.get_kind("correspondence.destruction").params_from({"batch": "abc"})
    with pytest.raises(ValidationError, match="ไม่พบบันทึกการทำลายหนังสือที่จะพิมพ์"):
        documents.get_kind("correspondence.destruction").params_from({"batch": "999999"})


# --- form 24 ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_borrowing_card_prints_the_forms_columns_and_room_for_each_signature(
    users, borrowings, django_capture_on_commit_callbacks
):
    data = {"borrowing": str(borrowings[0].pk)}
    path = render_document(users["clerk"], "correspondence.borrowing_cards", data, django_capture_on_commit_callbacks)
    save_page_png(path, "correspondence.borrowing_cards")
    text = pdf_compact(path)
    assert text.count("บัตรยืมหนังสือ") == 1 and "แบบที่24" in text
    assert compact("รายการ ผู้ยืม ผู้รับ วันยืม กำหนดส่งคืน ผู้ส่งคืน วันส่งคืน") in text
    assert compact("ที่ ศธ 04010/3100") in text and f"{compact(SUBJECT)}ฉบับที่0" in text
    assert compact(f"({BORROWER}) ผู้ยืม") in text and compact(f"({RECEIVER}) ผู้รับ") in text
    assert "ผู้ส่งคืน" in text and f"{compact(SUBJECT)}ฉบับที่1" not in text
    for phrase in (BORROWER, RECEIVER, "13 เม.ย. 69", "27 เม.ย. 69", "ศธ 04010/3100"):
        assert on_one_line(path, phrase), phrase


@pytest.mark.slow
def test_the_cards_of_borrowings_not_returned_print_one_card_each(
    users, borrowings, django_capture_on_commit_callbacks
):
    path = render_document(users["clerk"], "correspondence.borrowing_cards", {}, django_capture_on_commit_callbacks)
    text = pdf_compact(path)
    assert text.count("บัตรยืมหนังสือ") == 2  # the returned one is back in its file, no card
    assert f"{compact(SUBJECT)}ฉบับที่0" in text and f"{compact(SUBJECT)}ฉบับที่1" in text
    assert f"{compact(SUBJECT)}ฉบับที่2" not in text


@pytest.mark.slow
def test_the_borrowing_report_lists_every_borrowing_in_the_cards_columns(
    users, borrowings, django_capture_on_commit_callbacks
):
    path = render_document(users["clerk"], "correspondence.borrowing", {}, django_capture_on_commit_callbacks)
    save_page_png(path, "correspondence.borrowing")
    text = pdf_compact(path)
    assert compact("รายการ ผู้ยืม ผู้รับ วันยืม กำหนดส่งคืน ผู้ส่งคืน วันส่งคืน") in text
    assert all(f"{compact(SUBJECT)}ฉบับที่{n}" in text for n in range(3))
    assert compact("20 เม.ย. 69") in text and text.count("ยังไม่คืน") == 2


def test_only_the_registrar_may_print_a_borrowing_card(users, borrowings):
    params = {"borrowing": borrowings[0].pk}
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(user=users["supervisor"], kind="correspondence.borrowing_cards", params=params)


def test_a_borrowing_card_refuses_a_bad_id_in_thai(db):
    with pytest.raises(ValidationError, match="ไม่พบรายการยืมที่จะพิมพ์บัตรยืม"):
        documents.get_kind("correspondence.borrowing_cards").params_from({"borrowing": "สิบ"})


# --- the buttons -----------------------------------------------------------------------------------


def test_the_keeping_page_offers_a_card_per_borrowing_and_the_report(users, client_for, borrowings):
    page = client_for(users["clerk"]).get(reverse("correspondence:keeping")).content.decode()
    assert 'value="correspondence.borrowing_cards"' in page and 'value="correspondence.borrowing"' in page
    assert all(f'name="borrowing" value="{b.pk}"' in page for b in borrowings)


def test_the_destruction_record_offers_form_25_with_its_committee(users, client_for, expired):
    batch = keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                       approval_text="คำสั่งที่ 12/2569", committee=COMMITTEE, letters=[expired[0]])  # fmt: skip
    page = (
        client_for(users["clerk"]).get(reverse("correspondence:destruction_detail", args=[batch.pk])).content.decode()
    )
    assert 'value="correspondence.destruction"' in page and f'name="batch" value="{batch.pk}"' in page


@pytest.mark.slow
def test_form_25_numbers_its_sheets_in_thai_numerals_when_the_office_uses_them(
    users, office, expired, django_capture_on_commit_callbacks
):
    office.thai_numerals = True
    office.save()
    path = render_document(
        users["clerk"], "correspondence.destruction", {"year": "2568"}, django_capture_on_commit_callbacks
    )
    text = pdf_compact(path)
    assert "แผ่นที่๑" in text and compact("ประจำปี พ.ศ. ๒๕๖๘") in text
    assert not re.search(r"[0-9]", text)


def test_the_uncleared_never_learn_who_borrowed_a_secret_entry(
    users, incoming, client_for, django_capture_on_commit_callbacks
):
    secret = incoming(subject="เรื่องลับที่ถูกยืม", secrecy=1, external_no="ศธ 04010/ลับ 9")
    keeping.borrowing_record(user=users["clerk"], letter=secret, borrower=BORROWER, received_by=RECEIVER,
                             borrowed_on=dt.date(2026, 4, 13), due_on=dt.date(2026, 4, 27))  # fmt: skip
    admin = users["administrator"]  # registers letters but is not cleared for secrets
    page = client_for(admin).get(reverse("correspondence:keeping")).content.decode()
    report = pdf_compact(render_document(admin, "correspondence.borrowing", {}, django_capture_on_commit_callbacks))
    for surface in (compact(page), report):
        assert compact(BORROWER) not in surface and compact("เรื่องลับที่ถูกยืม") not in surface
    # the cleared clerk does see it, so the check above can fail
    clerk_report = pdf_compact(
        render_document(users["clerk"], "correspondence.borrowing", {}, django_capture_on_commit_callbacks)
    )
    assert compact(BORROWER) in clerk_report
