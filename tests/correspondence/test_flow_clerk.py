"""The clerk's daily path (issue 17): receive in the stamp's order, the typed Excel export in the screen's
order, a search carried into the printout, and the recipients shown before a number is issued."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core import thaidate
from correspondence import services
from correspondence.forms import IncomingForm
from correspondence.models import Letter, Status

SENDER = "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน กระทรวงศึกษาธิการ"


def _sheet(client, **params):
    response = client.get(reverse("correspondence:register_export", args=["receive"]), params)
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    return rows[0], rows[1:]


@pytest.fixture
def three(incoming):
    return [
        incoming(subject="ขอเชิญประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา", letter_date=dt.date(2026, 11, 2)),
        incoming(subject="การคัดเลือกนักเรียนเข้าร่วมกิจกรรมลูกเสือแห่งชาติ", letter_date=dt.date(2026, 11, 9)),
        incoming(subject="แจ้งกำหนดการสอบ O-NET ชั้นประถมศึกษาปีที่ 6", letter_date=dt.date(2026, 11, 16)),
    ]


def test_the_excel_export_puts_the_year_beside_the_number(users, client_for, three):
    header, _rows = _sheet(client_for(users["clerk"]))
    assert header[1:3] == ("เลขทะเบียน", "ปี พ.ศ.")


def test_the_excel_export_stores_dates_as_dates_and_numbers_as_numbers(users, client_for, three):
    header, rows = _sheet(client_for(users["clerk"]))
    first = dict(zip(header, rows[0], strict=False))
    assert isinstance(first["เลขทะเบียน"], int) and isinstance(first["ปี พ.ศ."], int)
    assert first["ปี พ.ศ."] == thaidate.calendar_year_be(thaidate.today())
    assert isinstance(first["วันที่และเวลาลงทะเบียน"], dt.datetime)
    assert first["ลงวันที่"].date() == dt.date(2026, 11, 16)
    assert first["ที่"] == "ศธ 04010/ว 1234"  # text stays text


def test_the_excel_export_runs_in_the_screens_order_newest_first(users, client_for, three):
    client = client_for(users["clerk"])
    _header, rows = _sheet(client)
    assert [row[1] for row in rows] == [3, 2, 1]
    page = client.get(reverse("correspondence:register_list", args=["receive"])).content.decode()
    on_screen = [int(n) for n in re.findall(r'/correspondence/letters/\d+/">(\d+)</a>', page)]
    assert on_screen == [3, 2, 1]


def test_the_excel_export_keeps_the_search(users, client_for, three):
    _header, rows = _sheet(client_for(users["clerk"]), q="ลูกเสือ")
    assert [row[7] for row in rows] == ["การคัดเลือกนักเรียนเข้าร่วมกิจกรรมลูกเสือแห่งชาติ"]


def test_the_excel_download_has_a_thai_file_name(users, client_for, three):
    response = client_for(users["clerk"]).get(reverse("correspondence:register_export", args=["receive"]))
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert ".xlsx" in response["Content-Disposition"]


def test_a_search_typed_on_the_page_is_carried_into_the_printout_and_the_export(users, client_for, three):
    client = client_for(users["clerk"])
    url = reverse("correspondence:register_list", args=["receive"])
    html = client.get(url, {"q": "ลูกเสือ", "urgency": ""}, HTTP_HX_REQUEST="true").content.decode()
    carried = html[html.index('id="print-filters"') :]
    assert 'hx-swap-oob="true"' in carried[:60]
    assert 'name="q" value="ลูกเสือ"' in carried
    assert 'name="urgency"' not in carried  # an empty filter is not carried
    assert 'id="register-export"' in html and "q=%E0%B8%A5" in html  # the Excel link follows too


def test_the_full_page_prints_with_the_search_it_was_opened_with(users, client_for, three):
    page = client_for(users["clerk"]).get(reverse("correspondence:register_list", args=["receive"]), {"q": "ลูกเสือ"})
    html = page.content.decode()
    assert 'name="q" value="ลูกเสือ"' in html[html.index('id="print-filters"') :]
    assert "hx-swap-oob" not in html[html.index('id="print-filters"') :][:60]


def _receive_data(**extra) -> dict:
    data = {"external_no": "ศธ 04010/ว 5678", "letter_date": "20/11/2569", "sender": SENDER,
            "recipient_text": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 1",
            "subject": "ขอความร่วมมือรายงานข้อมูลนักเรียนพิการเรียนร่วม ปีการศึกษา 2569",
            "urgency": "0", "secrecy": "0", "document_type": "external", "channel": "paper", "retention_years": "10"}  # fmt: skip
    data.update(extra)
    return data


def test_the_receive_form_follows_the_paper_stamp_order():
    form = IncomingForm()
    assert [f.name for f in form.stamp_fields()] == [
        "external_no", "letter_date", "sender", "recipient_text", "subject", "present_now",
    ]  # fmt: skip
    assert list(form.fields)[:6] == [f.name for f in form.stamp_fields()]
    assert "autofocus" in form.fields["external_no"].widget.attrs


def test_save_and_next_opens_an_empty_form_that_keeps_the_recipient(users, client_for, office):
    client = client_for(users["clerk"])
    url = reverse("correspondence:incoming_create")
    response = client.post(url, _receive_data(then="next", present_now="on"))
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"?saved={letter.pk}")
    assert letter.status == Status.PRESENTED  # การปฏิบัติ: presented in the same step
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="stamp-number">1<' in page
    assert 'value="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 1"' in page
    assert 'value="ศธ 04010/ว 5678"' not in page  # the next letter starts empty


def test_save_and_open_goes_to_the_entry_and_leaves_it_unpresented_when_unticked(users, client_for, office):
    response = client_for(users["clerk"]).post(reverse("correspondence:incoming_create"), _receive_data(then="open"))
    letter = Letter.objects.get()
    assert response["Location"] == reverse("correspondence:letter_detail", args=[letter.pk])
    assert letter.status == Status.REGISTERED


def test_a_receive_form_with_a_bad_date_keeps_everything_typed(users, client_for, office):
    page = client_for(users["clerk"]).post(
        reverse("correspondence:incoming_create"), _receive_data(letter_date="31/02/2569")
    )
    html = page.content.decode()
    assert page.status_code == 200 and not Letter.objects.exists()
    assert SENDER in html and "ขอความร่วมมือรายงานข้อมูลนักเรียนพิการเรียนร่วม" in html


def test_a_draft_shows_its_schools_by_cluster_before_the_number_is_issued(users, client_for, school, other_school):
    letter = services.letter_draft_outgoing(
        user=users["supervisor"], register_code="send", subject="แจ้งกำหนดการนิเทศภายใน ภาคเรียนที่ 2/2569",
        schools=[school, other_school],
    )  # fmt: skip
    html = client_for(users["clerk"]).get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    card = html[html.index('id="draft-recipients"') :]
    assert "สถานศึกษา 2 แห่ง" in card and "กลุ่มทดสอบหนึ่ง (2 แห่ง)" in card
    assert card.index("โรงเรียนบ้านทดสอบ") < card.index("ออกเลขทะเบียนส่ง")
    assert "ถึงสถานศึกษา 2 แห่ง" in card  # and the confirmation names them


def test_the_draft_form_marks_the_school_list_for_the_picker_with_each_cluster(users, client_for, school):
    html = client_for(users["supervisor"]).get(reverse("correspondence:draft_create")).content.decode()
    assert "data-school-picker" in html and 'data-cluster="กลุ่มทดสอบหนึ่ง"' in html
    assert "js/school-picker.js" in html
