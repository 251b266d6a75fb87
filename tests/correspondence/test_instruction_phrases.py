"""The เกษียน's quick phrases are the office's own list (issue 17): the letter templates' keepers add, reword,
reorder and retire them on their own page; the director's เกษียน card offers what is in use, in that order."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from correspondence import phrases, services
from correspondence.models import InstructionPhrase

LIST = reverse("correspondence:phrase_list")
SEEDED = ["ทราบ", "ทราบ แจ้งผู้เกี่ยวข้องทราบ", "มอบ ดำเนินการ", "มอบ ดำเนินการแล้วรายงานผล", "มอบ พิจารณาเสนอความเห็น",
          "แจ้งโรงเรียนในกลุ่มทราบและถือปฏิบัติ", "เข้าร่วมประชุมตามวัน เวลา และสถานที่ที่กำหนด",
          "เวียนแจ้ง ศน. ทุกคนทราบ", "ติดตามและรายงานผลภายในกำหนด", "เก็บเข้าแฟ้ม"]  # fmt: skip


@pytest.fixture
def presented(users, incoming):
    letter = incoming(subject="ขอความร่วมมือคัดเลือกครูผู้สอนดีเด่นกลุ่มสาระการเรียนรู้คณิตศาสตร์")
    return services.letter_present(user=users["clerk"], letter=letter)


def _offered(client, letter) -> list[str]:
    """The quick phrases on the director's เกษียน card, in the order shown."""
    html = client.get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    return re.findall(r'data-phrase="([^"]*)"', html[html.index('id="instruct-card"') :])


def _phrase(text: str) -> InstructionPhrase:
    return InstructionPhrase.objects.get(text=text, is_active=True)


def test_every_office_starts_with_the_ten_phrases_that_used_to_be_fixed(db):
    assert list(InstructionPhrase.objects.filter(is_active=True).values_list("text", flat=True)) == SEEDED


def test_the_clerk_adds_rewords_and_retires_and_the_director_s_card_follows(users, client_for, presented):
    clerk, director = client_for(users["clerk"]), client_for(users["director"])
    assert clerk.post(LIST, {"text": "มอบ ศน.  ประจำกลุ่มโรงเรียน ดำเนินการ"}).status_code == 302
    filing = _phrase("เก็บเข้าแฟ้ม")
    edit = reverse("correspondence:phrase_edit", args=[filing.pk])
    assert clerk.post(edit, {"text": "เก็บเข้าแฟ้มกลุ่มนิเทศ"}).status_code == 302
    retire = reverse("correspondence:phrase_set_active", args=[_phrase("ทราบ").pk])
    assert clerk.post(retire, {"active": "0"}).status_code == 302

    offered = _offered(director, presented)
    assert offered[-1] == "มอบ ศน. ประจำกลุ่มโรงเรียน ดำเนินการ"  # spaces tidied, added after the others
    assert "เก็บเข้าแฟ้มกลุ่มนิเทศ" in offered and "เก็บเข้าแฟ้ม" not in offered
    assert "ทราบ" not in offered and "ทราบ แจ้งผู้เกี่ยวข้องทราบ" in offered
    assert len(offered) == len(SEEDED)
    assert InstructionPhrase.objects.filter(text="ทราบ", is_active=False).exists()  # retired, not deleted


def test_an_instruction_written_with_a_phrase_stays_as_written_when_the_phrase_changes(users, presented):
    services.letter_instruct(
        user=users["director"], letter=presented, instruction="ทราบ", assignees=[users["supervisor"]]
    )
    phrases.phrase_set_active(user=users["clerk"], phrase=_phrase("ทราบ"), active=False)
    phrases.phrase_reword(user=users["clerk"], phrase=_phrase("เก็บเข้าแฟ้ม"), text="เก็บเข้าแฟ้มกลุ่มนิเทศ")
    presented.refresh_from_db()
    assert presented.instruction == "ทราบ"


