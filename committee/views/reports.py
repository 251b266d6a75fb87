from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import thaidate
from core.web import run_action, save_form

from .. import access, selectors, services
from ..forms import ReportForm


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    return render(request, "committee/report_list.html", {
        "reports": selectors.reports_visible_to(request.user), "can_write": access.can_write(request.user),
        "this_year": thaidate.fiscal_year(thaidate.today()),
    })  # fmt: skip


@login_required
@require_POST
def report_create(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    access.require_writer(request.user)
    year = thaidate.be_year(request.POST.get("fiscal_year"))
    if year is None:
        messages.error(request, "กรุณากรอกปีงบประมาณเป็นปี พ.ศ. เช่น 2569")
        return redirect("committee:report_list")
    report = services.report_get_or_create(user=request.user, fiscal_year=year)
    return redirect("committee:report_detail", pk=report.pk)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk, write=request.method == "POST")
    form = ReportForm(request.POST or None, instance=report)
    if save_form(request, form, lambda data: services.report_update(user=request.user, report=report, **data),
                 success="บันทึกเนื้อหารายงานแล้ว"):  # fmt: skip
        return redirect("committee:report_detail", pk=pk)
    return render(request, "committee/report_detail.html", {
        "report": report, "form": form, "can_write": access.can_write(request.user), "doc_params": {"report": report.pk},
    })  # fmt: skip


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk, write=True)
    publish = request.POST.get("publish") == "1"
    run_action(request, lambda: services.report_set_published(user=request.user, report=report, published=publish),
               "เผยแพร่รายงานแล้ว กรรมการอ่านได้" if publish else "ยกเลิกการเผยแพร่แล้ว")  # fmt: skip
    return redirect("committee:report_detail", pk=pk)
