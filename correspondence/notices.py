"""Who the correspondence work is told to (core.notifications). A secret letter's notice never
names its subject or sender (secret=True replaces the title on every channel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse

from core import notifications, thaidate
from core.roles import Role, holders_of

from .models import Letter, Status

notifications.register_kind("correspondence.presented", "หนังสือเสนอถึงฉัน", channels=("email", "line"))
notifications.register_kind("correspondence.assigned", "หนังสือที่มอบหมายให้ฉัน", channels=("email", "line"))
notifications.register_kind("correspondence.deadline", "หนังสือด่วนภายในใกล้ถึงหรือเลยกำหนด", channels=("email", "line"))
notifications.register_kind("correspondence.to_school", "หนังสือถึงโรงเรียนของฉัน", channels=("email",))
notifications.register_kind("correspondence.draft", "ร่างหนังสือของฉันถูกส่งกลับ เห็นชอบ ลงนาม หรือส่งแล้ว")
notifications.register_kind("correspondence.to_approve", "ร่างหนังสือรอฉันตรวจหรือลงนาม", channels=("email", "line"))


def _url(letter: Letter) -> str:
    return reverse("correspondence:letter_detail", args=[letter.pk])


def _label(letter: Letter) -> str:
    urgency = f"[{letter.get_urgency_display()}] " if letter.urgency else ""
    number = f"เลขรับ {letter.number}/{letter.year}" if letter.register.is_incoming else letter.document_no
    return f"{urgency}{number or letter.register.name} เรื่อง {letter.subject}"


def tell(kind: str, letter: Letter, people: Iterable[AbstractBaseUser], what: str, actor: AbstractBaseUser | None,
         *, url: str = "", once_key: str = "") -> None:  # fmt: skip
    notifications.notify(
        kind=kind, recipients=people, title=f"{what}: {_label(letter)}", url=url or _url(letter), actor=actor,
        subject_key=f"letter:{letter.pk}", once_key=once_key, secret=letter.is_secret,
    )  # fmt: skip


def tell_presented(letter: Letter, actor: AbstractBaseUser) -> None:
    tell("correspondence.presented", letter, holders_of(Role.DIRECTOR), "เสนอหนังสือ", actor)


def tell_assigned(letter: Letter, people: Iterable[AbstractBaseUser], actor: AbstractBaseUser) -> None:
    tell("correspondence.assigned", letter, people, "มอบหมายหนังสือ", actor)


def deadline_reminders(now: dt.datetime) -> int:
    """ด่วนภายใน: a day ahead and once passed, to the assignees still working on it, its owner, the director."""
    open_letters = (
        Letter.objects.filter(deadline__range=(now - dt.timedelta(days=1), now + dt.timedelta(days=1)))
        .exclude(status__in=(Status.DONE, Status.CANCELLED, Status.DRAFT))
        .select_related("register")
    )
    directors = list(holders_of(Role.DIRECTOR))
    for letter in open_letters:
        passed = letter.deadline < now
        people = [a.assignee for a in letter.assignments.filter(done_at__isnull=True).select_related("assignee")]
        when = thaidate.format_datetime(letter.deadline)
        tell(
            "correspondence.deadline", letter, [*people, letter.owner, *directors],
            f"{'เลยกำหนด' if passed else 'ใกล้ถึงกำหนด'}ด่วนภายใน {when}", None,
            once_key=f"letter-deadline:{letter.pk}:{letter.deadline:%Y%m%d%H%M}:{'passed' if passed else 'ahead'}",
        )  # fmt: skip
    return len(open_letters)


def tell_delivered(letter: Letter, deliveries: list, actor: AbstractBaseUser) -> None:
    """Electronic delivery: every active staff login of each school, and each person, hears of it."""
    from django.contrib.auth import get_user_model

    school_ids = [d.school_id for d in deliveries if d.school_id]
    people = [d.user for d in deliveries if d.user_id]
    staff = get_user_model().objects.filter(is_active=True, school_membership__school_id__in=school_ids)
    tell("correspondence.to_school", letter, [*staff, *people], "หนังสือถึงคุณ", actor,
         url=reverse("correspondence:school_inbox"))  # fmt: skip


def _with_deputies(person: AbstractBaseUser) -> list[AbstractBaseUser]:
    """A person and whoever acts for them today (the approver's work reaches the deputy too)."""
    from core.models import ActingAppointment

    today = thaidate.today()
    acting = ActingAppointment.objects.filter(principal=person, starts_on__lte=today, ends_on__gte=today)
    return [person, *(a.deputy for a in acting.select_related("deputy"))]


def tell_approver(step, actor: AbstractBaseUser) -> None:  # noqa: ANN001 - an ApprovalStep
    """The next person in a draft's chain: a draft waits for them to check or sign."""
    letter = step.content.letter
    what = "ร่างหนังสือรอคุณลงนาม" if step.role == "sign" else "ร่างหนังสือรอคุณตรวจ/เสนอผ่าน"
    tell("correspondence.to_approve", letter, _with_deputies(step.approver), what, actor,
         url=reverse("correspondence:approval_detail", args=[step.pk]))  # fmt: skip


def tell_owner(letter: Letter, what: str, actor: AbstractBaseUser) -> None:
    """The owner of a written letter: their draft was returned, approved, signed or dispatched."""
    tell("correspondence.draft", letter, [letter.owner], what, actor)
