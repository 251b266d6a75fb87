"""A refused form on an entry's page (เกษียน, cancelling, a loan) comes back with everything typed: bad input
gets a Thai message and loses nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from correspondence import services
from correspondence.models import Assignment, Borrowing

INSTRUCTION = "มอบ ศน. ดำเนินการคัดเลือกครูผู้สอนดีเด่นแล้วรายงานผลภายในวันที่ ๑๕ ธันวาคม ๒๕๖๙"


@pytest.fixture
def presented(users, incoming, pdf_upload):
    letter = incoming(subject="ขอความร่วมมือคัดเลือกครูผู้สอนดีเด่นกลุ่มสาระการเรียนรู้วิทยาศาสตร์", files=[pdf_upload()])
    return services.letter_present(user=users["clerk"], letter=letter)


def test_an_instruction_refused_for_want_of_an_assignee_comes_back_with_its_text(users, client_for, presented):
    response = client_for(users["director"]).post(
        reverse("correspondence:letter_instruct", args=[presented.pk]), {"instruction": INSTRUCTION}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "กรุณาเลือกผู้รับมอบอย่างน้อยหนึ่งคน" in page
    card = page[page.index('id="instruct-card"') :]
    assert f"{INSTRUCTION}</textarea>" in card
    assert not Assignment.objects.filter(letter=presented).exists()


def test_an_instruction_with_a_bad_due_date_keeps_the_text_the_tick_and_the_date_typed(users, client_for, presented):
    supervisor = users["supervisor"]
    response = client_for(users["director"]).post(
        reverse("correspondence:letter_instruct", args=[presented.pk]),
        {"instruction": INSTRUCTION, "assignees": [supervisor.pk], f"due_{supervisor.pk}": "31/02/2569"},
    )
    assert response.status_code == 200
    card = response.content.decode()
    card = card[card.index('id="instruct-card"') :]
    assert f"{INSTRUCTION}</textarea>" in card
    assert 'value="31/02/2569"' in card
    tick = card[card.index(f'value="{supervisor.pk}"') - 200 : card.index(f'value="{supervisor.pk}"') + 200]
    assert "checked" in tick
    assert not Assignment.objects.filter(letter=presented).exists()


def test_a_cancel_without_reason_opens_the_fold_again_and_cancels_nothing(users, client_for, incoming):
    letter = incoming(subject="ขอเชิญประชุมผู้บริหารสถานศึกษา")
    response = client_for(users["clerk"]).post(
        reverse("correspondence:letter_cancel", args=[letter.pk]), {"reason": ""}
    )
    assert response.status_code == 200
    assert "<details open>" in response.content.decode()
    letter.refresh_from_db()
    assert not letter.is_cancelled


def test_a_loan_refused_for_its_dates_keeps_the_borrower_typed(users, client_for, incoming):
    letter = incoming(subject="ขอเชิญประชุมผู้บริหารสถานศึกษา")
    borrower = "นางสาวประภาพร ศรีสุวรรณวงศ์ ศึกษานิเทศก์ชำนาญการพิเศษ"
    response = client_for(users["clerk"]).post(
        reverse("correspondence:borrowing_create", args=[letter.pk]),
        {"borrower": borrower, "received_by": "นายธนพัฒน์ ใจดี", "borrowed_on": "10/12/2569", "due_on": "01/12/2569"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "กำหนดส่งคืนต้องไม่ก่อนวันยืม" in page and f'value="{borrower}"' in page
    assert not Borrowing.objects.filter(letter=letter).exists()


def test_an_accepted_instruction_still_goes_back_to_the_entry(users, client_for, presented):
    response = client_for(users["director"]).post(
        reverse("correspondence:letter_instruct", args=[presented.pk]),
        {"instruction": INSTRUCTION, "assignees": [users["supervisor"].pk]},
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(letter=presented, assignee=users["supervisor"]).exists()
