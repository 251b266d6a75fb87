from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import tabular
from core.web import flash_errors, save_form

from .. import access, plan_feed, services
from ..exports import synthesis_rows
from ..forms import PlanFeedForm
from .common import year_choices, year_from


def _chart(data) -> dict:  # noqa: ANN001
    return {
        # Whole names: static/js/charts.js wraps them at Thai word boundaries (a cut could drop a mark).
        "labels": [
            f"{'ปฐมวัย ' if s.standard.standard_set.education_level == 'early' else ''}{s.standard.code} {s.standard.name}"
            for s in data.standards
        ],
        "datasets": [
            {"label": level.label, "data": [s.overall.counts[i] for s in data.standards]}
            for i, level in enumerate(data.levels)
        ],
    }


@login_required
def synthesis(request: HttpRequest) -> HttpResponse:
    year = year_from(request)
    data = access.get_synthesis_for_user(request.user, year)
    by = request.GET.get("by") if request.GET.get("by") in ("cluster", "size") else "cluster"
    context = {
        "data": data, "year": year, "years": year_choices(year), "by": by, "chart": _chart(data),
        "can_feed_plan": access.can_feed_plan(request.user), "fiscal_year": plan_feed.next_fiscal_year(year),
        "pdf_params": {"year": year},
    }  # fmt: skip
    return render(request, "qa/synthesis.html", context)


@login_required
def synthesis_export(request: HttpRequest, year: str) -> HttpResponse:
    access.require_reader(request.user)
    headers, rows = synthesis_rows(int(year))
    content = tabular.write_xlsx(headers, rows, title=f"SAR {year}", text_columns=[0])
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = tabular.attachment_disposition(
        f"สังเคราะห์ SAR ปีการศึกษา {year}.xlsx", fallback=f"sar-synthesis-{year}.xlsx"
    )
    return response


@login_required
@require_POST
def synthesis_to_plan(request: HttpRequest, year: int) -> HttpResponse:
    access.require_plan_feeder(request.user)
    form = PlanFeedForm(request.POST)
    fed = save_form(
        request, form,
        lambda data: services.synthesis_to_plan(user=request.user, academic_year=year, fiscal_year=data["fiscal_year"]),
        success="ส่งจุดเน้นเข้าแผนนิเทศ ปีงบประมาณ {0.plan.fiscal_year} แล้ว {0.added} รายการ (รายการที่มีอยู่แล้วไม่เพิ่มซ้ำ)",
    )  # fmt: skip
    if fed is None:
        flash_errors(request, form)  # the page with the form is the synthesis: its errors become messages
    return redirect(f"{reverse('qa:synthesis')}?year={year}")
