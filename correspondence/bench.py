"""A large synthetic correspondence archive for bench_pages and the scale tests (bulk inserts).

Letters are shaped like a receive register's: long Thai subjects and senders, the sender's ที่, a
routing history (ลงทะเบียนรับ → เสนอ ผอ.กลุ่ม → เกษียน → ปฏิบัติแล้ว) and a finished assignment. The
archive is closed work; `open_work_build` adds the few letters that still wait for someone, which
is what the inboxes and home pages must show whatever the archive's size.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Max

from core import thaidate

from .management.commands._bench import SENDERS, THINGS, TOPICS
from .models import Assignment, Letter, Register, RoutingStep, Secrecy, Status, StepKind, Urgency

LONG_SENDERS = [*SENDERS, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครราชสีมา เขต 7", "องค์การบริหารส่วนจังหวัดนครราชสีมา"]
INSTRUCTIONS = ["ทราบ มอบ ศน. ดำเนินการและรายงานผล", "ทราบ แจ้งโรงเรียนในสังกัดทราบ", "ทราบ มอบกลุ่มงานที่เกี่ยวข้อง"]


def receive_register() -> Register:
    return Register.objects.get(code="receive")


def _letter(register: Register, year: int, number: int, rng: random.Random, clerk: AbstractBaseUser) -> Letter:
    start = dt.datetime(year - 543, 1, 2, 8, tzinfo=thaidate.BANGKOK)
    when = start + dt.timedelta(minutes=rng.randrange(360 * 24 * 60))
    return Letter(
        register=register, year=year, number=number, registered_at=when, letter_date=when.date(),
        subject=f"{rng.choice(TOPICS)}{rng.choice(THINGS)} ประจำปีงบประมาณ พ.ศ. {year} ครั้งที่ {rng.randint(1, 9)}",
        sender=rng.choice(LONG_SENDERS), recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
        external_no=f"ศธ 04{rng.randint(100, 999)}/{rng.randint(1, 9999)}", created_by=clerk, retention_years=10,
        instruction=rng.choice(INSTRUCTIONS), status=Status.DONE, created_at=when,
    )  # fmt: skip


@transaction.atomic
def archive_build(
    *,
    count: int,
    years: Sequence[int],
    clerk: AbstractBaseUser,
    director: AbstractBaseUser,
    staff: Sequence,
    seed: int = 7,
) -> int:
    """Add `count` finished letters spread over `years` (numbers go on from each year's last), with their history."""
    rng = random.Random(seed + count + years[0])
    register = receive_register()
    last = dict(Letter.objects.filter(register=register, year__in=years).values_list("year").annotate(n=Max("number")))
    rows = []
    for i in range(count):
        year = years[i % len(years)]
        last[year] = (last.get(year) or 0) + 1
        rows.append(_letter(register, year, last[year], rng, clerk))
    created = Letter.objects.bulk_create(rows, batch_size=5000)
    _history_insert([letter.pk for letter in created], clerk=clerk, director=director, staff=staff)
    return len(created)


def _history_insert(ids: list[int], *, clerk: AbstractBaseUser, director: AbstractBaseUser, staff: Sequence) -> None:
    """Routing steps and a finished assignment per letter, written by the database (INSERT … SELECT) for speed."""
    if not ids:
        return
    if connection.vendor != "postgresql":
        _history_bulk(ids, clerk=clerk, director=director, staff=staff)
        return
    staff_ids = [u.pk for u in staff]
    step, assignment = RoutingStep._meta.db_table, Assignment._meta.db_table
    pick = f"(ARRAY{staff_ids}::bigint[])[1 + mod(l.id, {len(staff_ids)})]"
    where = "FROM correspondence_letter l WHERE l.id BETWEEN %s AND %s"
    kinds = [
        (StepKind.REGISTERED, clerk.pk, "NULL", "''", "0"),
        (StepKind.PRESENTED, clerk.pk, str(director.pk), "''", "1"),
        (StepKind.INSTRUCTED, director.pk, "NULL", "l.instruction", "26"),
        (StepKind.ASSIGNED, director.pk, pick, "''", "26"),
        (StepKind.DONE, "NULL", "NULL", "'ดำเนินการแจ้งโรงเรียนในสังกัดเรียบร้อยแล้ว'", "200"),
    ]
    with connection.cursor() as cursor:
        for kind, actor, target, text, hours in kinds:
            cursor.execute(
                f"INSERT INTO {step} (letter_id, kind, actor_id, target_id, text, at) "  # noqa: S608
                f"SELECT l.id, '{kind}', COALESCE({actor}, {pick}), {target}, {text}, "
                f"l.registered_at + interval '{hours} hours' {where}",
                [min(ids), max(ids)],
            )
        cursor.execute(
            f"INSERT INTO {assignment} (letter_id, assignee_id, assigned_by_id, assigned_at, acknowledged_at, done_at, "  # noqa: S608
            f"result) SELECT l.id, {pick}, {director.pk}, l.registered_at + interval '26 hours', "
            f"l.registered_at + interval '30 hours', l.registered_at + interval '200 hours', 'แจ้งโรงเรียนแล้ว' {where}",
            [min(ids), max(ids)],
        )


def _history_bulk(ids: list[int], *, clerk: AbstractBaseUser, director: AbstractBaseUser, staff: Sequence) -> None:
    """The same history through the ORM (SQLite, the tests' small archives)."""
    steps, assignments = [], []
    for letter in Letter.objects.filter(pk__in=ids).only("pk", "registered_at", "instruction"):
        person, at = staff[letter.pk % len(staff)], letter.registered_at
        steps += [
            RoutingStep(letter=letter, kind=StepKind.REGISTERED, actor=clerk, at=at),
            RoutingStep(letter=letter, kind=StepKind.PRESENTED, actor=clerk, target=director, at=at),
            RoutingStep(letter=letter, kind=StepKind.INSTRUCTED, actor=director, text=letter.instruction, at=at),
            RoutingStep(letter=letter, kind=StepKind.ASSIGNED, actor=director, target=person, at=at),
            RoutingStep(letter=letter, kind=StepKind.DONE, actor=person, text="ดำเนินการแล้ว", at=at),
        ]
        assignments.append(Assignment(letter=letter, assignee=person, assigned_by=director, assigned_at=at, done_at=at))
    RoutingStep.objects.bulk_create(steps, batch_size=2000)
    Assignment.objects.bulk_create(assignments, batch_size=2000)


def open_work_build(
    *, clerk: AbstractBaseUser, director: AbstractBaseUser, staff: Sequence, per_person: int = 6, seed: int = 11
) -> None:
    """The letters still open: registered (the clerk's), presented (the director's), assigned to each of `staff`."""
    rng = random.Random(seed)
    register = receive_register()
    year = thaidate.calendar_year_be(thaidate.today())
    last = Letter.objects.filter(register=register, year=year).aggregate(n=Max("number"))["n"] or 0
    plan = [(Status.REGISTERED, None)] * 12 + [(Status.PRESENTED, None)] * 8
    plan += [(Status.ASSIGNED, person) for person in staff for _ in range(per_person)]
    for i, (status, person) in enumerate(plan, start=1):
        letter = _letter(register, year, last + i, rng, clerk)
        letter.status, letter.instruction = status, ""
        letter.urgency = Urgency.URGENT if i % 4 == 0 else Urgency.NORMAL
        letter.secrecy = Secrecy.CONFIDENTIAL if i % 9 == 0 else Secrecy.NORMAL
        letter.deadline = letter.registered_at + dt.timedelta(days=7) if i % 3 == 0 else None
        letter.save()
        if person is not None:
            Assignment.objects.create(letter=letter, assignee=person, assigned_by=director)
