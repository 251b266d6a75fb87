"""Calendar source of the QA app: the SAR deadline, for the office's readers and for school staff."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from core.calendar import Entry
from core.roles import UserLike

from . import access
from .models import SarYear


def qa_entries(user: UserLike, start: dt.date, end: dt.date) -> list[Entry]:
    if not (access.can_read(user) or access.own_school_id(user)):
        return []
    return [
        Entry(
            title=f"กำหนดส่งรายงานการประเมินตนเอง (SAR) ปีการศึกษา {y.academic_year}", start=y.deadline,
            kind="กำหนดส่ง SAR", url=reverse("qa:sar_list"), uid=f"qa.saryear:{y.pk}", colour="danger",
        )
        for y in SarYear.objects.filter(deadline__range=(start, end))
    ]  # fmt: skip
