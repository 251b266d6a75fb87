"""The letter page reads the office's staff list (for the เกษียน card) only for whoever may instruct."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from correspondence import services

SUBJECT = "ขอความร่วมมือคัดเลือกครูผู้สอนดีเด่นกลุ่มสาระการเรียนรู้วิทยาศาสตร์และเทคโนโลยี ประจำปี 2569"


def _staff_list_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return sum(1 for q in ctx.captured_queries if "'supervisor'" in q["sql"] and "'secretary'" in q["sql"])


def test_only_the_director_s_letter_page_reads_the_staff_list(users, client_for, incoming):
    letter = services.letter_present(user=users["clerk"], letter=incoming(subject=SUBJECT))
    url = reverse("correspondence:letter_detail", args=[letter.pk])
    assert _staff_list_queries(client_for(users["clerk"]), url) == 0
    assert _staff_list_queries(client_for(users["director"]), url) > 0


def test_the_director_s_instruction_box_is_the_form_s_own_required_textarea(users, client_for, incoming):
    letter = services.letter_present(user=users["clerk"], letter=incoming(subject=SUBJECT))
    html = client_for(users["director"]).get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    box = re.search(r"<textarea [^>]*>", html[html.index('id="instruct-card"') :]).group(0)
    assert 'name="instruction"' in box and 'id="id_instruction"' in box and "required" in box
    assert 'data-phrase-target="id_instruction"' in html
