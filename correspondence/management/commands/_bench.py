"""Shared helpers of the benchmark commands (not a command itself)."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import CommandError
from django.db import connection

from core import services as core_services
from core.roles import Role
from correspondence.models import Register


def require_postgres() -> None:
    if connection.vendor != "postgresql":
        raise CommandError("ต้องใช้ PostgreSQL: ตั้ง DATABASE_URL=postgres://... แล้วรัน migrate ก่อน")


def bench_user(
    role: str = Role.CLERK, username: str = "bench_clerk", *, first_name: str = "ทดสอบ", last_name: str = "ประสิทธิภาพ"
) -> AbstractBaseUser:
    """The benchmark's login `username` (made once, with `role` and a password nobody knows)."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = core_services.user_create(
            username=username, password=secrets.token_urlsafe(24), first_name=first_name, last_name=last_name,
            roles=[role],
        )  # fmt: skip
    return user


TOPICS = [
    "ขอเชิญประชุม", "ขอความร่วมมือ", "แจ้งกำหนดการ", "ขอส่งรายงาน", "ขออนุมัติ", "ขอเชิญเข้าร่วมอบรม",
    "แจ้งผลการประเมิน", "ขอรับการสนับสนุน", "ติดตามผลการดำเนินงาน", "ประชาสัมพันธ์",
]  # fmt: skip
THINGS = [
    "การนิเทศภายในสถานศึกษา", "หลักสูตรสถานศึกษา", "การประกันคุณภาพภายใน", "การทดสอบระดับชาติ O-NET",
    "โครงการอ่านออกเขียนได้", "การพัฒนาครูด้านสะเต็มศึกษา", "งบประมาณโครงการ", "ระบบดูแลช่วยเหลือนักเรียน",
    "การวัดและประเมินผล", "สื่อนวัตกรรมการเรียนรู้", "ลูกเสือเนตรนารี", "อาหารกลางวันนักเรียน",
]  # fmt: skip
SENDERS = ["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "สำนักงานศึกษาธิการจังหวัด", "มหาวิทยาลัยราชภัฏ", "โรงเรียนบ้านหนองบัว"]


def bench_register(code: str, name: str) -> Register:
    register, _ = Register.objects.get_or_create(
        code=code,
        defaults={"name": name, "direction": "in", "number_format": "sender", "is_active": False, "order": 99},
    )
    return register


def fill(register, count: int, user: AbstractBaseUser, rng, start, spread_days: int) -> int:  # noqa: ANN001
    """Bulk-insert `count` synthetic entries (benchmark data only: no history rows)."""
    import datetime as dt

    from correspondence.models import Letter

    have = Letter.objects.filter(register=register).count()
    rows = []
    for n in range(have + 1, count + 1):
        when = start + dt.timedelta(minutes=rng.randrange(spread_days * 24 * 60))
        rows.append(Letter(
            register=register, year=9100, number=n, registered_at=when, letter_date=when.date(), status="registered",
            subject=f"{rng.choice(TOPICS)}{rng.choice(THINGS)} ครั้งที่ {rng.randint(1, 9)}/{rng.randint(2560, 2569)}",
            sender=rng.choice(SENDERS), recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
            external_no=f"ศธ 04{rng.randint(100, 999)}/{rng.randint(1, 9999)}", created_by=user, retention_years=10,
        ))  # fmt: skip
    Letter.objects.bulk_create(rows, batch_size=2000)
    return count - have if count > have else 0
