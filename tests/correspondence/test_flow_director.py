"""The director's เกษียน (issue 17): quick phrases, a due date per assignee, the scan beside the box."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from core.roles import Role
from correspondence import services
from correspondence.models import Assignment, InstructionPhrase


@pytest.fixture
def presented(users, incoming, pdf_upload):
    letter = incoming(subject="ขอความร่วมมือคัดเลือกครูผู้สอนดีเด่นกลุ่มสาระการเรียนรู้วิทยาศาสตร์และเทคโนโลยี", files=[pdf_upload()])
    return services.letter_present(user=users["clerk"], letter=letter)


def test_the_instruction_card_offers_quick_phrases_and_the_scan_beside_it(users, client_for, presented):
    html = (
        client_for(users["director"]).get(reverse("correspondence:letter_detail", args=[presented.pk])).content.decode()
    )
    card = html[html.index('id="instruct-card"') :]
    offered = re.findall(r'data-phrase="([^"]*)"', card)
    # the office's list (seeded by migration 0010 with the phrases that used to be fixed), in its order
    assert offered == list(InstructionPhrase.objects.filter(is_active=True).values_list("text", flat=True))
    assert offered[:3] == ["ทราบ", "ทราบ แจ้งผู้เกี่ยวข้องทราบ", "มอบ ดำเนินการ"]
    scan = presented.attachments.get()
    assert f'<iframe src="{reverse("correspondence:attachment_download", args=[scan.pk])}"' in card
    assert "js/phrases.js" in html


def test_the_scan_may_be_shown_in_a_frame_of_the_same_site_only(users, client_for, presented):
    scan = presented.attachments.get()
    response = client_for(users["director"]).get(reverse("correspondence:attachment_download", args=[scan.pk]))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_each_assignee_gets_the_due_date_written_beside_their_name(users, make_user, client_for, presented):
    second = make_user(Role.SUPERVISOR, username="supervisor_prapaporn")
    first = users["supervisor"]
    response = client_for(users["director"]).post(
        reverse("correspondence:letter_instruct", args=[presented.pk]),
        {"instruction": "มอบ ดำเนินการแล้วรายงานผล", "assignees": [first.pk, second.pk],
         f"due_{first.pk}": "15/12/2569", f"due_{second.pk}": ""},
    )  # fmt: skip
    assert response.status_code == 302
    due = dict(Assignment.objects.filter(letter=presented).values_list("assignee_id", "due_on"))
    assert due == {first.pk: dt.date(2026, 12, 15), second.pk: None}
    page = client_for(first).get(reverse("correspondence:letter_detail", args=[presented.pk])).content.decode()
    assert "กำหนดเสร็จ 15 ธันวาคม 2569" in page


def test_a_due_date_for_someone_not_ticked_is_ignored(users, make_user, client_for, presented):
    other = make_user(Role.SUPERVISOR, username="supervisor_thanapat")
    client_for(users["director"]).post(
        reverse("correspondence:letter_instruct", args=[presented.pk]),
        {"instruction": "ทราบ", "assignees": [users["supervisor"].pk], f"due_{other.pk}": "20/12/2569"},
    )
    assert list(Assignment.objects.filter(letter=presented).values_list("assignee_id", "due_on")) == [
        (users["supervisor"].pk, None)
    ]


def test_a_nonsense_due_date_is_refused_in_thai_and_nothing_is_assigned(users, client_for, presented):
    client = client_for(users["director"])
    response = client.post(
        reverse("correspondence:letter_instruct", args=[presented.pk]),
        {
            "instruction": "มอบ ดำเนินการ",
            "assignees": [users["supervisor"].pk],
            f"due_{users['supervisor'].pk}": "45/13/2569",
        },
        follow=True,
    )
    assert "วว/ดด/ปปปป" in response.content.decode()
    assert not Assignment.objects.filter(letter=presented).exists()
