"""Reads of annual plans and projects."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from core import thaidate
from core.roles import Role, has_role

from ..models import Activity, AnnualPlan, Phase, PhaseNote, Project
from ..services.plans import can_edit_plans

__all__ = [
    "PLAN_READERS", "can_read_plans", "current_fiscal_year", "get_plan_for_user", "get_project_for_user",
    "plan_overview", "plans_visible_to", "project_budget", "can_edit_plans",
]  # fmt: skip

PLAN_READERS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER, Role.CLERK)


def current_fiscal_year() -> int:
    return thaidate.fiscal_year(thaidate.today())


def can_read_plans(user) -> bool:  # noqa: ANN001
    return has_role(user, *PLAN_READERS)


def plans_visible_to(user) -> QuerySet[AnnualPlan]:  # noqa: ANN001
    return AnnualPlan.objects.all() if can_read_plans(user) else AnnualPlan.objects.none()


def get_plan_for_user(user, fiscal_year: int, *, write: bool = False) -> AnnualPlan:  # noqa: ANN001
    plan = get_object_or_404(plans_visible_to(user), fiscal_year=fiscal_year)
    if write and not can_edit_plans(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น")
    return plan


def get_project_for_user(user, pk: int, *, write: bool = False) -> Project:  # noqa: ANN001
    qs = Project.objects.filter(plan__in=plans_visible_to(user)).select_related("plan")
    project = get_object_or_404(qs, pk=pk)
    if write and not can_edit_plans(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูโครงการเท่านั้น")
    return project


def project_budget(project: Project) -> dict[str, Decimal]:
    """Totals per budget line of a project (activities must be prefetched or are queried)."""
    totals = {"compensation": Decimal(0), "operating": Decimal(0), "materials": Decimal(0)}
    for activity in project.activities.all():
        for key in totals:
            totals[key] += getattr(activity, key)
    totals["total"] = sum(totals.values(), Decimal(0))
    return totals


def plan_overview(plan: AnnualPlan) -> list[dict]:
    """Each project with its phase, activities by phase and budget: the plan page at a glance."""
    notes = PhaseNote.objects.select_related("created_by__profile").order_by("-created_at")
    projects = plan.projects.prefetch_related(
        Prefetch("activities", queryset=Activity.objects.prefetch_related("responsible_users__profile")),
        "indicators",
        Prefetch("phase_notes", queryset=notes),
    )
    rows = []
    for project in projects:
        activities = list(project.activities.all())
        by_phase = {p.value: sum(1 for a in activities if a.phase == p) for p in Phase}
        rows.append({
            "project": project, "activities": activities, "by_phase": by_phase,
            "budget": project_budget(project), "phase_index": [p.value for p in Phase].index(project.phase),
            "last_note": next(iter(project.phase_notes.all()), None),
        })  # fmt: skip
    return rows
