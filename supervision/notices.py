"""Who hears of supervision work (core.notifications): the director of a submitted visit record, its
team of a return or an approval, the school's staff of a record awaiting their acknowledgement, and
the team of a follow-up action due tomorrow or passed."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse

from core import notifications, thaidate
from core.roles import Role, holders_of

from .models import FollowUpAction, Visit

notifications.register_kind("supervision.submitted", "บันทึกการนิเทศรออนุมัติ (ผอ.กลุ่ม)")
notifications.register_kind("supervision.reviewed", "บันทึกการนิเทศของฉันถูกส่งกลับหรืออนุมัติแล้ว")
notifications.register_kind("supervision.to_acknowledge", "บันทึกการนิเทศรอโรงเรียนรับทราบ")
notifications.register_kind("supervision.follow_up", "การติดตามผลใกล้ถึงหรือเลยกำหนด")


def _team(visit: Visit) -> list[AbstractBaseUser]:
    return [visit.created_by, *visit.team.all()]


def _tell(kind: str, visit: Visit, people: list, what: str, actor: AbstractBaseUser | None, **kw: str) -> None:
    notifications.notify(
        kind=kind, recipients=people, actor=actor, title=f"{what}: {visit.school.name} ({thaidate.format_full(visit.date)})",
        url=reverse("supervision:visit_detail", args=[visit.pk]), subject_key=f"visit:{visit.pk}", **kw,
    )  # fmt: skip


def tell_submitted(visit: Visit, actor: AbstractBaseUser) -> None:
    _tell("supervision.submitted", visit, list(holders_of(Role.DIRECTOR)), "บันทึกการนิเทศรออนุมัติ", actor)


def tell_reviewed(visit: Visit, actor: AbstractBaseUser, *, approved: bool) -> None:
    what = "อนุมัติบันทึกการนิเทศแล้ว" if approved else f"ส่งบันทึกการนิเทศกลับให้แก้ไข ({visit.review_comment[:100]})"
    _tell("supervision.reviewed", visit, _team(visit), what, actor)
    if approved:
        staff = get_user_model().objects.filter(is_active=True, school_membership__school_id=visit.school_id)
        _tell("supervision.to_acknowledge", visit, list(staff), "บันทึกการนิเทศรอโรงเรียนรับทราบ", actor)


def follow_up_reminders(now: dt.datetime) -> int:
    today = thaidate.local_date(now)
    due = FollowUpAction.objects.filter(
        done_at__isnull=True, due_date__range=(today - dt.timedelta(days=1), today + dt.timedelta(days=1))
    ).select_related("visit__school", "visit__created_by")
    for action in due:
        phase = "passed" if action.due_date < today else "ahead"
        what = f"{'เลยกำหนด' if phase == 'passed' else 'ใกล้ถึงกำหนด'}ติดตามผล “{action.text[:80]}”"
        _tell("supervision.follow_up", action.visit, _team(action.visit), what, None,
              once_key=f"followup:{action.pk}:{action.due_date:%Y%m%d}:{phase}")  # fmt: skip
    return len(due)
