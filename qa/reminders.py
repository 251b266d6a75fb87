"""Reminders of the QA app: school staff hear of the SAR deadline a week ahead and the day it passes."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.urls import reverse

from core import notifications, thaidate

from .models import SarStatus, SarYear, SelfAssessmentReport

notifications.register_kind("qa.sar_deadline", "ใกล้ถึงหรือเลยกำหนดส่งรายงานการประเมินตนเอง (SAR)")
AHEAD_DAYS = 7
DONE = (SarStatus.SUBMITTED, SarStatus.REVIEWED)


def _staff_still_to_send(academic_year: int):  # noqa: ANN202 - a User queryset
    """Active school-staff logins of active schools that have not sent this year's SAR."""
    sent = SelfAssessmentReport.objects.filter(academic_year=academic_year, status__in=DONE).values("school_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, school_membership__school__is_active=True)
        .exclude(school_membership__school_id__in=sent)
    )


def sar_deadline_reminders(now: dt.datetime) -> int:
    today = thaidate.local_date(now)
    told = 0
    for year in SarYear.objects.filter(
        deadline__range=(today - dt.timedelta(days=30), today + dt.timedelta(days=AHEAD_DAYS))
    ):
        passed = year.deadline < today
        when = thaidate.format_full(year.deadline)
        title = (f"เลยกำหนดส่ง SAR ปีการศึกษา {year.academic_year} แล้ว ({when}) กรุณาส่งโดยเร็ว" if passed
                 else f"ใกล้ถึงกำหนดส่ง SAR ปีการศึกษา {year.academic_year}: ภายใน {when}")  # fmt: skip
        people = list(_staff_still_to_send(year.academic_year))
        notifications.notify(
            kind="qa.sar_deadline", recipients=people, title=title, url=reverse("qa:sar_list"),
            once_key=f"qa.sar:{year.academic_year}:{year.deadline:%Y%m%d}:{'passed' if passed else 'ahead'}",
        )  # fmt: skip
        told += len(people)
    return told
