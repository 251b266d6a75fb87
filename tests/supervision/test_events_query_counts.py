"""The activity page and the dashboard filtered by activity and type run the same number of queries at two sizes."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from supervision.bench import build_dataset
from supervision.bench_events import build_events
from supervision.models import Activity
from supervision.selectors import current_fiscal_year


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, office profile, visit type names)
    caches["pages"].clear()  # the page built afresh, not its kept parts (core/pagecache.py)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _add_rows(users, *, schools: int, visits: int, events: int, prefix: str, seed: int) -> Activity:
    supervisors = [users["supervisor"], users["director"]]
    year = current_fiscal_year()
    data = build_dataset(schools=schools, visits=visits, supervisors=supervisors, fiscal_year=year, prefix=prefix,
                         seed=seed)  # fmt: skip
    return build_events(schools=data["schools"], visits=data["visits"], events=events, supervisors=supervisors,
                        fiscal_year=year, seed=seed)  # fmt: skip


@pytest.mark.parametrize("page", ["activity", "dashboard"])
def test_query_count_of_activity_and_filtered_dashboard_does_not_grow_with_the_rows(page, users, client_for):
    client = client_for(users["director"])
    small = _add_rows(users, schools=6, visits=20, events=5, prefix="61", seed=3)

    def url(activity: Activity) -> str:
        if page == "activity":
            return reverse("supervision:activity_detail", args=[activity.pk])
        return reverse("supervision:dashboard") + f"?activity={activity.pk}&type=classroom"

    before = _queries(client, url(small))
    large = _add_rows(users, schools=60, visits=400, events=80, prefix="62", seed=4)
    Activity.objects.filter(pk=large.pk).update(visits_per_school_target=2)
    after = _queries(client, url(small))
    assert after == before, f"{before} queries with few rows, {after} with many"
    assert _queries(client, url(large)) == before
