"""Thai dictionary order (เรียงตามพจนานุกรม) for names in lists, pickers and exports.

Code-point order puts "กลุ่มโรงเรียนโคกสูง" after "กลุ่มโรงเรียนห้วยทราย", because the leading
vowel โ (U+0E42) is stored before its consonant and sorts after every consonant. A Thai reader
looks the word up by its consonant first (ค before ห), then the vowel, then the tone mark.

- PostgreSQL (production, CI): the ICU collation "th-TH-x-icu" that PostgreSQL ships with ICU.
- SQLite (local tests, a laptop demo): a collation of the same name registered on each connection,
  backed by `thai_sort_key`. PyICU is not used: it has no wheel on PyPI and would need a compiler
  and libicu-dev in the Docker image. `thai_sort_key` is a documented approximation of ICU's Thai
  rules: each leading vowel เ แ โ ใ ไ is moved after the consonant it precedes, tone marks and
  other marks above/below count only when the letters are equal, and case and width are folded.
  It agrees with ICU on names (tests/schools/test_collation.py checks both on the same words).

Use `thai_order(qs, "name")` on a queryset, `sorted(items, key=thai_sort_key)` on Python strings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import F, QuerySet
from django.db.models.functions import Collate

T = TypeVar("T")

POSTGRESQL_COLLATION = "th-TH-x-icu"
SQLITE_COLLATION = "th_TH"

_LEADING_VOWEL_THEN_CONSONANT = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
# Tone marks ่ ้ ๊ ๋, ็ ไม้ไต่คู้, ์ การันต์, ํ นิคหิต, ๎ ยามักการ: secondary weight only.
_MARKS = re.compile("[\u0e47-\u0e4e]")


@functools.lru_cache(maxsize=4096)
def thai_sort_key(text: str) -> tuple[str, str]:
    """A key that sorts Thai text in dictionary order (see the module docstring)."""
    swapped = _LEADING_VOWEL_THEN_CONSONANT.sub(r"\2\1", (text or "").casefold())
    return _MARKS.sub("", swapped), swapped


def thai_sorted(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """`items` in Thai dictionary order of `key(item)` (the item's str() by default)."""
    return sorted(items, key=lambda item: thai_sort_key(key(item) or ""))


def _compare(left: str | None, right: str | None) -> int:
    a, b = thai_sort_key(left or ""), thai_sort_key(right or "")
    return (a > b) - (a < b)


def _register_sqlite_collation(connection: object) -> None:
    if getattr(connection, "vendor", "") == "sqlite" and connection.connection is not None:
        connection.connection.create_collation(SQLITE_COLLATION, _compare)


def _on_connection_created(sender: object, connection: object, **kwargs: object) -> None:
    _register_sqlite_collation(connection)


connection_created.connect(_on_connection_created, dispatch_uid="core.collation.sqlite_thai")


def thai_collate(field: str, *, using: str = "default") -> Collate | F:
    """`field` (a name, "cluster__name" too) compared in Thai dictionary order, for order_by()."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        connection.ensure_connection()  # opened before this module was imported: register it now
        _register_sqlite_collation(connection)
        return Collate(F(field), SQLITE_COLLATION)
    if connection.vendor == "postgresql":
        return Collate(F(field), POSTGRESQL_COLLATION)
    return F(field)  # another database: its own order (never reached by this project)


def thai_order(qs: QuerySet[T], *fields: str) -> QuerySet[T]:
    """`qs` ordered by `fields` in Thai dictionary order; a leading "-" sorts that field descending."""
    order = []
    for field in fields:
        expression = thai_collate(field.lstrip("-"), using=qs.db)
        order.append(expression.desc() if field.startswith("-") else expression.asc())
    return qs.order_by(*order)
