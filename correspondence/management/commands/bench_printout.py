"""A register printout of routed entries: entries a page, pages, total time, and WeasyPrint alone.

The entries are built through the real services with the routing a real letter gets (registered,
presented to the group director, instructed to two supervisors, both acknowledged and done), so
the การปฏิบัติ column is as long as in the office. Entries already made by an earlier run are kept.
Each figure is the best of `--repeat` runs (wall clock and this process's CPU time): other work
on the machine only ever adds time, so the minimum is the least disturbed measurement.
Goal (issue 11): at least 10 entries a page; total at most 1.2 × WeasyPrint alone.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import time
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from core import documents, thaidate
from core.roles import Role
from correspondence import services
from correspondence.documents import register_html
from correspondence.models import Letter

from ._bench import SENDERS, THINGS, TOPICS, bench_user

PEOPLE = [  # (username, role, first name, last name): long Thai names, as in real offices
    ("bench_director", Role.DIRECTOR, "วิไลวรรณ", "ศรีสุวรรณวงศ์ชัย"),
    ("bench_sup1", Role.SUPERVISOR, "ประภาพร", "เจริญรุ่งเรืองกิจ"),
    ("bench_sup2", Role.SUPERVISOR, "ธนพัฒน์", "วงศ์ประเสริฐสกุล"),
]


def _timed(run: Callable[[], object], repeat: int) -> tuple[object, float, float]:
    """(last result, best wall seconds, best CPU seconds) of `repeat` runs."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return result, min(walls), min(cpus)


def _people() -> dict[str, object]:
    from django.contrib.auth import get_user_model

    out = {}
    for username, role, first, last in PEOPLE:
        user = bench_user(role, username)
        get_user_model().objects.filter(pk=user.pk).update(first_name=first, last_name=last)
        user.refresh_from_db()
        out[username] = user
    return out


def _routed_entry(clerk: object, people: dict, rng: random.Random, when: dt.datetime) -> Letter:
    """One entry through the services, with the routing a real letter gets."""
    letter = services.letter_register_incoming(
        user=clerk, now=when, subject=f"{rng.choice(TOPICS)}{rng.choice(THINGS)} ครั้งที่ {rng.randint(1, 9)}/2569",
        sender=rng.choice(SENDERS), recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
        external_no=f"ศธ 04{rng.randint(100, 999)}/{'ว ' if rng.random() < 0.3 else ''}{rng.randint(1, 3000)}",
        letter_date=thaidate.local_date(when) - dt.timedelta(days=rng.randint(0, 5)), urgency=rng.choice([0, 0, 1, 2]),
    )  # fmt: skip
    services.letter_present(user=clerk, letter=letter)
    sups = [people["bench_sup1"], people["bench_sup2"]]
    names = " และ ".join(f"ศน.{p.first_name}" for p in sups)
    services.letter_instruct(
        user=people["bench_director"], letter=letter, instruction=f"มอบ {names} ดำเนินการ แล้วรายงาน", assignees=sups
    )
    for assignment in letter.assignments.all():
        services.assignment_acknowledge(user=assignment.assignee, assignment=assignment)
        services.assignment_complete(
            user=assignment.assignee, assignment=assignment, result="ดำเนินการและแจ้งสถานศึกษาในกลุ่มแล้ว"
        )
    return letter


def fill_routed(entries: int, clerk: object, people: dict, start: dt.datetime) -> int:
    have = Letter.objects.filter(register__code="receive", created_by=clerk, registered_at__gte=start).count()
    rng = random.Random(11 + have)
    span = max(int((timezone.now() - start).total_seconds()), 1)
    times = sorted(start + dt.timedelta(seconds=rng.randrange(span)) for _ in range(entries - have))
    for when in times:
        _routed_entry(clerk, people, rng, when)
    return len(times)


class Command(BaseCommand):
    help = "วัดการพิมพ์ทะเบียนรับที่มีการปฏิบัติจริง: รายการต่อหน้า จำนวนหน้า เวลาทั้งหมด และเวลาของ WeasyPrint อย่างเดียว"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--entries", type=int, default=1000)
        parser.add_argument("--repeat", type=int, default=2, help="runs per figure; the best is printed")

    def handle(self, *args: object, entries: int, repeat: int, **options: object) -> None:
        import weasyprint  # noqa: F401  (import once, outside the timings)
        from pypdf import PdfReader

        clerk, people = bench_user(), _people()
        start = dt.datetime(timezone.now().astimezone(thaidate.BANGKOK).year, 1, 1, 8, tzinfo=thaidate.BANGKOK)
        t = time.perf_counter()
        made = fill_routed(entries, clerk, people, start)
        self.stdout.write(f"built {made:,} routed entries through the services in {time.perf_counter() - t:.1f} s")
        params = {"register": "receive", "date_from": start.date().isoformat(),
                  "date_to": thaidate.today().isoformat()}  # fmt: skip
        count = len(Letter.objects.filter(register__code="receive", registered_at__gte=start))
        title = "ทะเบียนหนังสือรับ (ทดสอบการพิมพ์)"
        html, html_wall, html_cpu = _timed(lambda: register_html(clerk, params, title), repeat)
        pdf, total_wall, total_cpu = _timed(lambda: documents.html_to_pdf(register_html(clerk, params, title)), repeat)
        _, weasy_wall, weasy_cpu = _timed(lambda: documents.html_to_pdf(html), repeat)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        self.stdout.write(f"entries: {count:,}  pages: {pages:,}  entries/page: {count / pages:.1f}  "
                          f"PDF size: {len(pdf) / 1048576:.1f} MB  (best of {repeat} runs)")  # fmt: skip
        self.stdout.write("                          wall       CPU")
        self.stdout.write(f"query + HTML:           {html_wall:7.2f} s {html_cpu:7.2f} s")
        self.stdout.write(f"total (query+HTML+PDF): {total_wall:7.2f} s {total_cpu:7.2f} s")
        self.stdout.write(f"WeasyPrint alone:       {weasy_wall:7.2f} s {weasy_cpu:7.2f} s")
        ratio = total_wall / weasy_wall
        self.stdout.write(f"overhead ratio total/WeasyPrint: {ratio:.2f} (CPU {total_cpu / weasy_cpu:.2f})")
        ok = count / pages >= 10 and ratio <= 1.2
        self.stdout.write(f"goal (≥ 10 entries a page, total ≤ 1.2 × WeasyPrint): {'ผ่าน' if ok else 'ไม่ผ่าน'}")
