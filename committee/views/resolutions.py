from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action, submit_form

from .. import selectors, services
from ..forms import FollowUpForm, ResolutionForm, ResolutionUpdateForm
from ..models import UNFINISHED, ResolutionStatus
from ._common import require_reader, try_service


@login_required
def resolution_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    status = request.GET.get("status", "open")
    qs = selectors.resolutions_visible_to(request.user)
    if status == "open":
        qs = qs.filter(status__in=UNFINISHED)
    elif status in ResolutionStatus.values:
        qs = qs.filter(status=status)
    return render(request, "committee/resolution_list.html", {
        "resolutions": qs, "status": status, "statuses": ResolutionStatus.choices,
    })  # fmt: skip


@login_required
@require_POST
def resolution_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_item_for_user(request.user, pk, write=True)
    form = ResolutionForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: services.resolution_add(user=request.user, item=item, **form.cleaned_data),
                   f"เพิ่มมติที่ต้องติดตามของเรื่อง {item.number} แล้ว")  # fmt: skip
    else:
        messages.error(request, "ข้อมูลมติไม่ถูกต้อง: " + " ".join(str(e) for e in form.errors.values()))
    return redirect("committee:minutes", pk=item.meeting_id)


@login_required
def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = selectors.get_resolution_for_user(request.user, pk)
    form = ResolutionUpdateForm(request.POST or None, initial={
        "responsible": resolution.responsible, "due_date": resolution.due_date, "status": resolution.status,
    })  # fmt: skip
    if request.method == "POST":
        resolution = selectors.get_resolution_for_user(request.user, pk, write=True)
        if form.is_valid() and try_service(form, lambda: services.resolution_update(
            user=request.user, resolution=resolution, **form.cleaned_data
        )):  # fmt: skip
            messages.success(request, "บันทึกแล้ว")
            return redirect("committee:resolution_detail", pk=pk)
    return render(request, "committee/resolution_detail.html", {
        "resolution": resolution, "form": form, "followup_form": FollowUpForm(),
        "can_write": services.can_write(request.user),
    })  # fmt: skip


@login_required
@require_POST
def followup_add(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = selectors.get_resolution_for_user(request.user, pk, write=True)
    submit_form(request, FollowUpForm(request.POST), "บันทึกผลการติดตามแล้ว",
                lambda data: services.followup_add(user=request.user, resolution=resolution, **data))  # fmt: skip
    return redirect("committee:resolution_detail", pk=pk)
