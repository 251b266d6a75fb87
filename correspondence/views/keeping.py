"""Keeping pages: borrowing record (แบบที่ 24) and the yearly destruction list (แบบที่ 25)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import thaidate
from core.roles import UserLike
from core.web import save_form, submit_form

from .. import access, keeping, selectors
from ..forms import BorrowForm, DestructionForm, RangeForm, ReturnForm
from ..models import DestructionBatch
from .letters import detail_page

KEEPING_ONLY = "เฉพาะเจ้าหน้าที่สารบรรณ"


def _year(request: HttpRequest) -> int:
    value = request.POST.get("list_year") or request.GET.get("year") or ""
    if value.isdigit() and 2400 <= int(value) <= 2700:
        return int(value)
    return thaidate.calendar_year_be(thaidate.today()) - 1


def _destruction_form(request: HttpRequest, year: int, data: object = None) -> DestructionForm:
    visible = selectors.letters_visible_to(request.user)
    return DestructionForm(
        data, initial={"list_year": year}, orders=keeping.approval_orders(request.user),
        candidates=keeping.destruction_candidates(visible, year),
    )  # fmt: skip


def _keeping_page(request: HttpRequest, year: int, form: DestructionForm) -> HttpResponse:
    visible = selectors.letters_visible_to(request.user)
    context = {
        "borrowings": selectors.borrowings_visible_to(request.user)[:200], "year": year, "return_form": ReturnForm(),
        "range_form": RangeForm(), "candidates": keeping.destruction_candidates(visible, year)[:500],
        "destroy_form": form, "checked": form.checked(), "batches": selectors.destruction_batches_visible_to(request.user)[:20],
        "destruction_params": {"year": year}, "today": thaidate.today(),
    }  # fmt: skip
    return render(request, "correspondence/keeping.html", context)


@login_required
def keeping_index(request: HttpRequest) -> HttpResponse:
    access.require_registrar(request.user, KEEPING_ONLY)
    year = _year(request)
    return _keeping_page(request, year, _destruction_form(request, year))


def _record_destruction(user: UserLike, data: dict) -> DestructionBatch:
    batch = keeping.destruction_record(user=user, **data)
    batch.entries = batch.letters.count()  # for the success message
    return batch


@login_required
@require_POST
def destruction_create(request: HttpRequest) -> HttpResponse:
    """บันทึกการทำลาย: the ticked entries of the year's list were destroyed after approval."""
    access.require_registrar(request.user, KEEPING_ONLY)
    year = _year(request)
    form = _destruction_form(request, year, request.POST)
    batch = save_form(
        request, form, lambda data: _record_destruction(request.user, data),
        success="บันทึกการทำลายหนังสือ {.entries} รายการแล้ว รายการยังคงอยู่ในทะเบียน",
    )  # fmt: skip
    if batch:
        return redirect("correspondence:destruction_detail", pk=batch.pk)
    return _keeping_page(request, year, form)


@login_required
def destruction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = access.get_destruction_batch_for_user(request.user, pk)
    letters = (
        selectors.letters_visible_to(request.user)
        .filter(destruction=batch)
        .order_by("register__order", "year", "number")
    )
    context = {"batch": batch, "letters": letters, "destruction_params": {"batch": batch.pk}}
    return render(request, "correspondence/destruction_detail.html", context)


@login_required
@require_POST
def borrowing_create(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_letter_for_user(request.user, pk, write=True)
    access.require_letter_action(request.user, letter, "borrow")
    form = BorrowForm(request.POST)
    if submit_form(request, form, "บันทึกการยืมแล้ว",
                   lambda data: keeping.borrowing_record(user=request.user, letter=letter, **data)):  # fmt: skip
        return redirect("correspondence:letter_detail", pk=pk)
    return detail_page(request, pk, borrow_form=form)  # refused: the entry's page again, the typed borrower kept


@login_required
@require_POST
def borrowing_return(request: HttpRequest, pk: int) -> HttpResponse:
    borrowing = access.get_borrowing_for_user(request.user, pk, write=True)
    submit_form(request, ReturnForm(request.POST), "บันทึกการคืนแล้ว",
                lambda data: keeping.borrowing_return(user=request.user, borrowing=borrowing, **data))  # fmt: skip
    return redirect("correspondence:keeping")