@pytest.mark.parametrize("role", ["administrator", "clerk", "director"])
def test_whoever_keeps_the_letter_templates_keeps_the_phrases(role, users, client_for):
    client = client_for(users[role])
    assert client.get(LIST).status_code == 200
    assert client.post(LIST, {"text": f"ทราบ ({role})"}).status_code == 302
    assert _phrase(f"ทราบ ({role})").position == len(SEEDED) + 1


@pytest.mark.parametrize(("role", "status"), [("supervisor", 403), ("secretary", 403), ("executive", 403),
                                              ("member", 404), ("school", 404)])  # fmt: skip
def test_nobody_else_may_open_or_change_the_phrases(role, status, users, client_for):
    client, filing = client_for(users[role]), _phrase("เก็บเข้าแฟ้ม")
    assert client.get(LIST).status_code == status
    assert client.post(LIST, {"text": "ทราบ ดำเนินการ"}).status_code == status
    assert client.post(reverse("correspondence:phrase_edit", args=[filing.pk]), {"text": "x"}).status_code == status
    assert (
        client.post(reverse("correspondence:phrase_move", args=[filing.pk]), {"direction": "up"}).status_code == status
    )
    assert (
        client.post(reverse("correspondence:phrase_set_active", args=[filing.pk]), {"active": "0"}).status_code
        == status
    )
    assert list(InstructionPhrase.objects.filter(is_active=True).values_list("text", flat=True)) == SEEDED


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("   ", "กรุณาพิมพ์ข้อความ"),
        ("มอบ ดำเนินการ", "มีข้อความนี้ในรายการที่ใช้งานอยู่แล้ว"),
        ("มอบ  ดำเนินการ ", "มีข้อความนี้ในรายการที่ใช้งานอยู่แล้ว"),  # the same once the spaces are tidied
        ("มอบ ศน. " + "ดำเนินการ" * 30, "ข้อความยาวได้ไม่เกิน 200 ตัวอักษร (พิมพ์มา 278 ตัวอักษร)"),
    ],
)
def test_a_refused_phrase_comes_back_with_what_was_typed_and_a_thai_message(typed, message, users, client_for):
    response = client_for(users["clerk"]).post(LIST, {"text": typed})
    assert response.status_code == 200
    page = response.content.decode()
    form = page[page.index('id="phrase-add"') :]
    assert message in form
    if typed.strip():
        assert f'value="{typed}"' in form  # exactly as typed
    assert InstructionPhrase.objects.count() == len(SEEDED)


