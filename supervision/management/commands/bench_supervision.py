"""Median render times of the dashboard and the visit list on 300 schools and 10,000 visits.

The data is built inside a transaction that is rolled back at the end (a throwaway dataset),
unless --keep is given.
"""

from __future__ import annotations

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import services as core_services
from core.roles import Role
from supervision.bench import build_dataset
from supervision.bench_events import build_events
from supervision.selectors import current_fiscal_year


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "วัดเวลาแสดงผลแดชบอร์ดและรายการบันทึกการนิเทศ (ค่ามัธยฐาน) กับข้อมูล 300 โรงเรียน 10,000 ครั้ง"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--schools", type=int, default=300)
        parser.add_argument("--visits", type=int, default=10000)
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--events", type=int, default=500, help="กิจกรรมกลุ่ม (พบกลุ่ม ฯลฯ)")
        parser.add_argument("--keep", action="store_true", help="เก็บข้อมูลทดสอบไว้ในฐานข้อมูล")

    def handle(self, *args: object, **opts: object) -> None:
        try:
            with transaction.atomic():
                self._run(opts)
                if not opts["keep"]:
                    raise _Rollback
        except _Rollback:
            self.stdout.write("ข้อมูลทดสอบถูกยกเลิก (rollback) แล้ว")

    def _run(self, opts: dict) -> None:
        year = current_fiscal_year()
        director = core_services.user_create(
            username="bench-director",
            password="bench-pass-1234",
            first_name="วัด",
            last_name="สมรรถนะ",
            roles=[Role.DIRECTOR, Role.SUPERVISOR],
        )
        supervisors = [director] + [core_services.user_create(
            username=f"bench-sn{i}", password="bench-pass-1234", first_name="ศน.", last_name=f"ทดสอบ{i}",
            roles=[Role.SUPERVISOR]) for i in range(9)]  # fmt: skip
        started = time.perf_counter()
        data = build_dataset(schools=opts["schools"], visits=opts["visits"], supervisors=supervisors, fiscal_year=year)
        activity = build_events(schools=data["schools"], visits=data["visits"], events=opts["events"],
                                supervisors=supervisors, fiscal_year=year)  # fmt: skip
        self.stdout.write(
            f"สร้างข้อมูล {opts['schools']} โรงเรียน {opts['visits']:,} ครั้ง {opts['events']} กิจกรรมกลุ่ม ใน "
            f"{time.perf_counter() - started:.1f} วินาที ({connection.vendor})"
        )
        hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h] or ["localhost"]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # a live database has statistics; fresh bulk inserts do not
        client = Client(SERVER_NAME=hosts[0].lstrip("."))
        client.force_login(director, backend="django.contrib.auth.backends.ModelBackend")
        for label, url in [
            ("dashboard", reverse("supervision:dashboard")),
            ("visit list", reverse("supervision:visit_list")),
            ("visit list page 100", reverse("supervision:visit_list") + "?page=100"),
            ("activity page", reverse("supervision:activity_detail", args=[activity.pk])),
            ("dashboard by activity", reverse("supervision:dashboard") + f"?activity={activity.pk}"),
            ("dashboard activity+type", reverse("supervision:dashboard") + f"?activity={activity.pk}&type=classroom"),
        ]:
            self._measure(client, label, url, opts["runs"])

    def _measure(self, client: Client, label: str, url: str, runs: int) -> None:
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        self.stdout.write(
            f"{label:22s} median {statistics.median(times):8.1f} ms  "
            f"(min {min(times):.1f}, max {max(times):.1f}, {len(queries)} queries, {runs} runs)"
        )
