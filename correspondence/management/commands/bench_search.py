"""Median time of a Thai subject search over 100,000 letters on PostgreSQL (pg_trgm index), goal < 50 ms.

Measured as the register page does it: the count capped at 1,000 (core.pagination) and the first page of
50, newest first and by relevance (?order=relevance).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

from core import thaidate
from core.pagination import CAP, CappedPaginator
from correspondence import selectors
from correspondence.filters import LetterFilter

from ._bench import bench_register, bench_user, fill, require_postgres

GOAL_MS = 50
TERMS = ["นิเทศภายใน", "ประกันคุณภาพ", "สะเต็มศึกษา", "อ่านออกเขียนได้", "งบประมาณ", "ลูกเสือ", "O-NET", "ไม่มีคำนี้แน่นอน"]


class Command(BaseCommand):
    help = "วัดเวลาค้นหาเรื่องภาษาไทยในหนังสือ 100,000 ฉบับ (PostgreSQL)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--letters", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=15)

    def handle(self, *args: object, letters: int, repeat: int, **options: object) -> None:
        require_postgres()
        user = bench_user()
        register = bench_register("bench-search", "ทะเบียนทดสอบการค้นหา")
        started = time.perf_counter()
        added = fill(
            register, letters, user, random.Random(7), dt.datetime(2020, 1, 1, 8, tzinfo=thaidate.BANGKOK), 365 * 3
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE correspondence_letter")
        self.stdout.write(
            f"{register.letters.count():,} letters in the bench register (added {added:,} in {time.perf_counter() - started:.1f} s)"
        )
        base = selectors.letters_visible_to(user).filter(register=register)
        for label, order in (("newest first", {}), ("by relevance", {"order": "relevance"})):
            self._measure(base, label, order, repeat)
        self._explain(base)

    def _measure(self, base: QuerySet, label: str, order: dict, repeat: int) -> None:
        self.stdout.write(f"\n{label}\n{'term':<22}{'matches':>9}{'median ms':>11}{'max ms':>9}")
        medians = []
        for term in TERMS:
            times, count = [], 0
            for _ in range(repeat):
                t0 = time.perf_counter()
                qs = LetterFilter({"q": term, **order}, queryset=base).qs
                page = CappedPaginator(qs, 50).get_page(1)  # as the register page counts and shows it
                count = page.paginator.count
                list(page)
                times.append((time.perf_counter() - t0) * 1000)
            medians.append(statistics.median(times))
            shown = f"{count - 1:,}+" if count > CAP else f"{count:,}"
            self.stdout.write(f"{term:<22}{shown:>9}{statistics.median(times):>11.1f}{max(times):>9.1f}")
        median = statistics.median(medians)
        verdict = "met" if median < GOAL_MS else "NOT met"
        self.stdout.write(
            f"median over all terms: {median:.1f} ms (capped count + first page of 50; goal < {GOAL_MS} ms: {verdict})"
        )

    def _explain(self, base: QuerySet) -> None:
        """The plans of the two queries the register page runs for a search: its capped count and its page."""
        qs = LetterFilter({"q": "นิเทศภายใน"}, queryset=base).qs
        with CaptureQueriesContext(connection) as queries:
            page = CappedPaginator(qs, 50).get_page(1)
            _ = page.paginator.count
            list(page)
        for label, query in zip(("count", "page"), queries.captured_queries, strict=False):
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN {query['sql']}")
                plan = "\n".join(row[0] for row in cursor.fetchall())
            uses = "corr_letter_subject_search_trgm" in plan
            scan = next((line.strip(" ->") for line in plan.splitlines() if "Scan" in line), "?").split("  (")[0]
            self.stdout.write(f"{label} plan uses the pg_trgm GIN index: {'yes' if uses else 'no'} ({scan})")
