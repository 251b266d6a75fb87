"""The audit trail of a register entry as people read it: Thai column names and values.

django-simple-history stores one row per save (who, when, the reason, every field); this
module compares each row with the one before it and names what changed in Thai, with choice
labels, Buddhist-Era dates, people's display names and the destruction batch instead of codes and ids.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import models

from core import thaidate
from core.models import display_name

from .models import Letter

HIDDEN = ("status",)  # status changes are read from the timestamped steps instead


def _related_labels(diffs: list) -> dict[tuple[type, object], str]:
    """Readable names of the related rows the changes point to: people, destruction batches."""
    wanted: dict[type, set] = {}
    for _, changes in diffs:
        for change in changes:
            field = _field(change.field)
            if field.is_relation:
                wanted.setdefault(field.related_model, set()).update(v for v in (change.old, change.new) if v)
    labels = {}
    user_model = get_user_model()
    for model, ids in wanted.items():
        rows = model.objects.filter(pk__in=ids)
        if model is user_model:
            rows = rows.select_related("profile")
        for row in rows:
            labels[(model, row.pk)] = display_name(row) if model is user_model else str(row)
    return labels


def display_value(field: models.Field, value: object, labels: dict[tuple[type, object], str]) -> str:
    """One stored value as the history table shows it."""
    if field.name == "retention_years" and value is None:
        return "เก็บไว้ตลอดไป"
    if value is None or value == "":
        return "-"
    if field.is_relation:
        return labels.get((field.related_model, value), str(value))
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
    labels = _related_labels(diffs)
    return [
        {
            "record": record,
            "changes": [
                {
                    "label": _field(c.field).verbose_name,
                    "old": display_value(_field(c.field), c.old, labels),
                    "new": display_value(_field(c.field), c.new, labels),
                }
                for c in changes
            ],
        }  # fmt: skip
        for record, changes in diffs
    ]
