"""Time the SAR synthesis, its Excel export and annual-report data on a generated district.

    python manage.py bench_qa_synthesis --schools 300

Everything is generated inside a transaction that is rolled back: nothing is left behind.
"""

from __future__ import annotations

import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from qa import services
from qa.exports import synthesis_rows
from qa.models import SarRating, SarStatus, SelfAssessmentReport
from qa.selectors import annual_report_qa_data
from qa.synthesis import build
from schools import services as school_services

YEAR = 2690  # a year no real data uses (standards of 2561 still apply)


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "วัดเวลาการสังเคราะห์ SAR บนข้อมูลจำลอง (ไม่บันทึกข้อมูลใด ๆ)"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--schools", type=int, default=300)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args: object, **options: object) -> None:
        try:
            with transaction.atomic():
                self._run(int(options["schools"]), int(options["repeat"]))
                raise _Rollback
        except _Rollback:
            pass

    def _run(self, count: int, repeat: int) -> None:
        rng = random.Random(1)
        user = get_user_model().objects.create_superuser("bench-qa", password=None)
        clusters = [school_services.cluster_create(name=f"bench-cluster-{i}") for i in range(10)]
        start = time.perf_counter()
        for n in range(count):
            school = school_services.school_create(
                code=f"98{n:08d}", name=f"bench-school-{n}", level_kindergarten=n % 2 == 0, level_primary=True,
                pupils=rng.randint(20, 1800), cluster=clusters[n % 10],
            )  # fmt: skip
            sar = services.sar_start(user=user, school=school, academic_year=YEAR)
            sar.strengths = "\n".join(rng.sample(["ครูทุ่มเท", "ชุมชนมีส่วนร่วม", "อาคารสะอาด", "ผู้บริหารมีวิสัยทัศน์"], 2))
            sar.to_develop = "\n".join(rng.sample(["การอ่าน", "คณิตศาสตร์", "เทคโนโลยี", "การคิดวิเคราะห์"], 2))
            sar.save()
        ratings = list(SarRating.objects.filter(sar__academic_year=YEAR))
        for rating in ratings:
            rating.level = rng.randint(1, 5)
        SarRating.objects.bulk_update(ratings, ["level"], batch_size=2000)
        SelfAssessmentReport.objects.filter(academic_year=YEAR).update(status=SarStatus.SUBMITTED)
        self.stdout.write(f"generated {count} schools, {len(ratings)} ratings in {time.perf_counter() - start:.1f} s")
        for label, fn in (
            ("synthesis build", build),
            ("excel rows", synthesis_rows),
            ("annual report data", annual_report_qa_data),
        ):
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                fn(YEAR)
                times.append(time.perf_counter() - t0)
            self.stdout.write(
                f"{label:<20} best {min(times) * 1000:7.1f} ms  median {sorted(times)[len(times) // 2] * 1000:7.1f} ms"
            )
