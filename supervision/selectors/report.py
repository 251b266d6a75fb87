"""Figures for the committee's annual report and the supervisor's fiscal-year summary."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.db.models import Prefetch

from ..models import Activity, AnnualPlan, Visit, VisitType
from ..models.visits import COUNTED_STATUSES, FINAL_STATUSES
from .budget import plan_spending_by_project
from .coverage import coverage, satisfaction, visits_per_month
from .indicators import project_indicator_values
from .plans import project_budget

__all__ = ["annual_report_data", "supervisor_summary"]


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


def annual_report_data(fiscal_year: int) -> dict:
    """Projects, coverage, findings (approved visits) and satisfaction of a BE fiscal year."""
    plan = AnnualPlan.objects.filter(fiscal_year=fiscal_year).first()
    projects = []
    if plan:
        spent = plan_spending_by_project(plan)
        for project in plan.projects.prefetch_related(
            Prefetch("activities", queryset=Activity.objects.all()), "indicators"
        ):
            planned = project_budget(project)["total"]
            projects.append({
                "name": project.name, "phase": project.get_phase_display(), "phase_code": project.phase,
                "budget_total": planned, "budget_spent": spent.get(project.pk, Decimal("0.00")),
                "budget_remaining": planned - spent.get(project.pk, Decimal("0.00")),
                "indicators": [{"name": v.indicator.name, "target": v.indicator.target, "result": v.typed or v.computed}
                               for v in project_indicator_values(project)],
            })  # fmt: skip
    cov = coverage(fiscal_year)
    findings: dict[int, dict] = {}
    approved = (
        Visit.objects.filter(fiscal_year=fiscal_year, status__in=FINAL_STATUSES)
        .select_related("school__cluster")
        .order_by("school__name", "date", "id")
    )
    for visit in approved:
        row = findings.setdefault(visit.school_id, {
            "school": visit.school.name, "cluster": visit.school.cluster.name if visit.school.cluster else "",
            "strengths": [], "to_develop": [],
        })  # fmt: skip
        row["strengths"] += [s for s in _lines(visit.strengths) if s not in row["strengths"]]
        row["to_develop"] += [s for s in _lines(visit.to_develop) if s not in row["to_develop"]]
    sat = satisfaction(fiscal_year)
    return {
        "projects": projects,
        "coverage": {key: cov[key] for key in ("schools", "visited", "visits", "target_per_school", "by_cluster")},
        "findings": list(findings.values()),
        "satisfaction": {
            key: sat[key] for key in ("answers", "satisfied_percent", "target_percent", "schools", "satisfied_schools")
        },
    }


def supervisor_summary(user, fiscal_year: int) -> dict:  # noqa: ANN001
    """A supervisor's year: visits by type and month, schools reached, and each visit in order."""
    visits = list(
        Visit.objects.filter(fiscal_year=fiscal_year, status__in=COUNTED_STATUSES, team=user)
        .select_related("school__cluster", "tool")
        .prefetch_related("teachers")
        .distinct()
        .order_by("date", "id")
    )
    by_type = Counter(v.visit_type for v in visits)
    month_qs = Visit.objects.filter(pk__in=[v.pk for v in visits])
    return {
        "visits": visits,
        "by_type": [(t.name, by_type.get(t.code, 0)) for t in VisitType.objects.all()],
        "per_month": visits_per_month(month_qs),
        "schools": len({v.school_id for v in visits}),
        "teachers": sum(len(v.teachers.all()) for v in visits),
        "coverage": coverage(fiscal_year, supervisor=user),
    }
