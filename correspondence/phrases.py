"""The เกษียน's quick phrases (ข้อความที่ใช้บ่อย): every write of the office's list, with the audit trail.

A phrase is only text a button adds to the instruction box, so nothing written with it depends on it:
rewording changes the button from now on, retiring hides the button (the row stays, with its history).
Texts are unique among the phrases in use; a retired phrase may share its text with a new one, and is
refused if brought back while an active phrase says the same. Who may: access.PHRASE_KEEPERS. The
letter page reads the list through selectors.instruction_phrases().
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from core.roles import UserLike

from . import access
from .models import InstructionPhrase

DUPLICATE = "มีข้อความนี้ในรายการที่ใช้งานอยู่แล้ว"


def _store(phrase: InstructionPhrase, user: UserLike, reason: str) -> None:
    """Validate and save with who and why (django-simple-history), a duplicate refused in Thai on `text`."""
    others = InstructionPhrase.objects.filter(is_active=True, text=phrase.text).exclude(pk=phrase.pk)
    if phrase.is_active and others.exists():
        raise ValidationError({"text": DUPLICATE})
    phrase.full_clean()
    phrase._history_user = user
    phrase._change_reason = reason
    try:
        with transaction.atomic():  # a phrase added at the same moment by someone else: the constraint's turn
            phrase.save()
    except IntegrityError:
        raise ValidationError({"text": DUPLICATE}) from None


def _next_position() -> int:
    return (InstructionPhrase.objects.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def phrase_add(*, user: UserLike, text: str) -> InstructionPhrase:
    """A new phrase, offered after the others."""
    access.require_phrase_keeper(user)
    phrase = InstructionPhrase(text=text, position=_next_position())
    _store(phrase, user, "เพิ่มข้อความ")
    return phrase


@transaction.atomic
def phrase_reword(*, user: UserLike, phrase: InstructionPhrase, text: str) -> InstructionPhrase:
    access.require_phrase_keeper(user)
    if text != phrase.text:
        phrase.text = text
        _store(phrase, user, "แก้ไขถ้อยคำ")
    return phrase


@transaction.atomic
def phrase_move(*, user: UserLike, phrase: InstructionPhrase, up: bool) -> None:
    """Swap the phrase with the one before (up) or after it among the phrases in use; at an end, nothing moves."""
    access.require_phrase_keeper(user)
    rows = list(InstructionPhrase.objects.select_for_update().filter(is_active=True))
    at = next((i for i, row in enumerate(rows) if row.pk == phrase.pk), None)
    if at is None:
        raise ValidationError("ข้อความที่เลิกใช้แล้วไม่มีลำดับบนปุ่ม กรุณานำกลับมาใช้ก่อน")
    other = at - 1 if up else at + 1
    if not 0 <= other < len(rows):
        return
    positions = [row.position for row in rows]
    rows[at], rows[other] = rows[other], rows[at]
    if len(set(positions)) < len(positions):  # two rows saved with one position (added at the same moment)
        positions = list(range(1, len(rows) + 1))
    for row, position in zip(rows, positions, strict=True):
        if row.position != position:
            row.position = position
            _store(row, user, "เลื่อนลำดับ")


@transaction.atomic
def phrase_set_active(*, user: UserLike, phrase: InstructionPhrase, active: bool) -> InstructionPhrase:
    """Retire a phrase (its button goes; what was written with it stays) or bring it back, after the others."""
    access.require_phrase_keeper(user)
    if phrase.is_active == active:
        return phrase
    phrase.is_active = active
    if active:
        phrase.position = _next_position()
    _store(phrase, user, "นำกลับมาใช้" if active else "เลิกใช้")
    return phrase
