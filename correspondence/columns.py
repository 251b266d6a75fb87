"""The columns of the register forms (แบบที่ 13 ทะเบียนหนังสือรับ, แบบที่ 14 ทะเบียนหนังสือส่ง).

One definition feeds the register page, the Excel export and the PDF printout. The
การปฏิบัติ column is derived from the entry's timestamped history, never typed twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from core import thaidate
from core.models import display_name

from .models import Letter, StepKind

HEADERS = ["วันที่ลงทะเบียน", "เลขทะเบียน", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ"]


def _short(value) -> str:  # noqa: ANN001
    return thaidate.format_short(value) if value else ""


def action_text(letter: Letter) -> str:
    """การปฏิบัติ: what happened to the entry, from its history."""
    if letter.is_redacted:
        return ""
    parts: list[str] = []
    for step in letter.steps.all():
        who, when = display_name(step.actor), _short(step.at)
        if step.kind == StepKind.PRESENTED:
            parts.append(f"เสนอ ผอ.กลุ่ม {when}")
        elif step.kind == StepKind.INSTRUCTED:
            parts.append(f"เกษียน: {step.text} ({who} {when})")
        elif step.kind == StepKind.ASSIGNED:
            parts.append(f"มอบ {display_name(step.target)}")
        elif step.kind == StepKind.ACKNOWLEDGED:
            parts.append(f"{who} รับทราบ {when}")
        elif step.kind == StepKind.DONE:
            parts.append(f"{who} ปฏิบัติแล้ว {when}: {step.text}")
        elif step.kind == StepKind.ISSUED:
            parts.append(f"ส่ง{letter.get_channel_display()} {when}")
        elif step.kind == StepKind.CANCELLED:
            parts.append(f"ยกเลิก {when} โดย {who}: {step.text}")
    return "; ".join(parts)


def remarks_text(letter: Letter) -> str:
    bits = [letter.remarks] if letter.remarks else []
    if letter.is_secret:
        bits.insert(0, letter.get_secrecy_display())
    if letter.urgency:
        bits.insert(0, letter.get_urgency_display())
    if letter.is_cancelled:
        bits.insert(0, "ยกเลิก")
    if letter.is_destroyed:
        bits.insert(0, "ทำลายแล้ว")
    return " ".join(bits)


def row(letter: Letter) -> list[str]:
    """The nine columns of the register form, as printed."""
    return [
        _short(letter.registered_at), str(letter.number or ""), letter.document_no, _short(letter.letter_date),
        letter.sender, letter.recipient_text, letter.subject, action_text(letter), remarks_text(letter),
    ]  # fmt: skip


# The Excel export: the register's columns in the screen's order, with the year beside the number.
# Cells carry their type (core.tabular): the registration time and the dates are dates (shown in
# the Buddhist Era through the cell format), the number and the year are numbers.
EXPORT_HEADERS = [
    "วันที่และเวลาลงทะเบียน", "เลขทะเบียน", "ปี พ.ศ.", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ",
    "ชั้นความเร็ว", "ด่วนภายใน", "ชั้นความลับ", "ชนิดของหนังสือ", "ช่องทาง", "สถานะ",
]  # fmt: skip
EXPORT_TEXT_COLUMNS = [3]  # ที่: "ศธ 04123/1234" stays text


def export_row(letter: Letter) -> list[object]:
    return [
        letter.registered_at, letter.number, letter.year, letter.document_no, letter.letter_date, letter.sender,
        letter.recipient_text, letter.subject, action_text(letter), remarks_text(letter),
        letter.get_urgency_display(), letter.deadline, letter.get_secrecy_display(),
        letter.get_document_type_display(), letter.get_channel_display(), letter.get_status_display(),
    ]  # fmt: skip


def export_rows(letters: Iterable[Letter]) -> Iterable[list[object]]:
    return (export_row(letter) for letter in letters)
