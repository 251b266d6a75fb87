"""The dataset of bench_pages (not a command): built once in the database, reused by later runs."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection

from core import thaidate
from core.roles import Role
from correspondence.bench import archive_build, open_work_build
from correspondence.management.commands._bench import bench_user
from correspondence.models import Letter, Status
from schools.models import School, SchoolMembership
from supervision.bench import build_dataset
from supervision.models import Visit
from supervision.selectors import current_fiscal_year

PREFIX = "77"  # bench schools' codes start with it
SUPERVISORS = 9


@dataclass
class BenchUsers:
    clerk: AbstractBaseUser
    director: AbstractBaseUser
    supervisor: AbstractBaseUser
    school: AbstractBaseUser
    executive: AbstractBaseUser
    staff: list


def _user(username: str, role: str, last_name: str) -> AbstractBaseUser:
    return bench_user(role, username, first_name="ทดสอบสมรรถนะ", last_name=last_name)


def bench_users() -> BenchUsers:
    staff = [_user(f"bench-p-sn{i}", Role.SUPERVISOR, f"ศึกษานิเทศก์ชำนาญการพิเศษคนที่ {i}") for i in range(SUPERVISORS)]
    return BenchUsers(
        clerk=_user("bench-p-clerk", Role.CLERK, "เจ้าหน้าที่สารบรรณกลุ่มนิเทศ"),
        director=_user("bench-p-director", Role.DIRECTOR, "ผู้อำนวยการกลุ่มนิเทศติดตามและประเมินผล"),
        supervisor=staff[0], staff=staff,
        school=_user("bench-p-school", Role.SCHOOL, "ครูโรงเรียนบ้านหนองบัววิทยาคาร"),
        executive=_user("bench-p-exec", Role.EXECUTIVE, "รองผู้อำนวยการสำนักงานเขตพื้นที่"),
    )  # fmt: skip


def dataset_build(*, letters: int, visits: int, schools: int) -> tuple[BenchUsers, str]:
    """Schools, visits, the letters' archive and the open work; only what is missing is added."""
    users = bench_users()
    if not School.objects.filter(code__startswith=PREFIX).exists():
        build_dataset(
            schools=schools, visits=visits, supervisors=[users.director, *users.staff],
            fiscal_year=current_fiscal_year(), prefix=PREFIX,
        )  # fmt: skip
    school = School.objects.filter(code__startswith=PREFIX).order_by("code").first()
    SchoolMembership.objects.get_or_create(user=users.school, defaults={"school": school})
    archive = Letter.objects.filter(created_by=users.clerk, status=Status.DONE)
    if (have := archive.count()) < letters:
        archive_build(
            count=letters - have, years=_years(0), clerk=users.clerk, director=users.director, staff=users.staff
        )
    if not Letter.objects.filter(created_by=users.clerk).exclude(status=Status.DONE).exists():
        open_work_build(clerk=users.clerk, director=users.director, staff=users.staff)
    _analyze()
    sizes = (
        f"{School.objects.filter(code__startswith=PREFIX).count()} schools, "
        f"{Visit.objects.filter(school__code__startswith=PREFIX).count():,} visits, {Letter.objects.count():,} letters"
    )
    return users, sizes


def _years(back: int) -> list[int]:
    """Five BE years ending `back` × 5 years before this one (the archive's years; older ones double it)."""
    this = thaidate.calendar_year_be(thaidate.today()) - 1 - back * 5
    return list(range(this - 4, this + 1))


def letters_double(users: BenchUsers, letters: int) -> int:
    """As many letters again, in the five years before the archive's (the caller rolls them back)."""
    added = archive_build(
        count=letters, years=_years(1), clerk=users.clerk, director=users.director, staff=users.staff, seed=99
    )
    _analyze()
    return added


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
