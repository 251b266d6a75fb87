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
        cached = frozenset(user.groups.values_list("name", flat=True)) | acting_roles(user)
        if user.is_superuser:
            cached |= {Role.ADMIN}
        user._role_cache = cached
    return cached


# Roles a deputy takes over while an ActingAppointment for a holder of that role runs (today, Bangkok):
# the group director's (เกษียน, assign, approve or return visits). The office director signs as an
# executive through the letters' chain, which checks the appointment itself.
ACTING_ROLES = (Role.DIRECTOR,)


def acting_roles(user: UserLike) -> frozenset[str]:
    """The roles `user` holds today only because they act for someone (รักษาราชการแทน/ปฏิบัติราชการแทน)."""
    from . import thaidate
    from .models import ActingAppointment

    today = thaidate.today()
    names = ActingAppointment.objects.filter(
        deputy_id=user.pk, starts_on__lte=today, ends_on__gte=today, principal__groups__name__in=ACTING_ROLES
    ).values_list("principal__groups__name", flat=True)
    return frozenset(n for n in names if n in ACTING_ROLES)


def is_acting(user: UserLike, role: str) -> bool:
    """Whether `user` holds `role` today only by an acting appointment (their history says so)."""
    return role in roles_of(user) and role in acting_roles(user) and not user.groups.filter(name=role).exists()


def acting_wording(user: UserLike, role: str) -> str:
    """What `user` decides as today when they hold `role` only by appointment, e.g.
    "รักษาราชการแทน ผู้อำนวยการกลุ่มนิเทศ…"; "" for the role's own holder."""
    if not is_acting(user, role):
        return ""
    from . import thaidate
    from .models import ActingAppointment

    today = thaidate.today()
    appointment = ActingAppointment.objects.filter(
        deputy_id=user.pk, starts_on__lte=today, ends_on__gte=today, principal__groups__name=role
    ).first()
    return appointment.wording if appointment else ""


def holders_of(role: str):  # noqa: ANN201 - a User queryset
    """Everyone who holds `role` today, acting deputies included (whom the role's notices reach)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from . import thaidate

    today = thaidate.today()
    acting = Q(
        acting_for__starts_on__lte=today, acting_for__ends_on__gte=today, acting_for__principal__groups__name=role
    )
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(Q(groups__name=role) | (acting if role in ACTING_ROLES else Q(pk__in=[]))).distinct()


def has_role(user: UserLike, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_office_staff(user: UserLike) -> bool:
    """Anyone working in the office (not school staff, not outside committee members)."""
    return has_role(user, Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE)
