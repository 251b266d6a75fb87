"""The printed register (แบบที่ 13/14, หนังสือเวียน, คำสั่ง): what each cell says on paper.

The register page and the Excel export carry the whole history in การปฏิบัติ (columns.py); a
printed page condenses it to one action line ("เสนอ 3 ม.ค.; มอบ ศน.ประภาพร; ปฏิบัติแล้ว 5 ม.ค.")
so that a typical entry takes two or three lines and ten or more fit on an A4 landscape page.
A long list of recipients is summarised in its cell and printed in full in a list after the
register (บัญชีแนบ), never cut off.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import thaidate
from core.models import display_name
from core.roles import Role, has_role

from . import columns
from .models import Letter, NumberFormat, Register, StepKind

# A recipient cell longer than this, on an entry sent to schools, prints a summary instead.
RECIPIENTS_INLINE_MAX = 120


def is_order_register(register: Register) -> bool:
    """ทะเบียนคำสั่ง: numbered n/พ.ศ., with its own columns (no จาก/ถึง/การปฏิบัติ)."""
    return register.number_format == NumberFormat.NUMBER_YEAR


def day_month(value: dt.date | dt.datetime | None, year: int | None = None) -> str:
    """'3 ม.ค.'; the short year is added when it is not the entry's own year ('3 ม.ค. 70')."""
    if value is None:
        return ""
    d = thaidate.local_date(value)
    if year is not None and d.year != year:
        return thaidate.format_short(d)
    return f"{d.day} {thaidate.THAI_MONTHS_ABBR[d.month - 1]}"


class _Names:
    """Short names of the people in the history ('ศน.ประภาพร'), looked up once per printout."""

    def __init__(self) -> None:
        self._cache: dict[int, str] = {}

    def __call__(self, user: object) -> str:
        if user is None:
            return ""
        if user.pk not in self._cache:
            first = (user.first_name or "").strip()
            if not first:
                self._cache[user.pk] = display_name(user)
            else:
                self._cache[user.pk] = f"ศน.{first}" if has_role(user, Role.SUPERVISOR) else first
        return self._cache[user.pk]


def action_line(letter: Letter, names: _Names | None = None) -> str:
    """การปฏิบัติ condensed, as plain text: 'เสนอ 3 ม.ค.; มอบ ศน.ประภาพร; ปฏิบัติแล้ว 5 ม.ค.'."""
    return "; ".join(" ".join(part) for part in action_parts(letter, names))


def action_html(letter: Letter, names: _Names | None = None) -> str:
    """The action line for the printout: each date and each name kept whole on one line."""
    parts = action_parts(letter, names)
    return mark_safe(  # noqa: S308 - every piece is escaped
        "; ".join(" ".join(f'<span class="nw">{escape(piece)}</span>' for piece in part) for part in parts)
    )


def action_parts(letter: Letter, names: _Names | None = None) -> list[list[str]]:
    """The action line's parts, each a list of pieces that may not break inside."""
    if letter.is_redacted:
        return []
    names = names or _Names()
    year = thaidate.local_date(letter.registered_at).year if letter.registered_at else None
    steps = list(letter.steps.all())
    parts: list[list[str]] = []
    presented = next((s for s in steps if s.kind == StepKind.PRESENTED), None)
    if presented:
        parts.append(["เสนอ", day_month(presented.at, year)])
    assignees = list(dict.fromkeys(names(s.target) for s in steps if s.kind == StepKind.ASSIGNED))
    if assignees:
        parts.append(["มอบ", *[f"{n}," for n in assignees[:-1]], assignees[-1]])
    done = [s for s in steps if s.kind == StepKind.DONE]
    if assignees and done:
        finished = {names(s.actor) for s in done}
        if len(finished) >= len(assignees):
            parts.append(["ปฏิบัติแล้ว", day_month(done[-1].at, year)])
        else:
            parts.append(["ปฏิบัติแล้ว", f"{len(finished)}/{len(assignees)} คน"])
    issued = next((s for s in steps if s.kind == StepKind.ISSUED), None)
    if issued:
        parts.append([f"ส่ง{_channel(letter)}", day_month(issued.at, year)])
    cancelled = next((s for s in steps if s.kind == StepKind.CANCELLED), None)
    if cancelled or letter.is_cancelled:
        parts.append(["ยกเลิก", day_month(cancelled.at if cancelled else letter.cancelled_at, year)])
    return [[p for p in part if p] for part in parts]


