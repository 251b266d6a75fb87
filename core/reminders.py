"""Reminders run by Celery beat: each app registers a function that finds what is due and calls
core.notifications.notify with a `once_key`, so a reminder reaches a person once and never twice,
however often beat runs it.

    reminders.register(sar_deadline_reminders)   # in the app's AppConfig.ready()
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.utils import timezone

log = logging.getLogger(__name__)

Reminder = Callable[[dt.datetime], int]  # given "now", tells whoever is due; returns how many were considered
_REMINDERS: list[Reminder] = []


def register(reminder: Reminder) -> None:
    if reminder not in _REMINDERS:
        _REMINDERS.append(reminder)


def reminders_run(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Run every registered reminder; one failing never stops the others."""
    now = now or timezone.now()
    done: dict[str, int] = {}
    for reminder in _REMINDERS:
        name = f"{reminder.__module__}.{reminder.__name__}"
        try:
            done[name] = reminder(now)
        except Exception:  # noqa: BLE001 - logged; the next run tries again (once_key keeps it single)
            log.exception("reminder %s failed", name)
            done[name] = -1
    return done
