"""Template filters for Thai dates and numerals (loaded as a builtin)."""

from __future__ import annotations

import datetime as dt
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import thaidate

register = template.Library()


@register.filter
def thai_date(value: dt.date | dt.datetime | None) -> str:
    """{{ d|thai_date }} → '21 พฤศจิกายน 2569'."""
    return thaidate.format_full(value) if value else ""


@register.filter
def thai_date_short(value: dt.date | dt.datetime | None) -> str:
    """{{ d|thai_date_short }} → '21 พ.ย. 69'."""
    return thaidate.format_short(value) if value else ""


@register.filter
def thai_datetime(value: dt.datetime | None) -> str:
    """{{ dt|thai_datetime }} → '21 พ.ย. 69 14:05 น.'."""
    return thaidate.format_datetime(value) if value else ""


@register.filter
def be_date(value: dt.date | dt.datetime | None) -> str:
    """{{ d|be_date }} → '21/11/2569'."""
    return thaidate.format_numeric(value) if value else ""


@register.filter
def thai_digits(value: object) -> str:
    return thaidate.thai_digits(value)


@register.filter
def fiscal_year(value: dt.date | dt.datetime | None) -> int | str:
    return thaidate.fiscal_year(value) if value else ""


@register.filter
def be_year(value: dt.date | dt.datetime | int | None) -> int | str:
    if value is None or value == "":
        return ""
    if isinstance(value, int):
        return thaidate.to_be(value)
    return thaidate.to_be(thaidate.local_date(value).year)


@register.filter
def display_name(user: object) -> str:
    from ..models import display_name as _display_name

    return _display_name(user)


@register.filter
def has_role(user: object, roles: str) -> bool:
    """{% if user|has_role:"clerk,director" %}"""
    from ..roles import has_role as _has_role

    return _has_role(user, *[r.strip() for r in roles.split(",")])


@register.filter
def whole_words(value: object) -> str:
    """Each space-separated word kept on one line (a name, a date, a code), breaking only at the spaces.

    Thai has no spaces inside a word, so a line breaker may split "ศรีสุข" into "ศรี / สุข"; on
    paper a name or a number split like that misreads.
    """
    words = str(value or "").split()
    return mark_safe(" ".join(f'<span class="nw">{escape(w)}</span>' for w in words))  # noqa: S308 - escaped


# Where a school's or a cluster's name may break when it does not fit a narrow column: after its
# "กลุ่มโรงเรียน"/"โรงเรียน" prefix, after a dash joining two places ("หนองบัว–ท่าช้าง"), and at spaces.
_PLACE_BREAK = re.compile(r"^(?:กลุ่มโรงเรียน|โรงเรียน)(?=\S)|[^–]+–(?=\S)")


@register.filter
def place_name(value: object) -> str:
    """{{ cluster.name|place_name }}: like whole_words, and a long name also breaks after its prefix or a
    dash ("กลุ่มโรงเรียน / ห้วยทราย– / ดอนตาล"), never inside the place name ("ภู / งาม")."""

    def pieces(word: str) -> str:
        parts, at = [], 0
        for found in _PLACE_BREAK.finditer(word):
            parts.append(word[at : found.end()])
            at = found.end()
        parts.append(word[at:])
        return "<wbr>".join(f'<span class="nw">{escape(p)}</span>' for p in parts if p)

    return mark_safe(" ".join(pieces(w) for w in str(value or "").split()))  # noqa: S308 - escaped


# What a line must not split inside running Thai text: a numbered thing ("ครั้งที่ 2/2569"), a short date ("15 ธ.ค. 69") or time ("13.30 น."), a
# short quoted name (“สวัสดีคุณครู”), a short range of months or numbers ("ต.ค. – พ.ย.", "1–3"), and any word
# holding a digit ("ป.1", "2569", "100)").
_KEEP_TOGETHER = re.compile(
    r"(?:ครั้งที่|ข้อที่|ฉบับที่|ปีที่) ?\S*\d\S*|\d{1,2} [ก-ฮ]{1,2}\.[ก-ฮ]{1,2}\.(?: \d{2,4})?|\d{1,2}[.:]\d{2} น\.|“[^”]{1,30}”|[^\s–]{1,6} – [^\s–]{1,6}|\S*\d\S*"
)


@register.filter
def keep_together(value: object) -> str:
    """{{ activity.title|keep_together }}: text that wraps between Thai words as usual, but never inside a
    number, a short range or a short quoted name (a line breaker would print "ปีที่ 1– / 3")."""
    text, out, at = str(value or ""), [], 0
    for found in _KEEP_TOGETHER.finditer(text):
        out += [escape(text[at : found.start()]), f'<span class="nw">{escape(found.group())}</span>']
        at = found.end()
    return mark_safe("".join([*out, escape(text[at:])]))  # noqa: S308 - escaped


# Ranks (วิทยฐานะ/ระดับ) and terms a line breaker would split ("ชำนาญ / งาน", "ประถม / ศึกษา") that read
# wrong when split.
_RANKS = re.compile(r"(ชำนาญการพิเศษ|ชำนาญการ|ชำนาญงาน|เชี่ยวชาญพิเศษ|เชี่ยวชาญ|ปฏิบัติการ|ปฏิบัติงาน|อาวุโส|ประถมศึกษา|มัธยมศึกษา)")


@register.filter
def position_phrase(value: object) -> str:
    """{{ p.position|position_phrase }}: a position may wrap between its words, but a rank
    ("ศึกษานิเทศก์ / ชำนาญการพิเศษ", "เจ้าพนักงานธุรการ / ชำนาญงาน") or "ประถมศึกษา" is never split."""
    parts = _RANKS.split(str(value or ""))
    return mark_safe(
        "".join(f'<wbr><span class="nw">{escape(p)}</span>' if _RANKS.fullmatch(p) else escape(p) for p in parts)
    )  # noqa: S308


@register.filter
def thai_time(value: dt.datetime | dt.time | None) -> str:
    """{{ letter.registered_at|thai_time }} → '17.07 น.', as official documents write a time (Bangkok time)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = value.astimezone(thaidate.BANGKOK) if value.tzinfo else value
    return f"{value:%H.%M} น."


@register.filter
def nobreak(value: object) -> str:
    """The whole value on one line: a date ('21 พฤศจิกายน 2569'), a document number ('ศธ 04123/1234'),
    a short role phrase. Use whole_words for long names and positions, which may wrap at their spaces."""
    text = str(value if value is not None else "")
    return mark_safe(f'<span class="nw">{escape(text)}</span>') if text else ""  # noqa: S308 - escaped
