"""The audit trail of a register entry as people read it: Thai column names and values.

django-simple-history stores one row per save (who, when, the reason, every field); this
module compares each row with the one before it and names what changed in Thai, with choice
labels, Buddhist-Era dates and people's display names instead of codes and ids.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import models

from core import thaidate
from core.models import display_name

from .models import Letter

HIDDEN = ("status",)  # status changes are read from the timestamped steps instead


def _users(ids: set[int]) -> dict[int, str]:
    people = get_user_model().objects.filter(pk__in=ids).select_related("profile")
    return {u.pk: display_name(u) for u in people}


def display_value(field: models.Field, value: object, users: dict[int, str]) -> str:
    """One stored value as the history table shows it."""
    if field.name == "retention_years" and value is None:
        return "เก็บไว้ตลอดไป"
    if value is None or value == "":
        return "-"
    if field.is_relation:
        return users.get(value, str(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, dt.datetime):
        return thaidate.format_datetime(value)
    if isinstance(value, dt.date):
        return thaidate.format_short(value)
    return str(value)


def _field(name: str) -> models.Field:
    return Letter._meta.get_field(name)


def letter_history(letter: Letter) -> list[dict]:
    """Every saved version of the entry, newest first, with its changes: label, before, after."""
    records = list(letter.history.select_related("history_user__profile").order_by("-history_date", "-history_id"))
    diffs = []
    for newer, older in zip(records, records[1:] + [None], strict=False):
        changes = newer.diff_against(older).changes if older else []
        diffs.append((newer, [c for c in changes if c.field not in HIDDEN]))
    ids = {c.old for _, cs in diffs for c in cs if _field(c.field).is_relation and c.old}
    ids |= {c.new for _, cs in diffs for c in cs if _field(c.field).is_relation and c.new}
    users = _users(ids)
    return [
        {
            "record": record,
            "changes": [
                {
                    "label": _field(c.field).verbose_name,
                    "old": display_value(_field(c.field), c.old, users),
                    "new": display_value(_field(c.field), c.new, users),
                }
                for c in changes
            ],
        }  # fmt: skip
        for record, changes in diffs
    ]
