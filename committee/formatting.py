"""Thai wording used on committee pages and documents."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core import thaidate

WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")


def meeting_day(day: dt.date) -> str:
    """'วันเสาร์ที่ 21 พฤศจิกายน 2569', as minutes write it after เมื่อ."""
    return f"วัน{WEEKDAYS[day.weekday()]}ที่ {thaidate.format_full(day)}"


def clock(value: dt.time | None) -> str:
    """'09.30 น.' as Thai official documents write times."""
    return f"{value:%H.%M} น." if value else ""


URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")


def breakable_url(url: str) -> str:
    """HTML for a URL on paper: whole between slashes, a line may break only after a '/'.

    'https://meet.example.go.th/ktpn' → 'https://', 'meet.example.go.th/', 'ktpn' each kept on one line.
    """
    parts = re.split(r"(?<=/)(?!/)", url)
    return "<wbr>".join(f'<span class="nw">{escape(p)}</span>' for p in parts if p)


def printed_link(url: str, text: str = "") -> SafeString:
    """A link as paper shows it: the link text, then the address in brackets (the address alone if no text)."""
    if not url:
        return mark_safe(escape(text))  # noqa: S308 - escaped
    shown = f'<a class="url" href="{escape(url)}">{breakable_url(url)}</a>'
    return mark_safe(f"{escape(text)} ({shown})" if text else shown)  # noqa: S308 - escaped


def printed_text(text: str) -> SafeString:
    """Free text for a document: escaped, line breaks kept, every URL in it printed readably."""
    out, last = [], 0
    for match in URL.finditer(text or ""):
        out += [escape(text[last : match.start()]), printed_link(match.group())]
        last = match.end()
    out.append(escape((text or "")[last:]))
    return mark_safe("".join(out).replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308 - escaped