def _channel(letter: Letter) -> str:
    return {"paper": "ทางไปรษณีย์/นำส่ง", "email": "ทางอีเมล", "electronic": "ทางระบบสารบรรณ"}.get(letter.channel, "")


def remarks_line(letter: Letter) -> str:
    """หมายเหตุ as printed: the cancellation reason spelled out, so it stays legible."""
    text = columns.remarks_text(letter)
    if letter.is_cancelled and letter.cancel_reason:
        text = text.replace("ยกเลิก", f"ยกเลิก: {letter.cancel_reason}", 1)
    return text


@dataclass
class Attached:
    """One entry of the บัญชีแนบ: the recipients of an entry too long for its cell."""

    number: str
    subject: str
    recipients: list[str]


def recipient_cell(letter: Letter, schools: list[str], attached: list[Attached]) -> str:
    """ถึง: the text in full, or for a long list of schools a summary and the list in the บัญชีแนบ."""
    text = letter.recipient_text
    if letter.is_redacted or len(text) <= RECIPIENTS_INLINE_MAX or len(schools) < 2:
        return text
    clusters = {s[1] for s in schools if s[1]}
    attached.append(
        Attached(number=f"{letter.number}/{letter.year}", subject=letter.subject, recipients=[s[0] for s in schools])
    )
    if len(clusters) == 1:
        return f"ผู้อำนวยการโรงเรียนใน{clusters.pop()} ({len(schools)}\u00a0โรง) ตามบัญชีแนบ"
    return f"ผู้อำนวยการโรงเรียน {len(schools)}\u00a0โรง ตามบัญชีแนบ"  # no-break space: "15 / โรง" misreads


def _schools_by_letter(letters: list[Letter]) -> dict[int, list[tuple[str, str]]]:
    """(school name, cluster name) of each entry that was sent to schools, in one query."""
    through = Letter.recipient_schools.through
    long_ids = [x.pk for x in letters if len(x.recipient_text) > RECIPIENTS_INLINE_MAX and not x.is_redacted]
    out: dict[int, list[tuple[str, str]]] = {}
    rows = through.objects.filter(letter_id__in=long_ids).select_related("school__cluster").order_by("school__name")
    for row in rows:
        cluster = row.school.cluster.name if getattr(row.school, "cluster", None) else ""
        out.setdefault(row.letter_id, []).append((row.school.name, cluster))
    return out


def printed_rows(register: Register, letters: list[Letter]) -> tuple[list[tuple[Letter, list[str]]], list[Attached]]:
    """The cells of each entry as printed, and the บัญชีแนบ of long recipient lists."""
    from core.models import OfficeProfile

    names, attached = _Names(), []
    schools = _schools_by_letter(letters)
    signer = OfficeProfile.get().director_name
    rows = []
    for letter in letters:
        if is_order_register(register):
            rows.append((letter, order_row(letter, signer)))
            continue
        row = columns.row(letter)
        row[5] = recipient_cell(letter, schools.get(letter.pk, []), attached)
        row[7] = action_html(letter, names)
        row[8] = remarks_line(letter)
        rows.append((letter, row))
    return rows, attached


ORDER_HEADERS = ["เลขที่", "ลงวันที่", "เรื่อง", "ผู้ลงนาม", "หน่วยงานเจ้าของเรื่อง", "หมายเหตุ"]


def order_row(letter: Letter, signer: str) -> list[str]:
    """ทะเบียนคำสั่ง: เลขที่, ลงวันที่, เรื่อง, ผู้ลงนาม, หน่วยงานเจ้าของเรื่อง, หมายเหตุ."""
    number = letter.document_no or (f"{letter.number}/{letter.year}" if letter.number else "")
    signed = thaidate.format_short(letter.letter_date or letter.registered_at) if not letter.is_redacted else ""
    if letter.is_redacted:
        return [number, "", letter.subject, "", "", ""]
    return [number, signed, letter.subject, signer, letter.sender, remarks_line(letter)]
