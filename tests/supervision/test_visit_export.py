"""The visits' Excel export: the average score from each visit's kept sums, and a Thai file name."""

from __future__ import annotations

import io
from urllib.parse import quote

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from core import thaidate
from supervision import services

from .conftest import full_scores


def _rows(response) -> list[tuple]:
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_export_average_is_the_mean_of_the_scores_given(users, client_for, make_visit, classroom_tool):
    visit = make_visit("returned", scores=2)
    scores = full_scores(classroom_tool, 3)
    first, second = sorted(scores)[:2]
    scores[first], scores[second] = (None, "ยังไม่ได้สังเกต"), (0, "")  # not observed: left out of the mean
    services.visit_save(
        user=users["supervisor"], visit=visit, team=[], teachers=[], scores=scores, follow_ups=[],
        fields={"strengths": "ครูใช้คำถามกระตุ้นการคิดวิเคราะห์ของนักเรียนชั้นประถมศึกษาปีที่ ๔"},
    )  # fmt: skip
    make_visit("approved", scores=None, tool=None)  # no score at all: the cell stays empty
    rows = _rows(client_for(users["director"]).get(reverse("supervision:visit_export"), {"year": 2570}))
    given = [value for value, _comment in scores.values() if value is not None]
    assert sorted(rows[1:], key=lambda r: r[9] is None)[0][9] == round(sum(given) / len(given), 2) != 3
    assert [r[9] for r in rows[1:]].count(None) == 1


def test_the_export_reads_no_score_rows_and_names_the_file_with_a_thai_date(users, client_for, make_visit):
    make_visit("approved", scores=2)
    client = client_for(users["director"])
    url = reverse("supervision:visit_export")
    client.get(url, {"year": 2570})
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, {"year": 2570})
    assert not [q["sql"] for q in ctx.captured_queries if "supervision_visitscore" in q["sql"]]
    day = thaidate.format_numeric(thaidate.today()).replace("/", "-")
    assert quote(f"การนิเทศ ปีงบประมาณ 2570 ณ {day}.xlsx") in response["Content-Disposition"]
