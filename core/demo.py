"""Demo office, people and roles (fictional), built through the services."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock

from django.apps import apps
from django.db.models import Field
from django.utils import timezone

from core import services, thaidate
from core.models import LearningArea, OfficeProfile, OfficeType, WorkUnit
from core.roles import Role

DEMO_PASSWORD = "demo1234"

FIRST_NAMES = [
    "สมชาย", "สมหญิง", "วิภาวรรณ", "ประเสริฐ", "กาญจนา", "ธีรพงษ์", "อรุณี", "พงศกร", "มาลัย", "ศักดิ์ชัย",
    "จันทร์เพ็ญ", "ณัฐวุฒิ", "ปราณี", "วีระ", "สุดารัตน์", "อนุชา", "รัตนา", "บุญเลิศ", "นงลักษณ์", "ชัยวัฒน์",
]  # fmt: skip
LAST_NAMES = [  # none of the named demo people's surnames, so no one looks related by accident
    "ศรีสุวรรณ", "มั่นคง", "ศรีสุข", "ทองมา", "แก้วกาญจน์", "บุญมี", "สายสุวรรณ", "พรหมวงศ์", "ชัยมงคล", "อินทร์แก้ว",
    "วงศ์ใหญ่", "คำภักดี", "สุขเจริญ", "นาคสวัสดิ์", "วรรณศิริ", "ประทุมวงศ์", "เกษมสุข", "ทองคำพันธ์", "พลอาสา",
    "สิทธิศักดิ์", "บัวศรี", "ไชยวงศ์", "ศรีบุญเรือง", "อ่อนละมัย", "ธรรมวงศา",
]  # fmt: skip

# The office's working hours (เวลาราชการ) and the fixed-date Thai public holidays. core keeps no
# holiday calendar, so the demo skips these and weekends; the lunar holidays (มาฆบูชา, วิสาขบูชา,
# อาสาฬหบูชา, เข้าพรรษา) move every year and are left out.
OFFICE_OPENS, OFFICE_CLOSES = dt.time(8, 30), dt.time(16, 30)
OFFICE_MINUTES = 8 * 60
FIXED_HOLIDAYS = {
    (1, 1), (4, 6), (4, 13), (4, 14), (4, 15), (5, 1), (5, 4), (6, 3), (7, 28), (8, 12), (10, 13), (10, 23),
    (12, 5), (12, 10), (12, 31),
}  # fmt: skip


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [
        start + dt.timedelta(days=n)
        for n in range((end - start).days + 1)
        if is_working_day(start + dt.timedelta(days=n))
    ]


def next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _at(day: dt.date, minute: int) -> dt.datetime:
    """`minute` minutes after the office opens on `day`, Bangkok time."""
    return dt.datetime.combine(day, OFFICE_OPENS, tzinfo=thaidate.BANGKOK) + dt.timedelta(minutes=minute)


def office_moment(rng: random.Random, days: list[dt.date]) -> dt.datetime:
    """A moment in office hours on one of `days` (working days)."""
    return _at(rng.choice(days), rng.randrange(OFFICE_MINUTES + 1))


def office_after(when: dt.datetime, minutes: int) -> dt.datetime:
    """`minutes` working minutes after `when`, counting only office hours on working days."""
    local = when.astimezone(thaidate.BANGKOK)
    day = local.date()
    opened = dt.datetime.combine(day, OFFICE_OPENS, tzinfo=thaidate.BANGKOK)
    position = min(max(0, int((local - opened).total_seconds() // 60)), OFFICE_MINUTES)
    if not is_working_day(day):
        day, position = next_working_day(day), 0
    position += max(1, minutes)
    while position > OFFICE_MINUTES:
        day, position = next_working_day(day), position - OFFICE_MINUTES
    return _at(day, position)


def last_office_moment(today: dt.date | None = None) -> dt.datetime:
    """16:00 on the last working day before today: the demo office's "now", the same all day long."""
    day = (today or thaidate.today()) - dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return _at(day, OFFICE_MINUTES - 30)


_real_now = timezone.now


@functools.cache
def _fields_stamped_now() -> list[Field]:
    """Fields declared default=timezone.now: they hold the function itself, so patching the name misses them."""
    return [f for m in apps.get_models() for f in m._meta.concrete_fields if f.default is _real_now]


@contextmanager
def office_clock(when: dt.datetime) -> Iterator[None]:
    """Run services as if it were `when`: every timezone.now() they take (routing steps, history,
    created_at) reads this moment, so the demo is repeatable and happens in office hours.
    For the demo only; the app itself always takes the real clock."""
    moment = when.astimezone(dt.UTC)

    def frozen() -> dt.datetime:
        return moment

    fields = _fields_stamped_now()
    saved = [f.default for f in fields]
    try:
        for f in fields:
            f.default = frozen
            f.__dict__.pop("_get_default", None)  # a cached_property holding the old default
        with mock.patch.object(timezone, "now", frozen):
            yield
    finally:
        for f, default in zip(fields, saved, strict=True):
            f.default = default
            f.__dict__.pop("_get_default", None)


