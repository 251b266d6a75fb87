"""Keeping (การเก็บรักษา): borrowing record (แบบที่ 24), destruction list (แบบที่ 25) and the
record of what was destroyed after the destruction committee's approval."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from core import thaidate

from . import access, selectors
from .models import Borrowing, DestructionBatch, Letter, RoutingStep, Status, StepKind

MIN_COMMITTEE = 3  # ประธานกรรมการและกรรมการอย่างน้อยสองคน


@transaction.atomic
def borrowing_record(
    *, user: AbstractBaseUser, letter: Letter, borrower: str, received_by: str, borrowed_on: dt.date, due_on: dt.date
) -> Borrowing:
    access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณบันทึกการยืมได้")
    access.require_cleared(user, letter)
    if letter.is_destroyed:
        raise ValidationError("หนังสือนี้ทำลายแล้ว จึงยืมไม่ได้")
    if letter.borrowings.filter(returned_on__isnull=True).exists():
        raise ValidationError("หนังสือนี้ถูกยืมอยู่และยังไม่คืน")
    borrowing = Borrowing(
        letter=letter, borrower=borrower.strip(), received_by=received_by.strip(), borrowed_on=borrowed_on,
        due_on=due_on, recorded_by=user,
    )  # fmt: skip
    borrowing.full_clean()
    borrowing._history_user = user
    borrowing.save()
    RoutingStep.objects.create(letter=letter, kind=StepKind.BORROWED, actor=user, text=f"{borrower} ยืม")
    return borrowing


@transaction.atomic
def borrowing_return(
    *, user: AbstractBaseUser, borrowing: Borrowing, returned_by: str, returned_on: dt.date
) -> Borrowing:
    access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณบันทึกการคืนได้")
    borrowing = Borrowing.objects.select_for_update().select_related("letter").get(pk=borrowing.pk)
    access.require_cleared(user, borrowing.letter)
    if borrowing.returned_on:
        raise ValidationError("บันทึกการคืนไปแล้ว")
    if returned_on < borrowing.borrowed_on:
        raise ValidationError({"returned_on": "วันส่งคืนต้องไม่ก่อนวันยืม"})
    borrowing.returned_by = returned_by.strip()
    borrowing.returned_on = returned_on
    borrowing._history_user = user
    borrowing.save()
    RoutingStep.objects.create(letter=borrowing.letter, kind=StepKind.RETURNED, actor=user, text=f"{returned_by} คืน")
    return borrowing


def destruction_candidates(letters: QuerySet[Letter], list_year: int) -> QuerySet[Letter]:
    """Entries whose retention has run out by the end of BE year `list_year` (บัญชีหนังสือขอทำลาย).

    A letter of 2559 kept 10 years runs out at the end of 2569 and goes on the list made
    in the first 60 days of 2570 for the year 2569. Entries kept for ever never appear, nor
    entries already destroyed.
    """
    return (
        letters.filter(number__isnull=False, retention_years__isnull=False, destruction__isnull=True)
        .annotate(until=F("year") + F("retention_years"))
        .filter(until__lte=list_year)
        .order_by("register__order", "year", "number")
    )


def _check_destruction(
    *, list_year: int, destroyed_on: dt.date, approval_text: str, committee: str,
    approval_letter: Letter | None, letters: list[int],
) -> None:  # fmt: skip
    errors: dict[str, str] = {}
    if destroyed_on > thaidate.today():
        errors["destroyed_on"] = "วันที่ทำลายต้องไม่อยู่ในอนาคต"
    elif thaidate.calendar_year_be(destroyed_on) <= list_year:
        errors["destroyed_on"] = f"หนังสือในบัญชีปี {list_year} ทำลายได้หลังสิ้นปี {list_year} เท่านั้น"
    if not approval_text.strip():
        errors["approval_text"] = "กรุณาระบุคำสั่งอนุมัติ"
    if len([n for n in committee.splitlines() if n.strip()]) < MIN_COMMITTEE:
        errors["committee"] = "คณะกรรมการทำลายหนังสือต้องมีประธานกรรมการและกรรมการอย่างน้อยสองคน (ชื่อละหนึ่งบรรทัด)"
    if approval_letter is not None and (
        approval_letter.register.code != "order" or approval_letter.number is None or approval_letter.is_cancelled
    ):
        errors["approval_letter"] = "คำสั่งอนุมัติต้องเป็นรายการในทะเบียนคำสั่งที่ออกเลขแล้วและไม่ถูกยกเลิก"
    if not letters:
        errors["letters"] = "กรุณาเลือกรายการที่ทำลายอย่างน้อยหนึ่งรายการ"
    if errors:
        raise ValidationError(errors)


def _destroyable(user: AbstractBaseUser, ids: list[int], list_year: int) -> list[Letter]:
    """The entries, locked, each checked: on that year's list, not secret to this user, not lent out."""
    visible = {letter.pk: letter for letter in selectors.letters_visible_to(user).filter(pk__in=ids)}
    if any(visible.get(pk) is None or visible[pk].is_redacted for pk in ids):
        raise ValidationError({"letters": "มีรายการชั้นความลับที่คุณไม่มีสิทธิ์เห็น ให้เจ้าหน้าที่สารบรรณเป็นผู้บันทึก"})
    locked = list(Letter.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    listed = set(destruction_candidates(Letter.objects.filter(pk__in=ids), list_year).values_list("pk", flat=True))
    problems = [f"{letter}: ทำลายไปแล้ว" for letter in locked if letter.is_destroyed]
    problems += [
        f"{letter}: ไม่อยู่ในบัญชีหนังสือขอทำลายปี {list_year}"
        for letter in locked
        if letter.pk not in listed and not letter.is_destroyed
    ]
    lent = Borrowing.objects.filter(letter__in=locked, returned_on__isnull=True).select_related("letter__register")
    problems += [f"{b.letter}: ถูกยืมอยู่ ({b.borrower}) ยังไม่คืน" for b in lent]
    if problems:
        raise ValidationError({"letters": problems})
    return locked


@transaction.atomic
def destruction_record(
    *, user: AbstractBaseUser, list_year: int, destroyed_on: dt.date, approval_text: str, committee: str,
    letters: list, approval_letter: Letter | None = None, remarks: str = "",
) -> DestructionBatch:  # fmt: skip
    """Record that listed entries were destroyed after the committee's approval (บันทึกการทำลาย).

    The entries stay in their registers, marked ทำลายแล้ว; each gets a history row and a step.
    """
    access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณและผู้ดูแลระบบบันทึกการทำลายหนังสือได้")
    ids = sorted({getattr(letter, "pk", letter) for letter in letters})
    _check_destruction(list_year=list_year, destroyed_on=destroyed_on, approval_text=approval_text,
                       committee=committee, approval_letter=approval_letter, letters=ids)  # fmt: skip
    locked = _destroyable(user, ids, list_year)
    batch = DestructionBatch(
        list_year=list_year, destroyed_on=destroyed_on, approval_text=approval_text.strip(),
        approval_letter=approval_letter, committee="\n".join(n.strip() for n in committee.splitlines() if n.strip()),
        remarks=remarks.strip(), recorded_by=user, recorded_at=timezone.now(),
    )  # fmt: skip
    batch.full_clean()
    batch._history_user = user
    batch.save()
    for letter in locked:
        letter.destruction = batch
        letter._history_user = user
        letter._change_reason = f"ทำลายแล้ว ตาม{batch.approval_text}"
        letter.save()
        RoutingStep.objects.create(
            letter=letter, kind=StepKind.DESTROYED, actor=user, text=f"ตาม{batch.approval_text}", at=batch.recorded_at
        )
    return batch


def approval_orders(user: AbstractBaseUser) -> QuerySet[Letter]:
    """Orders (คำสั่ง) the approval may point to: numbered, not cancelled, newest first."""
    return (
        selectors.letters_visible_to(user)
        .filter(register__code="order", number__isnull=False)
        .exclude(status=Status.CANCELLED)
        .order_by("-year", "-number")
    )
