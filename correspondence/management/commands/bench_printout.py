"""A register printout of 5,000 entries: total time, and WeasyPrint alone on the same HTML.

Each figure is the best of `--repeat` runs (wall clock and this process's CPU time): other
work on the machine only ever adds time, so the minimum is the least disturbed measurement.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import time
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandParser

from core import documents, thaidate
from correspondence.documents import register_html

from ._bench import bench_register, bench_user, fill


def _timed(run: Callable[[], object], repeat: int) -> tuple[object, float, float]:
    """(last result, best wall seconds, best CPU seconds) of `repeat` runs."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return result, min(walls), min(cpus)


class Command(BaseCommand):
    help = "วัดเวลาพิมพ์ทะเบียน 5,000 รายการ (ทั้งหมด และเฉพาะ WeasyPrint)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--entries", type=int, default=5000)
        parser.add_argument("--repeat", type=int, default=2, help="runs per figure; the best is printed")

    def handle(self, *args: object, entries: int, repeat: int, **options: object) -> None:
        import weasyprint  # noqa: F401  (import once, outside the timings)
        from pypdf import PdfReader

        user = bench_user()
        register = bench_register("bench-print", "ทะเบียนทดสอบการพิมพ์")
        start = dt.datetime(2025, 1, 1, 8, tzinfo=thaidate.BANGKOK)
        fill(register, entries, user, random.Random(11), start, 360)
        params = {"register": register.code, "date_from": "2025-01-01", "date_to": "2025-12-31"}
        html, html_wall, html_cpu = _timed(lambda: register_html(user, params, "ทะเบียนทดสอบการพิมพ์"), repeat)
        pdf, total_wall, total_cpu = _timed(
            lambda: documents.html_to_pdf(register_html(user, params, "ทะเบียนทดสอบการพิมพ์")), repeat
        )
        _, weasy_wall, weasy_cpu = _timed(lambda: documents.html_to_pdf(html), repeat)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        self.stdout.write(f"entries: {entries:,}  pages: {pages:,}  rows/page: {entries / pages:.1f}  "
                          f"PDF size: {len(pdf) / 1048576:.1f} MB  (best of {repeat} runs)")  # fmt: skip
        self.stdout.write("                          wall       CPU")
        self.stdout.write(f"query + HTML:           {html_wall:7.2f} s {html_cpu:7.2f} s")
        self.stdout.write(f"total (query+HTML+PDF): {total_wall:7.2f} s {total_cpu:7.2f} s")
        self.stdout.write(f"WeasyPrint alone:       {weasy_wall:7.2f} s {weasy_cpu:7.2f} s")
        self.stdout.write(
            f"overhead ratio total/WeasyPrint: {total_wall / weasy_wall:.2f} (CPU {total_cpu / weasy_cpu:.2f})"
        )
