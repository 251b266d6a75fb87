"""Rendered parts of the heavy pages (home panels, dashboard, registers), kept between requests.

A part is kept under a key made of who asks (the user's id), what they asked (the page and its
query string), today's date and the office data's *generation*: a PostgreSQL sequence that a
trigger on every table of the office's data advances whenever a row is inserted, changed or
deleted, whatever wrote it (a service, `QuerySet.update`, `bulk_create`, the admin, raw SQL).
Any write therefore retires every kept part at once; a page is rebuilt on its next request. There
is no list of "who must invalidate what" to forget, and no stale figure after a write.

Two triggers per table: one fires at the end of each statement (so a reader inside the writer's
own transaction, or the tests' rolled-back transactions, see the new generation at once), the
other at commit (so a reader who computed a part between the writer's statement and its commit,
from data not yet committed, keeps it under a generation that the commit retires). Parts also
expire after PAGE_CACHE_SECONDS. Tables that change on their own (the worker's heartbeat, job
progress, e-mail delivery, API token use) carry no trigger: no kept part shows them.

On SQLite (the demo and `make run`) there is no sequence: nothing is kept, every page is built.
Each process keeps its own parts (Django's local-memory cache, alias "pages"): the key, not the
cache, carries the freshness, so several web processes or machines need no shared cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.loader import render_to_string

from . import thaidate

T = TypeVar("T")

SEQUENCE = "core_data_generation"
FUNCTION = "core_data_generation_bump"
TRIGGER_STATEMENT = "core_data_generation_stmt"
TRIGGER_COMMIT = "core_data_generation_commit"
APPS = ("auth", "core", "schools", "supervision", "correspondence", "committee", "qa")
# Rows that change without the office's data changing, shown by no kept part (a notice is tracked:
# the inbox marks the letters it told of and the user has not opened).
UNTRACKED = frozenset({
    "core.DocumentJob", "core.ServiceHeartbeat", "core.NotificationDelivery", "core.NotificationSettings",
    "core.ApiToken", "auth.Permission",
})  # fmt: skip
CSRF_FIELD = "csrfmiddlewaretoken"


def enabled() -> bool:
    return connection.vendor == "postgresql" and settings.PAGE_CACHE_SECONDS > 0 and "pages" in settings.CACHES


def generation() -> int | None:
    """The office data's generation now; None where parts are not kept."""
    if not enabled():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value + is_called::int FROM {SEQUENCE}")  # noqa: S608 - a constant
        return cursor.fetchone()[0]


def cached_part(request: HttpRequest, name: str, build: Callable[[], T]) -> T:
    """`build()`'s result for this user, page and query string, kept until the data changes.

    `build` must return something that depends only on the request's user, path, query string and
    today's date (no CSRF token: a form in a kept part would fail on another session).
    """
    gen = generation()
    if gen is None:
        return build()
    query = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:24]
    key = f"{name}:{request.user.pk}:{query}:{thaidate.today().isoformat()}:{gen}"
    store = caches["pages"]
    found = store.get(key)
    if found is not None:
        return found
    value = build()
    if CSRF_FIELD not in str(value):
        store.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def cached_render(request: HttpRequest, name: str, template: str, context: Callable[[], dict]) -> str:
    """`template` rendered with `context()`, kept as `cached_part` keeps it (the context is only
    computed when the part is built, so a kept part costs no query)."""
    return cached_part(request, name, lambda: render_to_string(template, context(), request=request))


@receiver(setting_changed)
def _settings_changed(**kwargs: object) -> None:
    if "pages" in settings.CACHES:  # a test may swap the caches themselves
        caches["pages"].clear()  # a part rendered under other settings (tests override them)


def tracked_tables() -> list[str]:
    tables = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            name = f"{model._meta.app_label}.{model._meta.object_name}"
            if model._meta.managed and not model._meta.proxy and name not in UNTRACKED:
                tables.append(model._meta.db_table)
    return sorted(set(tables))


def _tracked_on(using: str) -> tuple[object, list[str]] | None:
    """The PostgreSQL connection and the quoted names of its tracked tables that exist; None elsewhere."""
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "postgresql":
        return None
    existing = set(conn.introspection.table_names())
    return conn, [conn.ops.quote_name(t) for t in tracked_tables() if t in existing]


def triggers_install(using: str = "default", **kwargs: object) -> None:
    """Create the sequence and the triggers (idempotent; run after every migrate, so new tables get them)."""
    if (found := _tracked_on(using)) is None:
        return
    conn, tables = found
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN PERFORM nextval('{SEQUENCE}'); RETURN NULL; END $$"
        )
        for quoted in tables:
            cursor.execute(
                f"CREATE OR REPLACE TRIGGER {TRIGGER_STATEMENT} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {quoted} FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
            )
            cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER_COMMIT} ON {quoted}")
            cursor.execute(
                f"CREATE CONSTRAINT TRIGGER {TRIGGER_COMMIT} AFTER INSERT OR UPDATE OR DELETE ON {quoted} "
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
            )


def commit_triggers_drop(using: str = "default", **kwargs: object) -> None:
    """Before a migrate: the commit triggers go (the statement triggers stay and keep counting)."""
    if (found := _tracked_on(using)) is None:
        return
    conn, tables = found
    with conn.cursor() as cursor:
        for quoted in tables:
            cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER_COMMIT} ON {quoted}")
