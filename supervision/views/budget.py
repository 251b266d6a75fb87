"""Activity pages: the schools an activity has reached, and its spending entries (supervisors and the director)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action, save_form

from .. import access, selectors, services
from ..forms import SpendingForm


@login_required
def activity_spending(request: HttpRequest, pk: int) -> HttpResponse:
    """The activity's planned, spent and remaining money, its entries, and (for editors) the entry form."""
    activity = access.get_activity_for_user(request.user, pk, write=request.method == "POST")
    can_edit = access.can_edit_plans(request.user)
    form = SpendingForm(request.POST or None, initial={"category": "operating"}) if can_edit else None

    def action(data: dict) -> object:
        return services.spending_record(user=request.user, activity=activity, **data)

    if form is not None and save_form(request, form, action, success="บันทึกรายการเบิกจ่ายแล้ว"):
        return redirect("supervision:activity_spending", pk=activity.pk)
    execution = selectors.budget_execution(activity.project)
    row = next(r for r in execution["rows"] if r["activity"].pk == activity.pk)
    return render(request, "supervision/activity_spending.html", {
        "activity": activity, "project": activity.project, "row": row, "execution": execution, "form": form,
        "spendings": activity.spendings.select_related("recorded_by__profile"), "can_edit": can_edit,
    })  # fmt: skip


@login_required
@require_POST
def spending_delete(request: HttpRequest, pk: int) -> HttpResponse:
    spending = access.get_spending_for_user(request.user, pk, write=True)
    activity_pk = spending.activity_id
    run_action(request, lambda: services.spending_delete(user=request.user, spending=spending), "ลบรายการเบิกจ่ายแล้ว")
    return redirect("supervision:activity_spending", pk=activity_pk)


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Which schools the activity has reached, each against its target (ครั้ง/โรงเรียน/ปี), and who is still to go."""
    activity = access.get_activity_for_user(request.user, pk)
    return render(request, "supervision/activity_detail.html", {
        "activity": activity, "project": activity.project, "progress": selectors.activity_progress(activity),
        "can_edit": access.can_edit_plans(request.user),
    })  # fmt: skip
