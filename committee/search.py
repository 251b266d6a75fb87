"""Search source of the committee app (core.search): ก.ต.ป.น. meetings by title, place, number
("3/2569", "ครั้งที่ 3") or the title of an agenda item, narrowed by `meetings_visible_to` (the
secretariat sees drafts; other readers published meetings only; everyone else none)."""

from __future__ import annotations

import re

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from core import thaidate
from core.search import Hit

from .models import AgendaItem, Meeting
from .selectors import meetings_visible_to

MEETINGS = "ประชุม ก.ต.ป.น."
_NUMBER = re.compile(r"^(?:ครั้งที่\s*)?(\d{1,3})(?:\s*/\s*(\d{4}))?$")


def meeting_hits(user: AbstractBaseUser, query: str, limit: int) -> list[Hit]:
    on_agenda = Exists(AgendaItem.objects.filter(meeting=OuterRef("pk"), title__icontains=query))
    text = Q(title__icontains=query) | Q(place__icontains=query) | Q(on_agenda)
    if match := _NUMBER.match(thaidate.arabic_digits(query)):
        number = Q(number=int(match[1]))
        text |= number & Q(year=int(match[2])) if match[2] else number
    return [_hit(meeting) for meeting in meetings_visible_to(user).filter(text)[:limit]]


def _hit(meeting: Meeting) -> Hit:
    parts = [thaidate.format_full(meeting.date), meeting.place, meeting.get_status_display()]
    url = reverse("committee:meeting_detail", args=[meeting.pk])
    title = f"{meeting.title} ครั้งที่ {meeting.number_display}"
    return Hit(title=title, url=url, kind=MEETINGS, detail=" · ".join(p for p in parts if p))
