"""Keeping pages: borrowing record (แบบที่ 24) and the yearly destruction list (แบบที่ 25)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import thaidate

from .. import access, keeping, selectors
from ..forms import BorrowForm, RangeForm, ReturnForm
from ..models import Borrowing


def _require_registrar(user: object) -> None:
    if not access.can_register(user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณ")


@login_required
def keeping_index(request: HttpRequest) -> HttpResponse:
    _require_registrar(request.user)
    year = thaidate.calendar_year_be(thaidate.today()) - 1
    if request.GET.get("year", "").isdigit():
        year = int(request.GET["year"])
    visible = selectors.letters_visible_to(request.user)
    borrowings = Borrowing.objects.filter(letter__in=visible.values("pk")).select_related("letter__register")[:200]
    context = {
        "borrowings": borrowings, "year": year, "return_form": ReturnForm(), "range_form": RangeForm(),
        "candidates": keeping.destruction_candidates(visible, year)[:500],
        "destruction_params": {"year": year}, "today": thaidate.today(),
    }  # fmt: skip
    return render(request, "correspondence/keeping.html", context)


@login_required
@require_POST
def borrowing_create(request: HttpRequest, pk: int) -> HttpResponse:
    _require_registrar(request.user)
    letter = selectors.get_letter_for_user(request.user, pk, write=True)
    form = BorrowForm(request.POST)
    if form.is_valid():
        try:
            keeping.borrowing_record(user=request.user, letter=letter, **form.cleaned_data)
            messages.success(request, "บันทึกการยืมแล้ว")
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
    else:
        for errors in form.errors.values():
            for msg in errors:
                messages.error(request, msg)
    return redirect("correspondence:letter_detail", pk=pk)


@login_required
@require_POST
def borrowing_return(request: HttpRequest, pk: int) -> HttpResponse:
    _require_registrar(request.user)
    borrowing = get_object_or_404(Borrowing, pk=pk)
    selectors.get_letter_for_user(request.user, borrowing.letter_id, write=True)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            keeping.borrowing_return(user=request.user, borrowing=borrowing, **form.cleaned_data)
            messages.success(request, "บันทึกการคืนแล้ว")
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
    else:
        for errors in form.errors.values():
            for msg in errors:
                messages.error(request, msg)
    return redirect("correspondence:keeping")
