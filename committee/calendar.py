"""Calendar source of the committee app: meetings and resolutions' due dates the user may see."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from core.calendar import Entry
from core.roles import UserLike

from .models import MeetingStatus
from .selectors import meetings_visible_to, open_resolutions


def committee_entries(user: UserLike, start: dt.date, end: dt.date) -> list[Entry]:
    meetings = meetings_visible_to(user).filter(date__range=(start, end)).exclude(status=MeetingStatus.CANCELLED)
    out = [
        Entry(
            title=f"{m.title} ครั้งที่ {m.number}/{m.year}",
            start=timezone.make_aware(dt.datetime.combine(m.date, m.start_time)), kind="ประชุม",
            url=reverse("committee:meeting_detail", args=[m.pk]), uid=f"committee.meeting:{m.pk}",
            place=m.place, colour="success",
        )
        for m in meetings
    ]  # fmt: skip
    out += [
        Entry(
            title=r.text[:120], start=r.due_date, kind="กำหนดตามมติ", colour="danger", uid=f"committee.resolution:{r.pk}",
            url=reverse("committee:meeting_detail", args=[r.item.meeting_id]),
        )
        for r in open_resolutions(user).filter(due_date__range=(start, end))
    ]  # fmt: skip
    return out
