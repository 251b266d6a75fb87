"""Register numbers: consecutive per register and BE calendar year (Asia/Bangkok), never
skipped, duplicated or reused, also under many clerks at once.

PostgreSQL: the counter row is locked with SELECT … FOR UPDATE until the transaction that
stores the entry commits, so the next clerk waits and then reads the new last number.
SQLite: settings open every transaction with BEGIN IMMEDIATE, which takes the database's
write lock up front, so two writers never read the same counter either.
A UniqueConstraint(register, year, number) on Letter is the backstop.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from core import thaidate

from . import access
from .models import Letter, Register, RegisterCounter


def _locked_counter(register: Register, year: int) -> RegisterCounter:
    """The counter row of (register, year), locked FOR UPDATE until the transaction ends."""
    counter = RegisterCounter.objects.select_for_update().filter(register=register, year=year).first()
    if counter is None:  # first number of the year: create the row (a racing creator is caught by get_or_create)
        RegisterCounter.objects.get_or_create(register=register, year=year)
        counter = RegisterCounter.objects.select_for_update().get(register=register, year=year)
    return counter


def number_take(*, register: Register, when: dt.datetime) -> tuple[int, int]:
    """Take the next number of `register` for the BE year of `when`; returns (year, number).

    Must run inside the transaction that saves the entry, so a rollback gives the number back.
    Callers validate the entry first and take the number last, so the lock is held only for
    the inserts and the commit. The counter's own history records start-number changes; each
    taken number is recorded by the entry that carries it.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_take must run inside the transaction that stores the entry")
    year = thaidate.calendar_year_be(when)
    counter = _locked_counter(register, year)
    number = counter.next_number
    RegisterCounter.objects.filter(pk=counter.pk).update(last_number=number)
    return year, number


@transaction.atomic
def counter_set_start(*, register: Register, year: int, start_number: int, user: AbstractBaseUser) -> RegisterCounter:
    """Set the first number of a year (offices moving from paper mid-year), before any is issued."""
    access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณกำหนดเลขเริ่มต้นได้")
    if start_number < 1:
        raise ValidationError({"start_number": "เลขเริ่มต้นต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป"})
    counter = _locked_counter(register, year)
    issued = Letter.objects.filter(register=register, year=year, number__isnull=False).exists()
    if counter.last_number or issued:
        raise ValidationError(
            {
                "start_number": f"ออกเลข{register.name} ปี {year} ไปแล้ว จึงกำหนดเลขเริ่มต้นไม่ได้ (เลขล่าสุด {counter.last_number})"
            }
        )
    counter.start_number = start_number
    counter.start_set_by = user
    counter._change_reason = f"กำหนดเลขเริ่มต้น {start_number}"
    counter.save()
    return counter


def counters_for_year(year: int) -> list[tuple[Register, RegisterCounter | None]]:
    counters = {c.register_id: c for c in RegisterCounter.objects.filter(year=year)}
    return [(r, counters.get(r.pk)) for r in Register.objects.filter(is_active=True)]
