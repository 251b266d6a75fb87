"""The administrator's writes on logins (บัญชีผู้ใช้): create, edit, roles, deactivate, passwords.

A login is never deleted: it is deactivated, so its letters, visits and signatures keep their author.
A school-staff login's school is set in schools (schools.services.membership_set): core knows no school.
Every change is written to the Django admin's own audit trail (LogEntry), in Thai, so a change made
here and one made in /admin/ read as one history (`account_history`).
"""

from __future__ import annotations

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from . import services
from .access import require_people_manager
from .forms_people import validate_password_thai
from .models import StaffProfile
from .roles import Role, UserLike

User = get_user_model()

ACCOUNT_FIELDS = ("first_name", "last_name", "email")
PROFILE_FIELDS = ("prefix", "position", "academic_rank", "phone")


def _audit(user: UserLike, member: AbstractBaseUser, message: str, *, flag: int = CHANGE) -> None:
    LogEntry.objects.log_actions(user.pk, [member], flag, change_message=message, single_object=True)


def _assign(obj: object, names: tuple[str, ...], data: dict) -> list[str]:
    """Set the named fields found in `data`; the Thai labels of those whose value changed."""
    changed = []
    for name in names:
        if name in data and data[name] != getattr(obj, name):
            setattr(obj, name, data[name])
            changed.append(str(obj._meta.get_field(name).verbose_name))
    return changed


def account_history(member: AbstractBaseUser) -> QuerySet[LogEntry]:
    """What was done to this login, newest first (here or in the Django admin)."""
    content_type = ContentType.objects.get_for_model(member)
    entries = LogEntry.objects.filter(content_type=content_type, object_id=str(member.pk))
    return entries.select_related("user").order_by("-action_time")


@transaction.atomic
def account_create(*, user: UserLike, data: dict) -> AbstractBaseUser:
    """A new login with its profile and roles; without a password it can only be opened by a reset link."""
    require_people_manager(user)
    data = dict(data)
    password = data.pop("password", "") or None  # none: only a one-time link opens the login
    if User.objects.filter(username__iexact=data["username"]).exists():
        raise ValidationError({"username": "มีชื่อผู้ใช้นี้แล้ว กรุณาใช้ชื่ออื่น"})
    if password:
        try:
            validate_password_thai(password)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from None
    member = services.user_create(password=password, **data)
    _audit(user, member, f"สร้างบัญชี บทบาท: {_role_labels(data.get('roles') or [])}", flag=ADDITION)
    return member


@transaction.atomic
def account_update(*, user: UserLike, member: AbstractBaseUser, data: dict) -> AbstractBaseUser:
    """Name, e-mail, the profile printed on documents (position, rank), work units and roles."""
    require_people_manager(user)
    data = dict(data)
    profile, _ = StaffProfile.objects.get_or_create(user=member)
    changed = _assign(member, ACCOUNT_FIELDS, data) + _assign(profile, PROFILE_FIELDS, data)
    member.full_clean()
    member.save()
    profile.full_clean()
    profile.save()
    profile.work_units.set(data.get("work_units") or [])
    profile.learning_areas.set(data.get("learning_areas") or [])
    if "roles" in data:
        account_roles_set(user=user, member=member, roles=data["roles"])
    if changed:
        _audit(user, member, f"แก้ไข{' '.join(changed)}")
    return member


@transaction.atomic
def account_roles_set(*, user: UserLike, member: AbstractBaseUser, roles: list[str]) -> None:
    """The login's roles become exactly `roles` (other, non-role groups are kept)."""
    require_people_manager(user)
    if member.pk == user.pk and Role.ADMIN not in roles:
        raise ValidationError({"roles": "ถอดบทบาทผู้ดูแลระบบของตนเองไม่ได้ ให้ผู้ดูแลระบบคนอื่นทำแทน"})
    before = set(member.groups.filter(name__in=Role.values).values_list("name", flat=True))
    member.groups.remove(*Group.objects.filter(name__in=Role.values).exclude(name__in=roles))
    for role in roles:
        member.groups.add(Group.objects.get_or_create(name=Role(role).value)[0])
    member.is_staff = member.is_superuser = Role.ADMIN in roles
    member.save(update_fields=["is_staff", "is_superuser"])
    member.__dict__.pop("_role_cache", None)
    if before != set(roles):
        _audit(user, member, f"กำหนดบทบาท: {_role_labels(roles) or 'ไม่มีบทบาท'}")


def _role_labels(roles: list[str]) -> str:
    return ", ".join(Role(role).label for role in roles)


@transaction.atomic
def account_set_active(*, user: UserLike, member: AbstractBaseUser, active: bool) -> None:
    """Deactivate (it can no longer sign in; its records keep its name) or reactivate a login."""
    require_people_manager(user)
    if member.pk == user.pk and not active:
        raise ValidationError("ปิดการใช้งานบัญชีของตนเองไม่ได้")
    member.is_active = active
    member.save(update_fields=["is_active"])
    _audit(user, member, "เปิดใช้งานบัญชีอีกครั้ง" if active else "ปิดการใช้งานบัญชี")


@transaction.atomic
def account_password_set(*, user: UserLike, member: AbstractBaseUser, password: str) -> None:
    require_people_manager(user)
    validate_password_thai(password, member)
    member.set_password(password)
    member.save(update_fields=["password"])
    _audit(user, member, "ผู้ดูแลระบบตั้งรหัสผ่านใหม่")


def account_reset_link(*, user: UserLike, member: AbstractBaseUser) -> str:
    """A one-time link (path) where the person sets their own password: it stops working once used,
    once they sign in, or after settings.PASSWORD_RESET_TIMEOUT."""
    require_people_manager(user)
    if not member.is_active:
        raise ValidationError("บัญชีนี้ปิดการใช้งานอยู่ กรุณาเปิดใช้งานก่อนสร้างลิงก์")
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    token = default_token_generator.make_token(member)
    _audit(user, member, "สร้างลิงก์ตั้งรหัสผ่านครั้งเดียว")
    return reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
