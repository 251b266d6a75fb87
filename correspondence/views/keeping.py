"""Keeping pages: borrowing record (แบบที่ 24) and the yearly destruction list (แบบที่ 25)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import thaidate
from core.web import submit_form

from .. import access, keeping, selectors
from ..forms import BorrowForm, DestructionForm, RangeForm, ReturnForm
from ..models import Borrowing, DestructionBatch
from .registers import add_form_errors


def _require_registrar(user: object) -> None:
    if not access.can_register(user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณ")


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


def _keeping_page(request: HttpRequest, year: int, form: DestructionForm, status: int = 200) -> HttpResponse:
    visible = selectors.letters_visible_to(request.user)
    borrowings = Borrowing.objects.filter(letter__in=visible.values("pk")).select_related("letter__register")[:200]
    batches = DestructionBatch.objects.annotate(entries=Count("letters")).select_related("approval_letter")[:20]
    context = {
        "borrowings": borrowings, "year": year, "return_form": ReturnForm(), "range_form": RangeForm(),
        "candidates": keeping.destruction_candidates(visible, year)[:500], "destroy_form": form,
        "checked": form.checked(), "batches": batches, "destruction_params": {"year": year}, "today": thaidate.today(),
    }  # fmt: skip
    return render(request, "correspondence/keeping.html", context, status=status)


@login_required
def keeping_index(request: HttpRequest) -> HttpResponse:
    _require_registrar(request.user)
    year = _year(request)
    return _keeping_page(request, year, _destruction_form(request, year))


@login_required
@require_POST
def destruction_create(request: HttpRequest) -> HttpResponse:
    """บันทึกการทำลาย: the ticked entries of the year's list were destroyed after approval."""
    _require_registrar(request.user)
    year = _year(request)
    form = _destruction_form(request, year, request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            batch = keeping.destruction_record(user=request.user, **data)
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, f"บันทึกการทำลายหนังสือ {batch.letters.count()} รายการแล้ว รายการยังคงอยู่ในทะเบียน")
            return redirect("correspondence:destruction_detail", pk=batch.pk)
    return _keeping_page(request, year, form, status=200)


@login_required
def destruction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_registrar(request.user)
    batch = get_object_or_404(DestructionBatch.objects.select_related("approval_letter", "recorded_by"), pk=pk)
    letters = (
        selectors.letters_visible_to(request.user)
        .filter(destruction=batch)
        .order_by("register__order", "year", "number")
    )
    return render(request, "correspondence/destruction_detail.html", {"batch": batch, "letters": letters})


@login_required
@require_POST
def borrowing_create(request: HttpRequest, pk: int) -> HttpResponse:
    _require_registrar(request.user)
    letter = selectors.get_letter_for_user(request.user, pk, write=True)
    submit_form(request, BorrowForm(request.POST), "บันทึกการยืมแล้ว",
            lambda data: keeping.borrowing_record(user=request.user, letter=letter, **data))  # fmt: skip
    return redirect("correspondence:letter_detail", pk=pk)


@login_required
@require_POST
def borrowing_return(request: HttpRequest, pk: int) -> HttpResponse:
    _require_registrar(request.user)
    borrowing = get_object_or_404(Borrowing, pk=pk)
    selectors.get_letter_for_user(request.user, borrowing.letter_id, write=True)
    submit_form(request, ReturnForm(request.POST), "บันทึกการคืนแล้ว",
            lambda data: keeping.borrowing_return(user=request.user, borrowing=borrowing, **data))  # fmt: skip
    return redirect("correspondence:keeping")
