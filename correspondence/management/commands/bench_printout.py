"""A register printout of 5,000 entries: total time, and WeasyPrint alone on the same HTML."""

from __future__ import annotations

import datetime as dt
import io
import random
import time

from django.core.management.base import BaseCommand, CommandParser

from core import documents, thaidate
from correspondence.documents import register_html

from ._bench import bench_register, bench_user, fill


class Command(BaseCommand):
    help = "วัดเวลาพิมพ์ทะเบียน 5,000 รายการ (ทั้งหมด และเฉพาะ WeasyPrint)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--entries", type=int, default=5000)

    def handle(self, *args: object, entries: int, **options: object) -> None:
        user = bench_user()
        register = bench_register("bench-print", "ทะเบียนทดสอบการพิมพ์")
        start = dt.datetime(2025, 1, 1, 8, tzinfo=thaidate.BANGKOK)
        fill(register, entries, user, random.Random(11), start, 360)
        params = {"register": register.code, "date_from": "2025-01-01", "date_to": "2025-12-31"}
        t0 = time.perf_counter()
        html = register_html(user, params, "ทะเบียนทดสอบการพิมพ์")
        t1 = time.perf_counter()
        pdf = documents.html_to_pdf(html)
        t2 = time.perf_counter()
        again = documents.html_to_pdf(html)
        t3 = time.perf_counter()
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        total, weasy = (t2 - t0), (t3 - t2)
        self.stdout.write(
            f"entries: {entries:,}  pages: {pages:,}  PDF size: {len(pdf) / 1048576:.1f} MB ({len(again):,} bytes again)"
        )
        self.stdout.write(f"query + HTML:            {t1 - t0:8.2f} s")
        self.stdout.write(f"total (query+HTML+PDF):  {total:8.2f} s")
        self.stdout.write(f"WeasyPrint alone:        {weasy:8.2f} s")
        self.stdout.write(f"overhead ratio total/WeasyPrint: {total / weasy:.2f}")