def test_a_rewording_refused_as_a_duplicate_keeps_the_words_typed(users, client_for):
    filing = _phrase("เก็บเข้าแฟ้ม")
    response = client_for(users["director"]).post(
        reverse("correspondence:phrase_edit", args=[filing.pk]), {"text": "มอบ ดำเนินการ"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "มีข้อความนี้ในรายการที่ใช้งานอยู่แล้ว" in page and 'value="มอบ ดำเนินการ"' in page
    assert "ข้อความปัจจุบัน: “เก็บเข้าแฟ้ม”" in page
    filing.refresh_from_db()
    assert filing.text == "เก็บเข้าแฟ้ม"


def test_moving_a_phrase_up_or_down_reorders_the_buttons(users, client_for, presented):
    client = client_for(users["director"])
    client.post(reverse("correspondence:phrase_move", args=[_phrase("เก็บเข้าแฟ้ม").pk]), {"direction": "up"})
    client.post(reverse("correspondence:phrase_move", args=[_phrase("ทราบ").pk]), {"direction": "down"})
    client.post(reverse("correspondence:phrase_move", args=[_phrase("ทราบ แจ้งผู้เกี่ยวข้องทราบ").pk]),
                {"direction": "up"})  # fmt: skip
    expected = [SEEDED[1], SEEDED[0], *SEEDED[2:8], SEEDED[9], SEEDED[8]]
    assert _offered(client, presented) == expected
    # at either end nothing moves
    phrases.phrase_move(user=users["clerk"], phrase=_phrase(expected[0]), up=True)
    phrases.phrase_move(user=users["clerk"], phrase=_phrase(expected[-1]), up=False)
    assert _offered(client, presented) == expected


def test_moves_skip_retired_phrases_and_a_phrase_brought_back_comes_last(users, client_for, presented):
    clerk = users["clerk"]
    phrases.phrase_set_active(user=clerk, phrase=_phrase("ทราบ แจ้งผู้เกี่ยวข้องทราบ"), active=False)
    phrases.phrase_move(user=clerk, phrase=_phrase("มอบ ดำเนินการ"), up=True)
    assert _offered(client_for(users["director"]), presented)[:2] == ["มอบ ดำเนินการ", "ทราบ"]
    retired = InstructionPhrase.objects.get(text="ทราบ แจ้งผู้เกี่ยวข้องทราบ")
    response = client_for(clerk).post(reverse("correspondence:phrase_move", args=[retired.pk]), {"direction": "up"},
                                      follow=True)  # fmt: skip
    assert "กรุณานำกลับมาใช้ก่อน" in response.content.decode()
    phrases.phrase_set_active(user=clerk, phrase=retired, active=True)
    assert _offered(client_for(users["director"]), presented)[-1] == "ทราบ แจ้งผู้เกี่ยวข้องทราบ"


def test_a_retired_phrase_cannot_come_back_beside_a_new_one_with_the_same_words(users, client_for):
    client = client_for(users["clerk"])
    old = _phrase("เก็บเข้าแฟ้ม")
    client.post(reverse("correspondence:phrase_set_active", args=[old.pk]), {"active": "0"})
    assert client.post(LIST, {"text": "เก็บเข้าแฟ้ม"}).status_code == 302  # the words are free again
    response = client.post(reverse("correspondence:phrase_set_active", args=[old.pk]), {"active": "1"}, follow=True)
    assert response.status_code == 200
    assert "มีข้อความนี้ในรายการที่ใช้งานอยู่แล้ว" in response.content.decode()
    old.refresh_from_db()
    assert old.is_active is False
    assert InstructionPhrase.objects.filter(text="เก็บเข้าแฟ้ม", is_active=True).count() == 1


def test_every_change_is_in_the_audit_trail_with_who_and_what(users, client_for):
    clerk = users["clerk"]
    phrase = phrases.phrase_add(user=clerk, text="มอบ ศน. ดำเนินการ")
    phrases.phrase_reword(user=users["director"], phrase=phrase, text="มอบ ศน. ดำเนินการแล้วรายงาน")
    phrases.phrase_set_active(user=clerk, phrase=phrase, active=False)
    trail = list(phrase.history.order_by("history_id").values_list("history_user", "history_change_reason", "text"))
    assert trail == [
        (clerk.pk, "เพิ่มข้อความ", "มอบ ศน. ดำเนินการ"),
        (users["director"].pk, "แก้ไขถ้อยคำ", "มอบ ศน. ดำเนินการแล้วรายงาน"),
        (clerk.pk, "เลิกใช้", "มอบ ศน. ดำเนินการแล้วรายงาน"),
    ]
    page = client_for(clerk).get(reverse("correspondence:phrase_edit", args=[phrase.pk])).content.decode()
    history = page[page.index('id="phrase-history"') :]
    assert "แก้ไขถ้อยคำ “มอบ ศน. ดำเนินการแล้วรายงาน”" in history and "เลิกใช้" in history


def test_the_letter_page_reads_the_phrases_in_one_query_however_many_there_are(users, client_for, presented):
    client = client_for(users["director"])
    url = reverse("correspondence:letter_detail", args=[presented.pk])

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        sql = [q["sql"] for q in ctx.captured_queries]
        return len(sql), sum(1 for q in sql if "correspondence_instructionphrase" in q)

    queries()  # the first request of a session does more (session, caches)
    before = queries()
    for n in range(25):
        phrases.phrase_add(user=users["clerk"], text=f"ข้อความที่ {n + 1}")
    assert queries() == before
    assert before[1] == 1


def test_the_director_s_card_links_to_the_phrase_page(users, client_for, presented):
    html = client_for(users["director"]).get(reverse("correspondence:letter_detail", args=[presented.pk]))
    card = html.content.decode()
    assert f'href="{LIST}"' in card[card.index('id="instruct-card"') :]
