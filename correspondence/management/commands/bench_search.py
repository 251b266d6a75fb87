"""Median time of a Thai subject search over 100,000 letters on PostgreSQL (pg_trgm index)."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from core import thaidate
from correspondence import selectors
from correspondence.filters import LetterFilter

from ._bench import bench_register, bench_user, fill, require_postgres

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
        self.stdout.write(f"{'term':<22}{'matches':>9}{'median ms':>11}{'max ms':>9}")
        medians = []
        for term in TERMS:
            times, count = [], 0
            for _ in range(repeat):
                t0 = time.perf_counter()
                qs = LetterFilter({"q": term}, queryset=base).qs
                count = qs.count()
                list(qs.order_by("-number")[:50])  # the first page, as the register page shows it
                times.append((time.perf_counter() - t0) * 1000)
            medians.append(statistics.median(times))
            self.stdout.write(f"{term:<22}{count:>9,}{statistics.median(times):>11.1f}{max(times):>9.1f}")
        self.stdout.write(f"median over all terms: {statistics.median(medians):.1f} ms (count + first page of 50)")
        self._explain(base)

    def _explain(self, base: object) -> None:
        qs = LetterFilter({"q": "นิเทศภายใน"}, queryset=base).qs.order_by("-number")[:50]
        plan = qs.explain()
        uses = "corr_letter_subject_upper_trgm" in plan
        self.stdout.write(f"plan uses the pg_trgm GIN index: {'yes' if uses else 'no'}")