@dataclass
class DemoContext:
    """What each app's demo seeder may use; apps add their own keys to `extra`."""

    rng: random.Random
    log: object
    users: dict[str, object] = field(default_factory=dict)  # role name -> the demo login
    supervisors: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    clock: dt.datetime = field(default_factory=last_office_moment)  # the demo's "now"; nothing happens after it

    def at(self, when: dt.datetime) -> object:
        """office_clock at `when`, or at the demo's now if `when` is later."""
        return office_clock(min(when, self.clock))

    def person(self) -> tuple[str, str, str]:
        first = self.rng.choice(FIRST_NAMES)
        prefix = "นาง" if first in {"สมหญิง", "วิภาวรรณ", "กาญจนา", "อรุณี", "มาลัย", "จันทร์เพ็ญ", "ปราณี",
                                   "สุดารัตน์", "รัตนา", "นงลักษณ์"} else "นาย"  # fmt: skip
        return prefix, first, self.rng.choice(LAST_NAMES)


def seed_office(ctx: DemoContext) -> None:
    office = OfficeProfile.get()
    office.office_name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุขใจ เขต 1"
    office.office_type = OfficeType.PRIMARY
    office.letter_code = "ศธ 04999"
    office.address = "99 ถนนการศึกษา ตำบลในเมือง อำเภอเมืองสุขใจ จังหวัดสุขใจ 99000"
    office.phone = "0 4400 0000"
    office.director_name = "นายวิชาญ ธนสารวัฒน์"
    office.save()


def seed_people(ctx: DemoContext, *, supervisor_count: int = 10) -> None:
    units = list(WorkUnit.objects.all())
    areas = list(LearningArea.objects.all())
    specs = [
        ("admin", "กิตติพงษ์", "ภูมิสถิตย์", [Role.ADMIN], "นักวิชาการคอมพิวเตอร์", "ชำนาญการ"),
        ("clerk", "สุนีย์", "แสงทองสุข", [Role.CLERK], "เจ้าพนักงานธุรการ", ""),
        ("supervisor", "ประภาพร", "วงศ์สวัสดิ์", [Role.SUPERVISOR], "ศึกษานิเทศก์", "ชำนาญการพิเศษ"),
        ("director", "ธนพล", "ศรีวิเศษ", [Role.DIRECTOR, Role.SUPERVISOR], "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", ""),
        ("secretary", "อัญชลี", "พิมพ์ประไพ", [Role.SECRETARY, Role.SUPERVISOR], "ศึกษานิเทศก์", "ชำนาญการพิเศษ"),
        ("member", "ชูชาติ", "บุญประเสริฐ", [Role.MEMBER], "ผู้ทรงคุณวุฒิด้านการศึกษา", ""),
        ("executive", "วิชาญ", "ธนสารวัฒน์", [Role.EXECUTIVE], "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุขใจ เขต 1", ""),
    ]  # fmt: skip
    for username, first, last, roles, position, rank in specs:
        prefix = "นาง" if first in {"สุนีย์", "ประภาพร", "อัญชลี"} else "นาย"
        user = services.user_create(
            username=username, password=DEMO_PASSWORD, first_name=first, last_name=last, roles=roles,
            prefix=prefix, position=position, academic_rank=rank,
            work_units=units[:1] if Role.SUPERVISOR in roles else [],
            learning_areas=ctx.rng.sample(areas, 2) if Role.SUPERVISOR in roles else [],
        )  # fmt: skip
        ctx.users[roles[0].value] = user
    ctx.supervisors = [
        ctx.users[Role.SUPERVISOR.value],
        ctx.users[Role.DIRECTOR.value],
        ctx.users[Role.SECRETARY.value],
    ]
    for n in range(1, supervisor_count - 2):
        prefix, first, last = ctx.person()
        ctx.supervisors.append(
            services.user_create(
                username=f"sn{n:02d}", password=DEMO_PASSWORD, first_name=first, last_name=last,
                roles=[Role.SUPERVISOR], prefix=prefix, position="ศึกษานิเทศก์",
                academic_rank=ctx.rng.choice(["ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ"]),
                work_units=[units[n % 6]], learning_areas=ctx.rng.sample(areas, 2),
            )
        )  # fmt: skip


def seed_emails(ctx: DemoContext) -> None:
    """Every demo user has an e-mail address (a reserved .test domain), so notices go by e-mail too."""
    from django.contrib.auth import get_user_model
    from django.db.models import Value
    from django.db.models.functions import Concat

    users = get_user_model().objects.filter(email="")
    count = users.update(email=Concat("username", Value("@demo.nites.test")))
    ctx.log(f"  ให้ที่อยู่อีเมลผู้ใช้ตัวอย่าง {count} คน")
