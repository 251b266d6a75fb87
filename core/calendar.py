"""One calendar over every app: each app registers a source giving, for a user and a date range,
the dated things that user may see (visits, meetings, letter deadlines, follow-ups, resolutions,
the SAR deadline). core shows them as a month grid and an agenda, and as a private iCalendar feed.

    calendar.register_source(visits_source)   # in the app's AppConfig.ready()
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from .models import NotificationSettings


@dataclass(frozen=True)
class Entry:
    """One dated thing on the calendar; `start` is a date (all day) or an aware datetime."""

    title: str
    start: dt.date | dt.datetime
    kind: str  # Thai label of the source, e.g. "การนิเทศ", "ประชุม", "กำหนดส่งหนังสือ"
    url: str = ""
    uid: str = ""  # stable across feeds: "<app>.<model>:<pk>"
    place: str = ""
    colour: str = "primary"  # a Bootstrap colour name

    @property
    def day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


Source = Callable[[AbstractBaseUser, dt.date, dt.date], Iterable[Entry]]
_SOURCES: list[Source] = []


def register_source(source: Source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


DayAction = Callable[[AbstractBaseUser], "tuple[str, str] | None"]
_DAY_ACTIONS: list[DayAction] = []


def register_day_action(action: DayAction) -> None:
    """An app offers something to put on a day (e.g. a planned visit): `action(user)` gives
    (Thai label, URL that accepts ?date=YYYY-MM-DD) or None when the user may not."""
    if action not in _DAY_ACTIONS:
        _DAY_ACTIONS.append(action)


def day_actions_for(user: AbstractBaseUser) -> list[tuple[str, str]]:
    return [found for action in _DAY_ACTIONS if (found := action(user))]


def entries_for(user: AbstractBaseUser, start: dt.date, end: dt.date) -> list[Entry]:
    """Everything `user` may see dated between `start` and `end` (inclusive), in time order."""
    out: list[Entry] = []
    for source in _SOURCES:
        out.extend(e for e in source(user, start, end) if start <= e.day <= end)
    return sorted(out, key=lambda e: (e.day, e.all_day is False, str(e.start), e.title))


def feed_token_for(user: AbstractBaseUser, *, renew: bool = False) -> str:
    """The user's private feed token (made on first use; `renew` revokes the old URL)."""
    prefs, _ = NotificationSettings.objects.get_or_create(user=user)
    if renew or not prefs.calendar_token:
        prefs.calendar_token = secrets.token_urlsafe(32)
        prefs.save(update_fields=["calendar_token"])
    return prefs.calendar_token


def feed_token_revoke(*, user: AbstractBaseUser) -> None:
    NotificationSettings.objects.filter(user=user).update(calendar_token="")


def user_for_token(token: str) -> AbstractBaseUser | None:
    if not token or len(token) < 20:
        return None
    prefs = NotificationSettings.objects.filter(calendar_token=token).select_related("user").first()
    return prefs.user if prefs and prefs.user.is_active else None


def month_grid(year: int, month: int, entries: list[Entry]) -> list[list[dict]]:
    """Weeks (Monday first) of {'day', 'in_month', 'entries'} covering the month, for the month view."""
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    day, end = first - dt.timedelta(days=first.weekday()), last + dt.timedelta(days=6 - last.weekday())
    by_day: dict[dt.date, list[Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.day, []).append(entry)
    cells = []
    while day <= end:
        cells.append({"day": day, "in_month": day.month == month, "entries": by_day.get(day, [])})
        day += dt.timedelta(days=1)
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]
