"""Kept parts of the heavy pages (core/pagecache.py): any write retires them, they are never shared.

The generation is a PostgreSQL sequence advanced by triggers, so these tests run where the
project runs in production and in CI; on SQLite nothing is kept (the last test).
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy

from core import pagecache
from schools.models import School

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the generation is a PostgreSQL sequence")
DASHBOARD = "supervision:dashboard"


def _get(client, url: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    # the page's own CSRF token (outside the kept parts) is masked anew on every response
    html = re.sub(r'(X-CSRFToken": "|csrfmiddlewaretoken" value=")[^"]+', r"\1…", response.content.decode())
    return html, len(queries)


def _kpi(html: str, name: str) -> int:
    return int(re.search(rf'id="kpi-{name}">(\d+)<', html).group(1))


@on_postgresql
def test_every_table_of_the_office_data_carries_both_triggers_and_the_untracked_none(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE %s",
            ["core_data_generation%"],
        )
        found: dict[str, set[str]] = {}
        for table, trigger in cursor.fetchall():
            found.setdefault(table, set()).add(trigger)
    tracked = pagecache.tracked_tables()
    assert {"correspondence_letter", "supervision_visit", "schools_school", "auth_user_groups"} <= set(tracked)
    both = {pagecache.TRIGGER_STATEMENT, pagecache.TRIGGER_COMMIT}
    assert {t: found.get(t) for t in tracked if found.get(t) != both} == {}
    for untracked in ("core_serviceheartbeat", "core_documentjob", "core_notificationdelivery", "django_session"):
        assert untracked not in found


@on_postgresql
@pytest.mark.parametrize("write", ["save", "update", "bulk_create", "raw sql", "delete"])
def test_every_kind_of_write_advances_the_generation(write, school):
    before = pagecache.generation()
    if write == "save":
        school.name = "โรงเรียนบ้านหนองบัวใหม่"
        school.save()
    elif write == "update":
        School.objects.filter(pk=school.pk).update(pupils=81)
    elif write == "bulk_create":
        School.objects.bulk_create([School(code="1099000099", name="โรงเรียนบ้านโคกสูง", cluster=school.cluster)])
    elif write == "raw sql":
        with connection.cursor() as cursor:
            cursor.execute("UPDATE schools_school SET pupils = pupils + 1 WHERE id = %s", [school.pk])
    else:
        School.objects.filter(pk=school.pk).delete()
    assert pagecache.generation() > before


@on_postgresql
def test_reading_does_not_advance_the_generation(school):
    before = pagecache.generation()
    list(School.objects.all())
    assert pagecache.generation() == before


@on_postgresql
def test_the_dashboard_is_kept_until_a_write_and_then_shows_it(users, client_for, school):
    client = client_for(users["executive"])
    url = reverse(DASHBOARD)
    _get(client, url)  # the first request of a fresh office writes its profile
    caches["pages"].clear()
    first, built = _get(client, url)
    again, kept = _get(client, url)
    assert again == first and kept < built  # the second request reads the kept part
    # a write that no service makes (no signal, no history): the trigger still retires the part
    School.objects.bulk_create([School(code="1099000098", name="โรงเรียนบ้านหนองตะครองวิทยาคม", cluster=school.cluster)])
    after, rebuilt = _get(client, url)
    assert _kpi(after, "schools") == _kpi(first, "schools") + 1
    assert rebuilt == built > kept


@on_postgresql
def test_a_kept_part_is_never_served_to_another_user(users, client_for, make_user, school, other_school):
    office = client_for(users["supervisor"])
    html, _ = _get(office, reverse("schools:school_list"))
    assert other_school.name in html
    teacher = make_user("school", school=school)
    seen, _ = _get(client_for(teacher), reverse("schools:school_list"))
    assert school.name in seen and other_school.name not in seen


@on_postgresql
def test_each_query_string_is_kept_apart(users, client_for, school, other_school):
    client = client_for(users["supervisor"])
    url = reverse("schools:school_list")
    _get(client, url)
    found, _ = _get(client, f"{url}?q={other_school.name}")
    assert other_school.name in found and school.name not in found.split("<tbody")[-1]


@on_postgresql
def test_a_part_holding_a_csrf_token_is_not_kept(rf: RequestFactory, users):
    request = rf.get("/")
    request.user = users["clerk"]
    calls = []

    def build() -> str:
        calls.append(1)
        return '<input type="hidden" name="csrfmiddlewaretoken" value="x">'

    pagecache.cached_part(request, "test-form", build)
    pagecache.cached_part(request, "test-form", build)
    assert len(calls) == 2


@on_postgresql
def test_turned_off_nothing_is_kept(users, client_for, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client = client_for(users["executive"])
    _get(client, reverse(DASHBOARD))  # the session's and the process's first-request costs
    _, built = _get(client, reverse(DASHBOARD))
    _, again = _get(client, reverse(DASHBOARD))
    assert pagecache.generation() is None and again == built > 20


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_commit_advances_the_generation_again(school):
    """A reader who built a part between a writer's statement and its commit kept it under a
    generation the commit retires."""
    with transaction.atomic():
        School.objects.filter(pk=school.pk).update(pupils=90)
        during = pagecache.generation()
    assert pagecache.generation() > during


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite only")
def test_on_sqlite_nothing_is_kept(db):
    assert pagecache.generation() is None
    caches["pages"].clear()


def test_every_app_of_the_project_is_tracked(settings):
    """A new app's tables must advance the generation, or a page kept with its panel would go stale."""
    from pathlib import Path

    from django.apps import apps

    ours = {c.label for c in apps.get_app_configs() if Path(c.path).is_relative_to(Path(settings.BASE_DIR))}
    ours -= {c.label for c in apps.get_app_configs() if ".venv" in Path(c.path).parts}
    assert ours and ours <= set(pagecache.APPS)


@on_postgresql
@pytest.mark.parametrize(
    ("role", "url", "choices_sql"),
    [
        ("clerk", reverse_lazy("correspondence:register_list", args=["receive"]), 'SELECT DISTINCT "auth_user"'),
        ("supervisor", reverse_lazy("schools:school_list"), '"schools_school"."district"'),
    ],
)
def test_a_search_form_is_kept_with_its_rows_and_reads_no_choices_again(
    users, client_for, school, role, url, choices_sql
):
    """The register's assignee list and the school list's districts are queries: a user coming back to the
    page gets the same form from the kept part, without them; a write brings them back."""
    client = client_for(users[role])
    _get(client, url)  # the first request of a fresh office writes its profile
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as built:
        first, _ = _get(client, f"{url}?q=ทดสอบ")
    with CaptureQueriesContext(connection) as kept:
        again, _ = _get(client, f"{url}?q=ทดสอบ")
    assert again == first and 'value="ทดสอบ"' in first
    assert any(choices_sql in q["sql"] for q in built.captured_queries)
    assert not any(choices_sql in q["sql"] for q in kept.captured_queries)
    School.objects.filter(pk=school.pk).update(district="เมืองนครราชสีมา")
    with CaptureQueriesContext(connection) as after:
        _get(client, f"{url}?q=ทดสอบ")
    assert any(choices_sql in q["sql"] for q in after.captured_queries)
