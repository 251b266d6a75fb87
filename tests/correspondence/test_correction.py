"""Correcting a register entry (แก้ไขรายการ): who may, what may change, and the audit trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from correspondence import services
from correspondence.models import Letter

READ_ONLY = ["supervisor", "director", "secretary", "executive"]
OUTSIDERS = ["member", "school"]


def _url(letter: Letter) -> str:
    return reverse("correspondence:letter_edit", args=[letter.pk])


def _form_data(letter: Letter, **changes: object) -> dict:
    """What the edit form posts back when nothing is touched, with `changes` on top."""
    data = {
        "external_no": letter.external_no, "letter_date": "03/11/2569", "sender": letter.sender,
        "recipient_text": letter.recipient_text, "subject": letter.subject, "urgency": str(letter.urgency),
        "deadline_0": "", "deadline_1": "", "secrecy": str(letter.secrecy), "document_type": letter.document_type,
        "channel": letter.channel, "owner": letter.owner_id or "", "remarks": letter.remarks,
        "retention_years": letter.retention_years or "", "reason": "พิมพ์ผิดจากต้นฉบับ",
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.fixture
def entry(incoming):
    import datetime as dt

    return incoming(subject="ขอเชิญประชุมผู้บริหาร", letter_date=dt.date(2026, 11, 3), retention_years=10)


@pytest.mark.parametrize("role", ["clerk", "administrator"])
def test_the_clerk_and_the_administrator_open_the_edit_page_with_the_current_values(role, users, client_for, entry):
    response = client_for(users[role]).get(_url(entry))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="ขอเชิญประชุมผู้บริหาร"' in page and 'value="03/11/2569"' in page
    assert "เหตุผลที่แก้ไข" in page


@pytest.mark.parametrize("role", READ_ONLY)
def test_read_only_roles_are_refused_the_edit_page_and_its_post(role, users, client_for, entry):
    client = client_for(users[role])
    assert client.get(_url(entry)).status_code == 403
    assert client.post(_url(entry), _form_data(entry, subject="แก้โดยผู้ไม่มีสิทธิ์")).status_code == 403
    entry.refresh_from_db()
    assert entry.subject == "ขอเชิญประชุมผู้บริหาร" and entry.history.count() == 1


@pytest.mark.parametrize("role", OUTSIDERS)
def test_people_outside_the_office_do_not_find_the_edit_page(role, users, client_for, entry):
    client = client_for(users[role])
    assert client.get(_url(entry)).status_code == 404
    assert client.post(_url(entry), _form_data(entry, subject="แก้จากภายนอก")).status_code == 404
    entry.refresh_from_db()
    assert entry.subject == "ขอเชิญประชุมผู้บริหาร"


@pytest.mark.parametrize("role", ["clerk", "administrator"])
def test_a_correction_is_saved_with_who_when_before_after_and_the_reason(role, users, client_for, entry):
    client = client_for(users[role])
    data = _form_data(entry, subject="ขอเชิญประชุมผู้บริหารสถานศึกษา", urgency="2", letter_date="05/11/2569",
                      reason="เรื่องพิมพ์ไม่ครบ")  # fmt: skip
    response = client.post(_url(entry), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.subject == "ขอเชิญประชุมผู้บริหารสถานศึกษา" and entry.urgency == 2
    assert entry.letter_date.isoformat() == "2026-11-05"
    latest, before = entry.history.order_by("-history_id")[:2]
    assert latest.history_user == users[role] and latest.history_change_reason == "แก้ไขรายการ: เรื่องพิมพ์ไม่ครบ"
    assert before.subject == "ขอเชิญประชุมผู้บริหาร" and latest.subject == "ขอเชิญประชุมผู้บริหารสถานศึกษา"
    assert {c.field for c in latest.diff_against(before).changes} == {"subject", "urgency", "letter_date"}


def test_the_detail_page_shows_the_correction_in_thai(users, client_for, entry):
    client = client_for(users["clerk"])
    client.post(_url(entry), _form_data(entry, urgency="3", letter_date="05/11/2569", reason="ชั้นความเร็วผิด"))
    page = client.get(reverse("correspondence:letter_detail", args=[entry.pk])).content.decode()
    assert "ชั้นความเร็ว</span>: “ปกติ” → “ด่วนที่สุด”" in page
    assert "ลงวันที่</span>: “3 พ.ย. 69” → “5 พ.ย. 69”" in page
    assert "แก้ไขรายการ: ชั้นความเร็วผิด" in page
    history = page[page.rindex("ประวัติการแก้ไข (ก่อน/หลัง)") :]
    assert "urgency" not in history and "letter_date" not in history  # no English field names


def test_number_year_register_and_status_cannot_be_changed(users, client_for, entry, office):
    number, year = entry.number, entry.year
    data = _form_data(entry, number="999", year="2400", register="1", reference="ศธ 9/9", status="done",
                      subject="แก้พร้อมพยายามเปลี่ยนเลข")  # fmt: skip
    client_for(users["clerk"]).post(_url(entry), data)
    entry.refresh_from_db()
    assert entry.subject == "แก้พร้อมพยายามเปลี่ยนเลข"  # the real columns changed …
    assert (entry.number, entry.year, entry.register.code, entry.status) == (number, year, "receive", "registered")
    for field, value in (("number", 999), ("year", 2400), ("register", None), ("reference", "x"), ("status", "done")):
        with pytest.raises(ValidationError, match="แก้ไขช่องต่อไปนี้ไม่ได้"):
            services.letter_update(user=users["clerk"], letter=entry, reason="ลอง", **{field: value})


def test_a_correction_without_a_reason_is_refused_and_keeps_what_was_typed(users, client_for, entry):
    response = client_for(users["clerk"]).post(_url(entry), _form_data(entry, subject="เรื่องที่พิมพ์ใหม่", reason=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "กรุณาระบุเหตุผลที่แก้ไข" in page and 'value="เรื่องที่พิมพ์ใหม่"' in page
    entry.refresh_from_db()
    assert entry.subject == "ขอเชิญประชุมผู้บริหาร" and entry.history.count() == 1


def test_an_impossible_date_is_refused_in_thai_and_nothing_typed_is_lost(users, client_for, entry):
    data = _form_data(entry, letter_date="31/02/2569", subject="เรื่องที่แก้ไม่สำเร็จ", remarks="หมายเหตุที่พิมพ์")
    response = client_for(users["clerk"]).post(_url(entry), data)
    page = response.content.decode()
    assert "ไม่มีวันที่ 31 กุมภาพันธ์ 2569 ในปฏิทิน" in page
    assert 'value="31/02/2569"' in page and "เรื่องที่แก้ไม่สำเร็จ" in page and "หมายเหตุที่พิมพ์" in page
    entry.refresh_from_db()
    assert entry.subject == "ขอเชิญประชุมผู้บริหาร"


def test_a_rule_broken_by_the_correction_is_shown_on_the_field(users, client_for, entry):
    data = _form_data(entry, secrecy="3", channel="email", subject="ลับที่สุดทางอีเมล")
    page = client_for(users["clerk"]).post(_url(entry), data).content.decode()
    assert "หนังสือลับที่สุดต้องส่งเป็นกระดาษเท่านั้น" in page and "ลับที่สุดทางอีเมล" in page
    entry.refresh_from_db()
    assert entry.secrecy == 0


def test_a_correction_that_changes_nothing_is_not_recorded(users, client_for, entry):
    page = client_for(users["clerk"]).post(_url(entry), _form_data(entry)).content.decode()
    assert "ไม่มีช่องใดเปลี่ยนแปลง" in page
    assert entry.history.count() == 1


def test_a_top_secret_level_is_refused_for_an_entry_with_files(users, incoming, pdf_upload):
    letter = incoming(files=[pdf_upload()])
    with pytest.raises(ValidationError, match="มีไฟล์แนบ"):
        services.letter_update(user=users["clerk"], letter=letter, reason="ยกระดับ", secrecy=3)


def test_a_cancelled_entry_is_not_editable(users, client_for, entry):
    services.letter_cancel(user=users["clerk"], letter=entry, reason="ลงซ้ำ")
    client = client_for(users["clerk"])
    response = client.get(_url(entry), follow=True)
    assert "หนังสือที่ยกเลิกแล้วแก้ไขไม่ได้" in response.content.decode()
    client.post(_url(entry), _form_data(entry, subject="แก้หลังยกเลิก"))
    entry.refresh_from_db()
    assert entry.subject == "ขอเชิญประชุมผู้บริหาร"
    with pytest.raises(ValidationError, match="ยกเลิกแล้วแก้ไขไม่ได้"):
        services.letter_update(user=users["clerk"], letter=entry, reason="ลอง", subject="x")
    detail = client.get(reverse("correspondence:letter_detail", args=[entry.pk])).content.decode()
    assert _url(entry) not in detail


def test_an_unissued_draft_has_no_edit_page(users, client_for, office):
    draft = services.letter_draft_outgoing(user=users["supervisor"], register_code="send", subject="ร่าง",
                                           recipient_text="ผอ.โรงเรียน")  # fmt: skip
    assert client_for(users["clerk"]).get(_url(draft)).status_code == 404


def test_an_outgoing_entry_keeps_its_built_reference_and_has_no_sender_number_box(users, client_for, office):
    letter = services.letter_issue_outgoing(user=users["clerk"], register_code="send", subject="แจ้งผล",
                                            recipient_text="ผอ.โรงเรียน")  # fmt: skip
    client = client_for(users["clerk"])
    assert 'name="external_no"' not in client.get(_url(letter)).content.decode()
    data = _form_data(letter, subject="แจ้งผลการนิเทศ", external_no="ศธ 9999/1", letter_date="10/11/2569")
    client.post(_url(letter), data)
    letter.refresh_from_db()
    assert letter.subject == "แจ้งผลการนิเทศ" and letter.reference == "ศธ 04123/1" and letter.external_no == ""


class TestSecretEntries:
    @pytest.fixture
    def secret(self, users, incoming, make_user):
        letter = incoming(subject="สอบสวนข้อเท็จจริงกรณีร้องเรียน", secrecy=2)
        users["assignee"] = make_user("supervisor", username="assignee")
        services.letter_present(user=users["clerk"], letter=letter)
        services.letter_instruct(user=users["director"], letter=letter, instruction="ดำเนินการ",
                                 assignees=[users["assignee"]])  # fmt: skip
        return letter

    @pytest.mark.parametrize("role", ["administrator", "supervisor", "secretary", "executive", "member"])
    def test_the_uncleared_do_not_find_the_edit_page_of_a_secret_entry(self, role, users, client_for, secret):
        client = client_for(users[role])
        assert client.get(_url(secret)).status_code == 404
        assert client.post(_url(secret), _form_data(secret, subject="แก้โดยผู้ไม่มีสิทธิ์")).status_code == 404
        secret.refresh_from_db()
        assert secret.subject == "สอบสวนข้อเท็จจริงกรณีร้องเรียน"

    def test_the_uncleared_administrator_cannot_correct_it_through_the_service(self, users, secret):
        with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์เห็นหนังสือชั้นความลับนี้"):
            services.letter_update(user=users["administrator"], letter=secret, reason="ลอง", subject="x")

    def test_the_cleared_clerk_corrects_it(self, users, client_for, secret):
        response = client_for(users["clerk"]).get(_url(secret))
        assert response.status_code == 200 and "สอบสวนข้อเท็จจริงกรณีร้องเรียน" in response.content.decode()

    def test_a_cleared_assignee_may_read_it_but_not_correct_it(self, users, client_for, secret):
        assert client_for(users["assignee"]).get(_url(secret)).status_code == 403
