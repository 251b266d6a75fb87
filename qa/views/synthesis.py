from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import tabular
from core.roles import has_role
from core.web import flash_errors

from .. import plan_feed, selectors
from ..exports import synthesis_rows
from ..synthesis import build
from .common import year_choices, year_from


def _require_reader(user) -> None:  # noqa: ANN001
    if not has_role(user, *selectors.READERS):
        raise PermissionDenied("ผลการสังเคราะห์สำหรับบุคลากรของสำนักงานและคณะกรรมการ")


def _chart(data) -> dict:  # noqa: ANN001
    return {
        "labels": [
            f"{'ปฐมวัย ' if s.standard.standard_set.education_level == 'early' else ''}{s.standard.code} {s.standard.name}"[
                :60
            ]
            for s in data.standards
        ],
        "datasets": [
            {"label": level.label, "data": [s.overall.counts[i] for s in data.standards]}
            for i, level in enumerate(data.levels)
        ],
    }


@login_required
def synthesis(request: HttpRequest) -> HttpResponse:
    _require_reader(request.user)
    year = year_from(request)
    by = request.GET.get("by") if request.GET.get("by") in ("cluster", "size") else "cluster"
    data = build(year)
    context = {
        "data": data, "year": year, "years": year_choices(year), "by": by, "chart": _chart(data),
        "can_feed_plan": plan_feed.can_feed_plan(request.user), "fiscal_year": plan_feed.next_fiscal_year(year),
        "pdf_params": {"year": year},
    }  # fmt: skip
    return render(request, "qa/synthesis.html", context)


@login_required
def synthesis_export(request: HttpRequest, year: str) -> HttpResponse:
    _require_reader(request.user)
    headers, rows = synthesis_rows(int(year))
    content = tabular.write_xlsx(headers, rows, title=f"SAR {year}", text_columns=[0])
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="sar-synthesis-{year}.xlsx"'
    return response


@require_POST
@login_required
def synthesis_to_plan(request: HttpRequest, year: int) -> HttpResponse:
    if not plan_feed.can_feed_plan(request.user):
        raise PermissionDenied("เฉพาะผู้อำนวยการกลุ่มและศึกษานิเทศก์ส่งผลการสังเคราะห์เข้าแผนนิเทศได้")
    fiscal = request.POST.get("fiscal_year", "")
    try:
        plan, added = plan_feed.synthesis_to_plan(
            user=request.user, academic_year=year, fiscal_year=int(fiscal) if fiscal.isdigit() else None
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(
            request, f"ส่งจุดเน้นเข้าแผนนิเทศ ปีงบประมาณ {plan.fiscal_year} แล้ว {added} รายการ (รายการที่มีอยู่แล้วไม่เพิ่มซ้ำ)"
        )
    return redirect(f"{reverse('qa:synthesis')}?year={year}")
