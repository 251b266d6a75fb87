"""The dashboard and the visit list run the same number of queries at two data sizes."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from supervision.bench import build_dataset
from supervision.selectors import current_fiscal_year


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, office profile)
    caches["pages"].clear()  # the page built afresh, not its kept parts (core/pagecache.py)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("url_name", ["supervision:dashboard", "supervision:visit_list", "supervision:index"])
def test_query_count_does_not_grow_with_the_rows(url_name, users, client_for):
    supervisors = [users["supervisor"], users["director"]]
    client = client_for(users["director"])
    year = current_fiscal_year()
    build_dataset(schools=6, visits=20, supervisors=supervisors, fiscal_year=year, prefix="71")
    small = _queries(client, reverse(url_name))
    build_dataset(schools=60, visits=400, supervisors=supervisors, fiscal_year=year, prefix="72", seed=9)
    large = _queries(client, reverse(url_name))
    assert large == small, f"{small} queries with few rows, {large} with many"


def test_the_whole_year_dashboard_reads_the_kept_score_sums_not_every_score(users, client_for):
    """Issue 13: the year's averages come from ItemScoreTally and each visit's score sum, so the page's
    cost does not follow the ~17 scores of every visit of the year."""
    supervisors = [users["supervisor"], users["director"]]
    build_dataset(schools=6, visits=30, supervisors=supervisors, fiscal_year=current_fiscal_year(), prefix="73")
    client = client_for(users["executive"])
    client.get(reverse("supervision:dashboard"))
    caches["pages"].clear()  # the page built afresh, not its kept parts (core/pagecache.py)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("supervision:dashboard"))
    assert response.status_code == 200
    assert response.context["chart"]["items"] and response.context["chart"]["areas"]
    assert not [q["sql"] for q in ctx.captured_queries if "supervision_visitscore" in q["sql"]]
