from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import save_form, submit_form

from .. import access, selectors, services
from ..forms import FollowUpForm, ResolutionForm, ResolutionUpdateForm
from ..models import UNFINISHED, ResolutionStatus


@login_required
def resolution_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
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
    item = access.get_item_for_user(request.user, pk, write=True)
    submit_form(request, ResolutionForm(request.POST), f"เพิ่มมติที่ต้องติดตามของเรื่อง {item.number} แล้ว",
                lambda data: services.resolution_add(user=request.user, item=item, **data))  # fmt: skip
    return redirect("committee:minutes", pk=item.meeting_id)


@login_required
def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, pk, write=request.method == "POST")
    form = ResolutionUpdateForm(request.POST or None, initial={
        "responsible": resolution.responsible, "due_date": resolution.due_date, "status": resolution.status,
    })  # fmt: skip
    if save_form(request, form, lambda data: services.resolution_update(user=request.user, resolution=resolution, **data),
                 success="บันทึกแล้ว"):  # fmt: skip
        return redirect("committee:resolution_detail", pk=pk)
    return render(request, "committee/resolution_detail.html", {
        "resolution": resolution, "form": form, "followup_form": FollowUpForm(),
        "can_write": access.can_write(request.user),
    })  # fmt: skip


@login_required
@require_POST
def followup_add(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, pk, write=True)
    submit_form(request, FollowUpForm(request.POST), "บันทึกผลการติดตามแล้ว",
                lambda data: services.followup_add(user=request.user, resolution=resolution, **data))  # fmt: skip
    return redirect("committee:resolution_detail", pk=pk)
