"""Roles are Django auth groups with stable English names and Thai labels."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

UserLike: TypeAlias = "AbstractBaseUser | AnonymousUser"


class Role(models.TextChoices):
    ADMIN = "administrator", "ผู้ดูแลระบบ"
    CLERK = "clerk", "เจ้าหน้าที่สารบรรณ"
    SUPERVISOR = "supervisor", "ศึกษานิเทศก์"
    DIRECTOR = "director", "ผู้อำนวยการกลุ่มนิเทศฯ"
    SECRETARY = "secretary", "เลขานุการ ก.ต.ป.น."
    MEMBER = "member", "กรรมการ ก.ต.ป.น."
    EXECUTIVE = "executive", "ผู้บริหารสำนักงาน"
    SCHOOL = "school", "บุคลากรสถานศึกษา"


def roles_of(user: UserLike) -> frozenset[str]:
    """The role names of a user, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached |= {Role.ADMIN}
        user._role_cache = cached
    return cached


def has_role(user: UserLike, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_office_staff(user: UserLike) -> bool:
    """Anyone working in the office (not school staff, not outside committee members)."""
    return has_role(user, Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE)
