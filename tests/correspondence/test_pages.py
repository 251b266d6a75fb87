from __future__ import annotations

import pytest
from django.urls import reverse

from correspondence import services
from correspondence.models import Letter


def test_the_clerk_registers_an_incoming_letter_and_sees_the_receive_stamp(users, client_for, office, pdf_upload):
    client = client_for(users["clerk"])
    data = {
        "external_no": "ศธ 04010/ว 555", "letter_date": "03/11/2569", "sender": "สพฐ.", "recipient_text": "ผอ.กลุ่มนิเทศฯ",
        "subject": "ขอความร่วมมือติดตามการใช้หลักสูตร", "urgency": "2", "secrecy": "0", "document_type": "external",
        "channel": "paper", "files": pdf_upload(),
    }  # fmt: skip
    response = client.post(reverse("correspondence:incoming_create"), data)
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.number == 1 and letter.urgency == 2 and letter.attachments.count() == 1
    assert letter.letter_date.year == 2026
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="stamp-number">1<' in page and "เวลา" in page


def test_an_impossible_date_is_refused_in_thai_and_nothing_is_lost(users, client_for, office):
    client = client_for(users["clerk"])
    data = {"letter_date": "31/02/2569", "sender": "สพฐ.", "recipient_text": "ผอ.", "subject": "เรื่องที่พิมพ์ไว้แล้ว",
            "urgency": "0", "secrecy": "0", "document_type": "external", "channel": "paper"}  # fmt: skip
    response = client.post(reverse("correspondence:incoming_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "ไม่มีวันที่ 31 กุมภาพันธ์ 2569 ในปฏิทิน" in page
    assert "เรื่องที่พิมพ์ไว้แล้ว" in page  # what the clerk typed is still there
    assert not Letter.objects.exists()


def test_a_disguised_file_is_refused_by_its_content(users, client_for, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    data = {"sender": "สพฐ.", "recipient_text": "ผอ.", "subject": "มีไฟล์แปลก", "urgency": "0", "secrecy": "0",
            "document_type": "external", "channel": "paper", "files": fake}  # fmt: skip
    response = client_for(users["clerk"]).post(reverse("correspondence:incoming_create"), data)
    assert "ไฟล์ “scan.pdf” ไม่ใช่ PDF จริง" in response.content.decode()
    assert not Letter.objects.exists()


def test_an_oversized_file_is_refused(users, client_for, office, pdf_upload, settings):
    settings.UPLOAD_MAX_BYTES = 100
    data = {"sender": "สพฐ.", "recipient_text": "ผอ.", "subject": "ไฟล์ใหญ่", "urgency": "0", "secrecy": "0",
            "document_type": "external", "channel": "paper", "files": pdf_upload()}  # fmt: skip
    response = client_for(users["clerk"]).post(reverse("correspondence:incoming_create"), data)
    assert "เกินที่กำหนด" in response.content.decode()
    assert not Letter.objects.exists()


def test_a_supervisor_drafts_to_every_school_in_a_cluster_and_the_clerk_issues_on_dispatch(
    users, client_for, office, school, other_school
):
    response = client_for(users["supervisor"]).post(reverse("correspondence:draft_create"), {
        "register_code": "circular", "subject": "แจ้งกำหนดการนิเทศ", "clusters": [school.cluster_id], "urgency": "0",
        "secrecy": "0", "document_type": "external", "channel": "electronic",
    })  # fmt: skip
    assert response.status_code == 302
    draft = Letter.objects.get()
    assert draft.number is None and draft.status == "draft" and draft.owner == users["supervisor"]
    assert set(draft.recipient_schools.all()) == {school, other_school}
    assert "โรงเรียนบ้านทดสอบ" in draft.recipient_text and "โรงเรียนบ้านอื่น" in draft.recipient_text
    client_for(users["clerk"]).post(reverse("correspondence:letter_dispatch", args=[draft.pk]), {"letter_date": ""})
    draft.refresh_from_db()
    assert draft.number == 1 and draft.document_no == "ศธ 04123/ว 1"


def test_an_unknown_recipient_school_is_refused(users, client_for, office):
    response = client_for(users["supervisor"]).post(reverse("correspondence:draft_create"), {
        "register_code": "send", "subject": "ก", "schools": ["99999"], "urgency": "0", "secrecy": "0",
        "document_type": "external", "channel": "paper",
    })  # fmt: skip
    assert response.status_code == 200 and "ไม่พบสถานศึกษา" in response.content.decode()
    assert not Letter.objects.exists()


def test_routing_from_presentation_to_done_derives_the_action_column(users, client_for, incoming):
    letter = incoming(urgency=3)
    clerk, director, supervisor = (
        client_for(users["clerk"]),
        client_for(users["director"]),
        client_for(users["supervisor"]),
    )
    clerk.post(reverse("correspondence:letter_present", args=[letter.pk]))
    director.post(reverse("correspondence:letter_instruct", args=[letter.pk]),
                  {"instruction": "มอบ ศน. ดำเนินการ", "assignees": [users["supervisor"].pk]})  # fmt: skip
    inbox = supervisor.get(reverse("correspondence:inbox")).content.decode()
    assert letter.subject in inbox
    assignment = letter.assignments.get()
    supervisor.post(reverse("correspondence:assignment_acknowledge", args=[assignment.pk]))
    supervisor.post(reverse("correspondence:assignment_complete", args=[assignment.pk]), {"result": "แจ้งโรงเรียนแล้ว"})
    letter.refresh_from_db()
    assert letter.status == "done"
    kinds = list(letter.steps.values_list("kind", flat=True))
    assert kinds == ["registered", "presented", "instructed", "assigned", "acknowledged", "done"]
    page = clerk.get(reverse("correspondence:register_list", args=["receive"])).content.decode()
    assert "เกษียน: มอบ ศน. ดำเนินการ" in page and "แจ้งโรงเรียนแล้ว" in page


def test_the_inbox_puts_the_most_urgent_first_and_highlights_passed_deadlines(users, client_for, incoming):
    import datetime as dt

    from django.utils import timezone

    incoming(subject="เรื่องปกติ")
    incoming(subject="เรื่องด่วนที่สุด", urgency=3)
    incoming(subject="เรื่องเลยกำหนด", urgency=1, deadline=timezone.now() - dt.timedelta(hours=1))
    page = client_for(users["clerk"]).get(reverse("correspondence:inbox")).content.decode()
    assert page.index("เรื่องด่วนที่สุด") < page.index("เรื่องเลยกำหนด") < page.index("เรื่องปกติ")
    assert "เลยกำหนด)" in page and "list-group-item-danger" in page


def test_cancel_needs_a_reason_and_get_is_refused(users, client_for, incoming):
    letter = incoming()
    client = client_for(users["clerk"])
    assert client.get(reverse("correspondence:letter_cancel", args=[letter.pk])).status_code == 405
    client.post(reverse("correspondence:letter_cancel", args=[letter.pk]), {"reason": ""})
    letter.refresh_from_db()
    assert letter.status == "registered"
    client.post(reverse("correspondence:letter_cancel", args=[letter.pk]), {"reason": "ซ้ำกับเลข 5"})
    letter.refresh_from_db()
    assert letter.status == "cancelled"
    page = client.get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    assert "ซ้ำกับเลข 5" in page


def test_every_change_is_kept_with_who_and_before_after(users, incoming, client_for):
    letter = incoming(subject="เรื่องเดิม")
    services.letter_update(user=users["clerk"], letter=letter, subject="เรื่องที่แก้แล้ว", reason="พิมพ์ผิด")
    records = list(letter.history.order_by("history_id"))
    assert [r.subject for r in records] == ["เรื่องเดิม", "เรื่องที่แก้แล้ว"]
    assert all(r.history_user == users["clerk"] for r in records)
    page = client_for(users["clerk"]).get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    assert "“เรื่องเดิม” → “เรื่องที่แก้แล้ว”" in page


@pytest.mark.parametrize("role", ["member", "school"])
def test_people_outside_the_office_do_not_see_the_registers(role, users, client_for, incoming):
    letter = incoming()
    client = client_for(users[role])
    assert client.get(reverse("correspondence:register_list", args=["receive"])).status_code == 404
    assert client.get(reverse("correspondence:letter_detail", args=[letter.pk])).status_code == 404


@pytest.mark.parametrize("role", ["supervisor", "executive", "secretary"])
def test_read_only_roles_cannot_register_or_cancel(role, users, client_for, incoming):
    letter = incoming()
    client = client_for(users[role])
    assert client.get(reverse("correspondence:incoming_create")).status_code == 403
    assert client.post(reverse("correspondence:letter_cancel", args=[letter.pk]), {"reason": "x"}).status_code == 403


def test_the_clerk_sets_the_start_number_once_before_the_first_number(users, client_for, incoming):
    from core import thaidate

    client = client_for(users["clerk"])
    year = thaidate.calendar_year_be(thaidate.today())
    client.post(reverse("correspondence:counters"), {"register": "receive", "year": year, "start_number": 120})
    assert incoming().number == 120
    page = client.post(reverse("correspondence:counters"), {"register": "receive", "year": year, "start_number": 5})
    assert "กำหนดเลขเริ่มต้นไม่ได้" in page.content.decode()


def test_keeping_page_lists_borrowings_and_expired_entries(users, client_for, incoming):
    import datetime as dt

    from core import thaidate

    old = incoming(subject="หนังสือเก่าครบอายุ", retention_years=1,
                   now=dt.datetime(2024, 3, 1, 10, tzinfo=thaidate.BANGKOK))  # fmt: skip
    incoming(subject="หนังสือเก็บตลอดไป", keep_forever=True, now=dt.datetime(2024, 3, 1, 11, tzinfo=thaidate.BANGKOK))
    client = client_for(users["clerk"])
    client.post(reverse("correspondence:borrowing_create", args=[old.pk]),
                {"borrower": "นายยืม", "received_by": "นางสุนีย์", "borrowed_on": "01/03/2569", "due_on": "15/03/2569"})  # fmt: skip
    page = client.get(reverse("correspondence:keeping") + "?year=2568").content.decode()
    assert "นายยืม" in page and "หนังสือเก่าครบอายุ" in page and "หนังสือเก็บตลอดไป" not in page


def test_returning_a_borrowed_entry_refuses_an_impossible_date_in_thai_then_records_it(users, client_for, incoming):
    from correspondence.models import Borrowing

    letter = incoming(subject="หนังสือที่ถูกยืม")
    client = client_for(users["clerk"])
    client.post(reverse("correspondence:borrowing_create", args=[letter.pk]),
                {"borrower": "นายยืม", "received_by": "นางสุนีย์", "borrowed_on": "01/11/2569", "due_on": "15/11/2569"})  # fmt: skip
    borrowing = Borrowing.objects.get(letter=letter)
    url = reverse("correspondence:borrowing_return", args=[borrowing.pk])
    page = client.post(url, {"returned_by": "นายยืม", "returned_on": "31/11/2569"}, follow=True).content.decode()
    assert "ไม่มีวันที่ 31 พฤศจิกายน 2569" in page
    borrowing.refresh_from_db()
    assert borrowing.returned_on is None
    page = client.post(url, {"returned_by": "นายยืม", "returned_on": "20/11/2569"}, follow=True).content.decode()
    assert "บันทึกการคืนแล้ว" in page
    borrowing.refresh_from_db()
    assert borrowing.returned_on.isoformat() == "2026-11-20" and borrowing.returned_by == "นายยืม"
    assert client.get(url).status_code == 405
