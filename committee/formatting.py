"""Thai wording used on committee pages and documents."""

from __future__ import annotations

import datetime as dt

from core import thaidate

WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")


def meeting_day(day: dt.date) -> str:
    """'วันเสาร์ที่ 21 พฤศจิกายน 2569', as minutes write it after เมื่อ."""
    return f"วัน{WEEKDAYS[day.weekday()]}ที่ {thaidate.format_full(day)}"


def clock(value: dt.time | None) -> str:
    """'09.30 น.' as Thai official documents write times."""
    return f"{value:%H.%M} น." if value else ""
