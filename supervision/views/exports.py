"""Excel export of visits (the filters of the visit list apply)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core import tabular, thaidate
from core.models import display_name

from .. import access, selectors
from ..models import Visit

VISIT_HEADERS = [
    "วันที่", "ปีงบประมาณ", "รหัสสถานศึกษา", "สถานศึกษา", "กลุ่มโรงเรียน", "ประเภทการนิเทศ", "ผู้บันทึก",
    "คณะผู้นิเทศ", "เครื่องมือ", "คะแนนเฉลี่ย", "ครูผู้รับการนิเทศ", "จุดเด่น", "จุดที่ควรพัฒนา", "ข้อเสนอแนะ", "สถานะ",
]  # fmt: skip


def visit_rows(visits: Iterable[Visit]) -> list[list]:
    rows = []
    for v in visits:
        rows.append([
            v.date, v.fiscal_year, v.school.code, v.school.name,
            v.school.cluster.name if v.school.cluster else "", v.get_visit_type_display(), display_name(v.created_by),
            ", ".join(display_name(u) for u in v.team.all()), v.tool.name if v.tool else "",
            round(v.score_total / v.score_count, 2) if v.score_count else "",  # the sums score_tally keeps
            ", ".join(t.name for t in v.teachers.all()), v.strengths, v.to_develop, v.recommendations,
            v.get_status_display(),
        ])  # fmt: skip
    return rows


@login_required
def visit_export(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    qs, year = selectors.visits_filtered(request.user, request.GET, default_year=selectors.current_fiscal_year())
    qs = qs.prefetch_related("team__profile", "teachers").order_by("date", "id")
    body = tabular.write_xlsx(VISIT_HEADERS, visit_rows(qs), title=f"การนิเทศ {year}", text_columns=[2])
    return tabular.download_response(
        body, f"การนิเทศ ปีงบประมาณ {year} ณ {thaidate.format_numeric(thaidate.today())}.xlsx",
        fallback=f"visits-{year}-{timezone.localdate():%Y%m%d}.xlsx",
    )  # fmt: skip
