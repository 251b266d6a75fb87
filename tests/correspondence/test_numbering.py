from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from core import thaidate
from correspondence import numbering, services
from correspondence.models import Letter, Register, RegisterCounter
from tests.helpers import unique_violation

BKK = thaidate.BANGKOK


def test_the_four_registers_are_shipped_by_a_migration(db):
    codes = set(Register.objects.values_list("code", flat=True))
    assert {"receive", "send", "circular", "order"} <= codes


def test_receive_numbers_run_from_1_consecutively(incoming):
    numbers = [incoming(subject=f"เรื่องที่ {i}").number for i in range(5)]
    assert numbers == [1, 2, 3, 4, 5]


def test_it_restarts_numbering_on_1_january_bangkok_time(incoming):
    # 31 Dec 2026 23:59 in Bangkok is still 2569; 1 Jan 2027 00:00 Bangkok (17:00 UTC on 31 Dec) is 2570.
    last_evening = dt.datetime(2026, 12, 31, 23, 59, tzinfo=BKK)
    a = incoming(now=last_evening)
    b = incoming(now=last_evening + dt.timedelta(seconds=30))
    new_year_utc = dt.datetime(2026, 12, 31, 17, 0, 30, tzinfo=dt.UTC)
    c = incoming(now=new_year_utc)
    d = incoming(now=new_year_utc + dt.timedelta(hours=1))
    assert [(x.year, x.number) for x in (a, b, c, d)] == [(2569, 1), (2569, 2), (2570, 1), (2570, 2)]


def test_a_start_number_set_before_the_first_number_is_used(users, incoming):
    receive = Register.objects.get(code="receive")
    year = thaidate.calendar_year_be(thaidate.today())
    numbering.counter_set_start(register=receive, year=year, start_number=350, user=users["clerk"])
    assert [incoming().number for _ in range(2)] == [350, 351]


def test_the_start_number_cannot_be_set_after_a_number_was_issued(users, incoming):
    incoming()
    receive = Register.objects.get(code="receive")
    year = thaidate.calendar_year_be(thaidate.today())
    with pytest.raises(ValidationError, match="ออกเลข"):
        numbering.counter_set_start(register=receive, year=year, start_number=100, user=users["clerk"])
    assert incoming().number == 2


def test_a_refused_entry_gives_its_number_back(users, incoming):
    incoming()
    with pytest.raises(ValidationError, match="หนังสือลับที่สุดต้องส่งเป็นกระดาษเท่านั้น"):
        incoming(channel="email", secrecy=3)  # ลับที่สุด never travels electronically
    assert incoming().number == 2
    assert list(Letter.objects.values_list("number", flat=True).order_by("number")) == [1, 2]


def test_a_cancelled_entry_keeps_its_number_and_says_why(users, incoming):
    first = incoming()
    services.letter_cancel(user=users["clerk"], letter=first, reason="ลงทะเบียนซ้ำ")
    first.refresh_from_db()
    assert first.number == 1 and first.status == "cancelled"
    assert first.cancel_reason == "ลงทะเบียนซ้ำ" and first.cancelled_by == users["clerk"] and first.cancelled_at
    assert incoming().number == 2


def test_the_database_refuses_a_duplicate_number(users, incoming):
    first = incoming()
    duplicate = unique_violation("correspondence_letter", "register_id", "year", "number")
    with pytest.raises(IntegrityError, match=duplicate), transaction.atomic():
        Letter.objects.create(register=first.register, year=first.year, number=first.number, subject="ซ้ำ",
                              sender="x", recipient_text="y", created_by=users["clerk"])  # fmt: skip


def test_outgoing_numbers_are_printed_with_the_office_letter_code(users, office):
    send = services.letter_issue_outgoing(
        user=users["clerk"], register_code="send", subject="ส่งรายงาน", recipient_text="สพฐ."
    )
    circular = services.letter_issue_outgoing(
        user=users["secretary"], register_code="circular", subject="แจ้งเวียน", recipient_text="โรงเรียนในสังกัด"
    )
    order = services.letter_issue_outgoing(
        user=users["director"],
        register_code="order",
        subject="แต่งตั้งคณะกรรมการ",
        recipient_text="ผู้เกี่ยวข้อง",
        document_type="directive",
    )
    year = thaidate.calendar_year_be(thaidate.today())
    assert send.document_no == "ศธ 04123/1"
    assert circular.document_no == "ศธ 04123/ว 1"
    assert order.document_no == f"1/{year}"
    assert order.history.count() == 1 and order.history.first().history_user == users["director"]
    assert order.steps.filter(kind="issued").exists()


def test_the_send_circular_and_order_series_are_independent(users, office):
    for _ in range(3):
        services.letter_issue_outgoing(user=users["clerk"], register_code="send", subject="ก", recipient_text="ข")
    c = services.letter_issue_outgoing(user=users["clerk"], register_code="circular", subject="ก", recipient_text="ข")
    assert c.number == 1
    assert RegisterCounter.objects.get(register__code="send").last_number == 3


def test_only_issuers_may_issue_outgoing_numbers(users, office):
    with pytest.raises(PermissionDenied, match="ผู้ออกเลขหนังสือต้องเป็นเจ้าหน้าที่สารบรรณ"):
        services.letter_issue_outgoing(user=users["supervisor"], register_code="send", subject="ก", recipient_text="ข")
    with pytest.raises(ValidationError, match="ออกเลขได้เฉพาะทะเบียนหนังสือส่ง หนังสือเวียน หรือคำสั่ง"):
        services.letter_issue_outgoing(user=users["clerk"], register_code="receive", subject="ก", recipient_text="ข")
    assert not Letter.objects.exists()
