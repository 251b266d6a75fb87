"""The executive's key figures of the fiscal year on the home page (core.panels FIGURE panels)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from core.panels import FIGURE
from core.roles import Role, has_role

from . import access, home, selectors

# Who sees the figures on their home page: those who steer rather than visit (the director and the
# supervisors have the dashboard one click away and their own work first).
FIGURE_ROLES = (Role.EXECUTIVE, Role.ADMIN, Role.MEMBER)


def shows_figures(user: object) -> bool:
    return access.can_read_dashboards(user) and has_role(user, *FIGURE_ROLES) and not access.can_create_visits(user)


def coverage_figure(request: HttpRequest) -> dict | None:
    """สถานศึกษาที่ได้รับการนิเทศ: schools visited at least once this fiscal year."""
    if not shows_figures(request.user):
        return None
    year = selectors.current_fiscal_year()
    cov = selectors.coverage_totals(year)
    return {
        "kind": FIGURE, "name": "coverage", "fiscal_year": year, "label": "สถานศึกษาที่ได้รับการนิเทศ",
        "percent": home.percent(cov["visited"], cov["schools"]), "target": 100,
        "detail": f"นิเทศแล้ว {cov['visited']} จาก {cov['schools']} แห่ง ({cov['visits']} ครั้ง)",
        "url": reverse("supervision:dashboard"),
    }  # fmt: skip


def satisfaction_figure(request: HttpRequest) -> dict | None:
    """ความพึงพอใจ: schools satisfied (mean above the threshold) against the plan's target."""
    if not shows_figures(request.user):
        return None
    year = selectors.current_fiscal_year()
    sat = selectors.satisfaction(year)
    return {
        "kind": FIGURE, "name": "satisfaction", "fiscal_year": year, "label": "สถานศึกษาที่พึงพอใจการนิเทศ",
        "percent": sat["satisfied_percent"], "target": sat["target_percent"],
        "detail": f"พึงพอใจ {sat['satisfied_schools']} จาก {sat['schools']} แห่งที่ตอบแบบสอบถาม",
        "url": reverse("supervision:dashboard"),
    }  # fmt: skip


def budget_figure(request: HttpRequest) -> dict | None:
    """งบประมาณ: money spent against the plan's budget, with planned vs spent per project."""
    if not shows_figures(request.user):
        return None
    year = selectors.current_fiscal_year()
    b = home.budget_series(year)
    return {
        "kind": FIGURE, "name": "budget", "fiscal_year": year, "label": "การใช้งบประมาณตามแผน",
        "percent": home.percent(b["spent_total"], b["planned_total"]), "target": None,
        "detail": f"ใช้แล้ว {b['spent_total']:,.2f} จาก {b['planned_total']:,.2f} บาท",
        "url": reverse("supervision:plan_current"), "series": _budget_series(b) if b["labels"] else None,
    }  # fmt: skip


def _budget_series(b: dict) -> dict:
    rows = zip(b["labels"], b["planned"], b["spent"], strict=True)
    pairs = "; ".join(f"{name}: แผน {planned:,.2f} ใช้ {spent:,.2f} บาท" for name, planned, spent in rows)
    return {
        "title": "งบประมาณตามแผนกับที่ใช้จริง รายโครงการ (บาท)",
        "summary": f"แผนภูมิแท่ง งบประมาณรายโครงการ: {pairs}",
        "labels": b["labels"],
        "datasets": [
            {"label": "ตามแผน", "data": [str(v) for v in b["planned"]], "colour": "#adb5bd"},
            {"label": "ใช้จริง", "data": [str(v) for v in b["spent"]], "colour": "#0d6efd"},
        ],
    }
