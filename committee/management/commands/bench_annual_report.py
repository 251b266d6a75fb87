"""Benchmark the annual report on a large office, in a throwaway database.

python manage.py bench_annual_report [--schools 300] [--visits 10000]

Creates a test database (test_<name> on PostgreSQL, in memory on SQLite), fills it with
schools, clusters, approved visits, a plan with projects and indicators and a year of
committee meetings, then prints: data gathering + HTML time, full generation time
(gathering + WeasyPrint), page count, and WeasyPrint alone on the same HTML.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

PHRASES_GOOD = [
    "ครูจัดกิจกรรมการเรียนรู้เชิงรุก", "ผู้บริหารนิเทศภายในอย่างต่อเนื่อง", "มีแหล่งเรียนรู้ในชุมชน",
    "นักเรียนอ่านออกเขียนได้ตามเกณฑ์", "ใช้สื่อเทคโนโลยีอย่างเหมาะสม", "มีระบบดูแลช่วยเหลือนักเรียนที่ดี",
]  # fmt: skip
PHRASES_DEV = [
    "การวัดและประเมินผลระหว่างเรียน", "การใช้คำถามกระตุ้นการคิด", "การบันทึกหลังสอน",
    "การพัฒนาทักษะการอ่านจับใจความ", "การจัดทำแผนการจัดการเรียนรู้รายบุคคล",
]  # fmt: skip


class Command(BaseCommand):
    help = "วัดเวลาสร้างรายงานประจำปี ก.ต.ป.น. กับข้อมูลขนาดใหญ่ในฐานข้อมูลชั่วคราว"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--schools", type=int, default=300)
        parser.add_argument("--visits", type=int, default=10000)

    def handle(self, *args: object, **options: object) -> None:
        old_name = connection.settings_dict["NAME"]
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        self.stdout.write(f"ฐานข้อมูลชั่วคราว: {test_name}")
        try:
            report = self._build(options["schools"], options["visits"])
            self._measure(report)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    def _build(self, n_schools: int, n_visits: int):  # noqa: ANN202
        from committee import services as committee_services
        from core import services as core_services
        from core import thaidate
        from core.roles import Role
        from schools.models import Cluster, School
        from supervision.models import AnnualPlan, Indicator, Project, Visit, VisitStatus

        started = time.perf_counter()
        rng = random.Random(2569)
        secretary = core_services.user_create(username="bench_secretary", password="x-bench-1234", first_name="เลขา",
                                              last_name="ทดสอบ", roles=[Role.SECRETARY, Role.SUPERVISOR])  # fmt: skip
        clusters = Cluster.objects.bulk_create(Cluster(name=f"กลุ่มโรงเรียนที่ {i + 1:02d}") for i in range(20))
        School.objects.bulk_create(
            School(code=f"10{i:08d}", name=f"โรงเรียนบ้านทดสอบที่ {i + 1}", cluster=clusters[i % len(clusters)],
                   pupils=rng.randint(20, 900), level_primary=True)
            for i in range(n_schools)
        )  # fmt: skip
        schools = list(School.objects.all())
        fy = thaidate.fiscal_year(thaidate.today())
        start, _ = thaidate.fiscal_year_range(fy)
        now = timezone.now()
        Visit.objects.bulk_create((
            Visit(school=schools[i % len(schools)], date=start + dt.timedelta(days=i % 300), fiscal_year=fy,
                  visit_type="classroom", created_by=secretary, status=VisitStatus.APPROVED, submitted_at=now,
                  reviewed_at=now, strengths=rng.choice(PHRASES_GOOD), to_develop=rng.choice(PHRASES_DEV))
            for i in range(n_visits)
        ), batch_size=2000)  # fmt: skip
        plan = AnnualPlan.objects.create(fiscal_year=fy, visits_per_school_target=2, created_by=secretary)
        for p in range(12):
            project = Project.objects.create(plan=plan, order=p, name=f"โครงการพัฒนาคุณภาพการศึกษาที่ {p + 1}")
            for k in range(3):
                Indicator.objects.create(project=project, order=k, name=f"ตัวชี้วัดที่ {k + 1} ของโครงการ {p + 1}",
                                         target="ร้อยละ 80", result=f"ร้อยละ {rng.randint(60, 100)}")  # fmt: skip
        self._meetings(committee_services, secretary, start)
        report = committee_services.report_get_or_create(user=secretary, fiscal_year=fy)
        self.stdout.write(
            f"สร้างข้อมูล {n_schools} โรงเรียน {n_visits} ครั้งนิเทศ ใช้เวลา {time.perf_counter() - started:.1f} วินาที"
        )
        return report

    def _meetings(self, services, secretary, start: dt.date) -> None:  # noqa: ANN001
        for n in range(6):
            meeting = services.meeting_create(user=secretary, date=start + dt.timedelta(days=7 + 30 * n),
                                              start_time=dt.time(9, 30), place="ห้องประชุม")  # fmt: skip
            item = services.item_add(user=secretary, meeting=meeting, section=4, title=f"เรื่องพิจารณาที่ {n + 1}")
            services.meeting_publish_agenda(user=secretary, meeting=meeting)
            if meeting.date <= timezone.localdate():
                services.meeting_mark_held(user=secretary, meeting=meeting)
                services.item_record(user=secretary, item=item, record="อภิปราย", resolution="เห็นชอบ")
                services.resolution_add(user=secretary, item=item, responsible="กลุ่มนิเทศฯ")

    def _measure(self, report) -> None:  # noqa: ANN001
        from pypdf import PdfReader

        from committee.documents import build_annual_report_html
        from core import documents

        t0 = time.perf_counter()
        html = build_annual_report_html(report)
        t1 = time.perf_counter()
        pdf = documents.html_to_pdf(html)
        t2 = time.perf_counter()
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        t3 = time.perf_counter()
        documents.html_to_pdf(html)
        t4 = time.perf_counter()
        self.stdout.write(f"รวบรวมข้อมูลและสร้าง HTML: {t1 - t0:.2f} วินาที ({len(html) / 1024:.0f} KB)")
        self.stdout.write(f"สร้างรายงานทั้งหมด (ข้อมูล + WeasyPrint): {t2 - t0:.2f} วินาที, {pages} หน้า, "
                          f"{len(pdf) / 1024:.0f} KB")  # fmt: skip
        self.stdout.write(f"WeasyPrint อย่างเดียว (HTML เดิม รอบที่สอง): {t4 - t3:.2f} วินาที")
