"""Keeping (การเก็บรักษา): borrowing record (แบบที่ 24) and destruction list (แบบที่ 25)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet

from . import access
from .models import Borrowing, Letter, RoutingStep, StepKind


@transaction.atomic
def borrowing_record(
    *, user: AbstractBaseUser, letter: Letter, borrower: str, received_by: str, borrowed_on: dt.date, due_on: dt.date
) -> Borrowing:
    if not access.can_register(user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณบันทึกการยืมได้")
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
    if not access.can_register(user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณบันทึกการคืนได้")
    borrowing = Borrowing.objects.select_for_update().get(pk=borrowing.pk)
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
    in the first 60 days of 2570 for the year 2569. Entries kept for ever never appear.
    """
    return (
        letters.filter(number__isnull=False, retention_years__isnull=False)
        .annotate(until=F("year") + F("retention_years"))
        .filter(until__lte=list_year)
        .order_by("register__order", "year", "number")
    )
