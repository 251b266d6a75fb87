"""Recording the destruction of listed entries (บันทึกการทำลายหนังสือ): never deleted, marked ทำลายแล้ว."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core import thaidate
from correspondence import keeping, services
from correspondence.models import DestructionBatch, Letter

OLD = dt.datetime(2024, 3, 1, 10, tzinfo=thaidate.BANGKOK)  # BE 2567; kept 1 year -> on the 2568 list
COMMITTEE = "นายประธาน ใจดี\nนางกรรมการ หนึ่ง\nนายกรรมการ สอง"


@pytest.fixture
def expired(incoming):
    return [incoming(subject=f"หนังสือเก่าครบอายุ {n}", retention_years=1, now=OLD + dt.timedelta(minutes=n))
            for n in range(3)]  # fmt: skip


@pytest.fixture
def order(users, office):
    return services.letter_issue_outgoing(user=users["clerk"], register_code="order", subject="แต่งตั้งคณะกรรมการทำลายหนังสือ",
                                          recipient_text="ผู้เกี่ยวข้อง")  # fmt: skip


def _post(chosen, **changes) -> dict:
    data = {"list_year": "2568", "destroyed_on": "15/03/2569", "approval_text": "คำสั่งสำนักงานเขต ที่ 12/2569",
            "approval_letter": "", "committee": COMMITTEE, "remarks": "", "letters": [str(x.pk) for x in chosen]}  # fmt: skip
    data.update(changes)
    return data


def test_the_clerk_records_a_destruction_and_the_entries_stay_marked_destroyed(users, client_for, expired, order):
    client = client_for(users["clerk"])
    response = client.post(reverse("correspondence:destruction_create"),
                           _post(expired[:2], approval_letter=str(order.pk)))  # fmt: skip
    assert response.status_code == 302
    batch = DestructionBatch.objects.get()
    assert batch.approval_letter == order and batch.committee_names == COMMITTEE.splitlines()
    assert batch.destroyed_on == dt.date(2026, 3, 15) and batch.recorded_by == users["clerk"]
    assert Letter.objects.filter(pk__in=[x.pk for x in expired]).count() == 3  # nothing deleted
    assert [x.pk for x in batch.letters.order_by("pk")] == [expired[0].pk, expired[1].pk]
    expired[2].refresh_from_db()
    assert not expired[2].is_destroyed
    page = client.get(response["Location"]).content.decode()
    assert "หนังสือเก่าครบอายุ 0" in page and "นายประธาน ใจดี (ประธานกรรมการ)" in page


def test_destruction_is_in_the_audit_trail_and_on_the_register_and_detail(users, client_for, expired):
    keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                               approval_text="คำสั่งที่ 12/2569", committee=COMMITTEE, letters=[expired[0]])  # fmt: skip
    letter = expired[0]
    latest = letter.history.order_by("-history_id").first()
    assert latest.history_user == users["clerk"] and latest.history_change_reason == "ทำลายแล้ว ตามคำสั่งที่ 12/2569"
    assert latest.destruction_id is not None and letter.history.order_by("history_id").first().destruction_id is None
    assert letter.steps.filter(kind="destroyed").exists()
    client = client_for(users["clerk"])
    detail = client.get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    assert "ทำลายแล้ว เมื่อ 15 มีนาคม 2569" in detail and "นางกรรมการ หนึ่ง" in detail
    assert "การทำลาย</span>: “-” → “ทำลายเมื่อ 15/03/2569 ตามคำสั่งที่ 12/2569”" in detail
    register = client.get(reverse("correspondence:register_list", args=["receive"]) + "?q=ครบอายุ 0").content.decode()
    assert "ทำลายแล้ว" in register


@pytest.mark.parametrize("role", ["supervisor", "director", "secretary", "executive", "member", "school"])
def test_only_the_clerk_and_the_administrator_record_destruction(role, users, client_for, expired):
    client = client_for(users[role])
    assert client.post(reverse("correspondence:destruction_create"), _post(expired)).status_code == 403
    with pytest.raises(PermissionDenied, match="เฉพาะเจ้าหน้าที่สารบรรณและผู้ดูแลระบบบันทึกการทำลายหนังสือได้"):
        keeping.destruction_record(user=users[role], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                   approval_text="ก", committee=COMMITTEE, letters=expired)  # fmt: skip
    assert not DestructionBatch.objects.exists()


def test_the_administrator_records_destruction_and_get_is_refused(users, client_for, expired):
    client = client_for(users["administrator"])
    assert client.get(reverse("correspondence:destruction_create")).status_code == 405
    assert client.post(reverse("correspondence:destruction_create"), _post(expired)).status_code == 302
    assert DestructionBatch.objects.get().letters.count() == 3


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"committee": "นายประธาน ใจดี\nนางกรรมการ หนึ่ง"}, "กรรมการอย่างน้อยสองคน"),
        ({"destroyed_on": "31/02/2569"}, "ไม่มีวันที่ 31 กุมภาพันธ์ 2569 ในปฏิทิน"),
        ({"destroyed_on": "15/12/2568"}, "ทำลายได้หลังสิ้นปี 2568 เท่านั้น"),
        ({"letters": []}, "กรุณาเลือกรายการที่ทำลายอย่างน้อยหนึ่งรายการ"),
        ({"approval_text": ""}, "กรุณาระบุคำสั่งอนุมัติ"),
    ],
)
def test_bad_input_is_refused_in_thai_and_keeps_what_was_typed_and_ticked(changes, message, users, client_for, expired):
    data = _post(expired[:2], remarks="เผาทำลายที่ลานหลังสำนักงาน", **changes)
    response = client_for(users["clerk"]).post(reverse("correspondence:destruction_create"), data)
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert "เผาทำลายที่ลานหลังสำนักงาน" in page and "นายประธาน ใจดี" in page
    ticked = [] if "letters" in changes else expired[:2]
    for letter in expired:
        box = re.search(rf'<input[^>]*id="destroy-{letter.pk}"[^>]*>', page).group(0)
        assert ("checked" in box) == (letter in ticked)
    assert not DestructionBatch.objects.exists() and not Letter.objects.filter(destruction__isnull=False).exists()


def test_an_entry_still_within_its_retention_cannot_be_destroyed(users, incoming, expired):
    young = incoming(subject="หนังสือใหม่", retention_years=10)
    with pytest.raises(ValidationError, match="ไม่อยู่ในบัญชีหนังสือขอทำลายปี 2568"):
        keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                   approval_text="ก", committee=COMMITTEE, letters=[expired[0], young])  # fmt: skip
    assert not Letter.objects.filter(destruction__isnull=False).exists()


def test_a_lent_entry_cannot_be_destroyed(users, expired):
    keeping.borrowing_record(user=users["clerk"], letter=expired[0], borrower="นายยืม", received_by="นางสุนีย์",
                             borrowed_on=dt.date(2026, 3, 1), due_on=dt.date(2026, 3, 30))  # fmt: skip
    with pytest.raises(ValidationError, match="ถูกยืมอยู่"):
        keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                   approval_text="ก", committee=COMMITTEE, letters=[expired[0]])  # fmt: skip


def test_the_approval_link_must_be_an_order(users, incoming, expired):
    not_an_order = incoming(subject="หนังสือรับธรรมดา")
    with pytest.raises(ValidationError, match="ทะเบียนคำสั่ง"):
        keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                   approval_text="ก", committee=COMMITTEE, letters=expired,
                                   approval_letter=not_an_order)  # fmt: skip


def test_a_destroyed_entry_leaves_the_list_and_is_closed_to_every_change(users, client_for, expired):
    keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                               approval_text="ก", committee=COMMITTEE, letters=[expired[0]])  # fmt: skip
    letter = Letter.objects.get(pk=expired[0].pk)
    assert letter not in keeping.destruction_candidates(Letter.objects.all(), 2568)
    attempts = [
        (lambda: keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 16),
                                            approval_text="ก", committee=COMMITTEE, letters=[letter]),
         "ทำลายไปแล้ว"),
        (lambda: services.letter_update(user=users["clerk"], letter=letter, reason="ลอง", subject="แก้"),
         "หนังสือที่ทำลายแล้วแก้ไขไม่ได้"),
        (lambda: services.letter_cancel(user=users["clerk"], letter=letter, reason="ลอง"),
         "หนังสือที่ทำลายแล้วยกเลิกไม่ได้"),
        (lambda: keeping.borrowing_record(user=users["clerk"], letter=letter, borrower="ก", received_by="ข",
                                          borrowed_on=dt.date(2026, 4, 1), due_on=dt.date(2026, 4, 2)),
         "หนังสือนี้ทำลายแล้ว จึงยืมไม่ได้"),
    ]  # fmt: skip
    for attempt, refusal in attempts:
        with pytest.raises(ValidationError, match=refusal):
            attempt()
    assert client_for(users["clerk"]).get(reverse("correspondence:letter_edit", args=[letter.pk])).status_code == 302


def test_the_uncleared_administrator_cannot_destroy_a_secret_entry(users, incoming):
    secret = incoming(subject="เรื่องลับเก่า", secrecy=1, retention_years=1, now=OLD)
    with pytest.raises(ValidationError, match="ชั้นความลับที่คุณไม่มีสิทธิ์เห็น"):
        keeping.destruction_record(user=users["administrator"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                   approval_text="ก", committee=COMMITTEE, letters=[secret])  # fmt: skip
    batch = keeping.destruction_record(user=users["clerk"], list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                                       approval_text="ก", committee=COMMITTEE, letters=[secret])  # fmt: skip
    assert batch.letters.get() == secret


def test_a_destroyed_entry_is_no_longer_waiting_in_anyones_inbox(users, expired):
    from correspondence import selectors

    clerk = users["clerk"]
    waiting = set(selectors.inbox_for(clerk).values_list("pk", flat=True))
    assert {x.pk for x in expired} <= waiting  # registered, never presented: the clerk's work
    keeping.destruction_record(user=clerk, list_year=2568, destroyed_on=dt.date(2026, 3, 15),
                               approval_text="ก", committee=COMMITTEE, letters=[expired[0]])  # fmt: skip
    waiting = set(selectors.inbox_for(clerk).values_list("pk", flat=True))
    assert expired[0].pk not in waiting and {expired[1].pk, expired[2].pk} <= waiting
