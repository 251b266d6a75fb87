"""Who the committee's work is told to (core.notifications): members hear of a published agenda and
approved minutes; the responsible person and the secretary hear when a resolution is due or overdue."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse

from core import notifications, thaidate
from core.roles import Role, holders_of

from .models import Meeting, Minutes, Resolution
from .models.resolutions import UNFINISHED
from .selectors import members_serving_on

notifications.register_kind("committee.agenda_published", "แจ้งระเบียบวาระการประชุม ก.ต.ป.น.")
notifications.register_kind("committee.minutes_approved", "รับรองรายงานการประชุม ก.ต.ป.น. แล้ว")
notifications.register_kind("committee.resolution_due", "มติที่รับผิดชอบใกล้ถึงหรือเลยกำหนด")


def _members_of(meeting: Meeting) -> list[AbstractBaseUser]:
    return [m.user for m in members_serving_on(meeting.date).select_related("user") if m.user_id]


def tell_agenda_published(meeting: Meeting, actor: AbstractBaseUser) -> None:
    when = f"{thaidate.format_full(meeting.date)} เวลา {meeting.start_time:%H.%M} น."
    notifications.notify(
        kind="committee.agenda_published", recipients=_members_of(meeting), actor=actor,
        title=f"แจ้งระเบียบวาระ {meeting.title} ครั้งที่ {meeting.number}/{meeting.year} วันที่ {when}",
        url=reverse("committee:meeting_detail", args=[meeting.pk]), subject_key=f"meeting:{meeting.pk}",
    )  # fmt: skip


def tell_minutes_approved(minutes: Minutes, actor: AbstractBaseUser) -> None:
    meeting = minutes.meeting
    notifications.notify(
        kind="committee.minutes_approved", recipients=_members_of(meeting), actor=actor,
        title=f"รับรองรายงานการประชุม ครั้งที่ {meeting.number}/{meeting.year} แล้ว",
        url=reverse("committee:meeting_detail", args=[meeting.pk]), subject_key=f"meeting:{meeting.pk}",
    )  # fmt: skip


def resolution_reminders(now: dt.datetime) -> int:
    """A day before a resolution's due date and the day after it passed, once each."""
    today = thaidate.local_date(now)
    due = Resolution.objects.filter(
        status__in=UNFINISHED, due_date__range=(today - dt.timedelta(days=1), today + dt.timedelta(days=1))
    )
    secretaries = list(holders_of(Role.SECRETARY))
    for resolution in due.select_related("item__meeting", "responsible_user"):
        passed = resolution.due_date < today
        phase = "passed" if passed else "ahead"
        notifications.notify(
            kind="committee.resolution_due", recipients=[resolution.responsible_user, *secretaries],
            title=f"{'เลยกำหนด' if passed else 'ใกล้ถึงกำหนด'}ตามมติ ({thaidate.format_full(resolution.due_date)}): {resolution.text[:120]}",
            url=reverse("committee:meeting_detail", args=[resolution.item.meeting_id]),
            once_key=f"committee.resolution:{resolution.pk}:{resolution.due_date:%Y%m%d}:{phase}",
        )  # fmt: skip
    return due.count()
