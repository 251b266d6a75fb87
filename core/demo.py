"""Demo office, people and roles (fictional), built through the services."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from core import services
from core.models import LearningArea, OfficeProfile, OfficeType, WorkUnit
from core.roles import Role

DEMO_PASSWORD = "demo1234"

FIRST_NAMES = [
    "สมชาย", "สมหญิง", "วิภาวรรณ", "ประเสริฐ", "กาญจนา", "ธีรพงษ์", "อรุณี", "พงศกร", "มาลัย", "ศักดิ์ชัย",
    "จันทร์เพ็ญ", "ณัฐวุฒิ", "ปราณี", "วีระ", "สุดารัตน์", "อนุชา", "รัตนา", "บุญเลิศ", "นงลักษณ์", "ชัยวัฒน์",
]  # fmt: skip
LAST_NAMES = [
    "ใจดี", "รักเรียน", "มั่นคง", "ศรีสุข", "ทองมา", "แก้วกาญจน์", "บุญมี", "สายสุวรรณ", "พรหมวงศ์", "ชัยมงคล",
    "อินทร์แก้ว", "วงศ์ใหญ่", "คำดี", "สุขเจริญ", "นาคสวัสดิ์",
]  # fmt: skip


@dataclass
class DemoContext:
    """What each app's demo seeder may use; apps add their own keys to `extra`."""

    rng: random.Random
    log: object
    users: dict[str, object] = field(default_factory=dict)  # role name -> the demo login
    supervisors: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)

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
    office.director_name = "นายวิชาญ ศึกษาดี"
    office.save()


def seed_people(ctx: DemoContext, *, supervisor_count: int = 10) -> None:
    units = list(WorkUnit.objects.all())
    areas = list(LearningArea.objects.all())
    specs = [
        ("admin", "ผู้ดูแล", "ระบบ", [Role.ADMIN], "นักวิชาการคอมพิวเตอร์", ""),
        ("clerk", "สุนีย์", "สารบรรณดี", [Role.CLERK], "เจ้าพนักงานธุรการ", ""),
        ("supervisor", "ประภาพร", "นิเทศก์ดี", [Role.SUPERVISOR], "ศึกษานิเทศก์", "ชำนาญการพิเศษ"),
        ("director", "ธนพล", "นำทาง", [Role.DIRECTOR, Role.SUPERVISOR], "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "เชี่ยวชาญ"),
        ("secretary", "อัญชลี", "เลขาดี", [Role.SECRETARY, Role.SUPERVISOR], "ศึกษานิเทศก์", "ชำนาญการพิเศษ"),
        ("member", "ชูชาติ", "กรรมการ", [Role.MEMBER], "ผู้ทรงคุณวุฒิ", ""),
        ("executive", "วิชาญ", "ศึกษาดี", [Role.EXECUTIVE], "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", ""),
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
