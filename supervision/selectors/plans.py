"""Reads of annual plans and projects."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from core import thaidate
from core.roles import UserLike

from .. import access
from ..models import Activity, AnnualPlan, Phase, PhaseNote, Project, SchoolGroup

__all__ = [
    "activities_visible_to", "current_fiscal_year", "phase_notes_visible_to", "plan_overview", "plans_visible_to",
    "project_budget", "projects_visible_to", "school_groups_visible_to",
]  # fmt: skip


def current_fiscal_year() -> int:
    return thaidate.fiscal_year(thaidate.today())


def plans_visible_to(user: UserLike) -> QuerySet[AnnualPlan]:
    return AnnualPlan.objects.all() if access.can_read_plans(user) else AnnualPlan.objects.none()


def projects_visible_to(user: UserLike) -> QuerySet[Project]:
    return Project.objects.filter(plan__in=plans_visible_to(user)).select_related("plan")


def activities_visible_to(user: UserLike) -> QuerySet[Activity]:
    return Activity.objects.filter(project__in=projects_visible_to(user)).select_related("project__plan")


def phase_notes_visible_to(user: UserLike) -> QuerySet[PhaseNote]:
    return PhaseNote.objects.filter(project__in=projects_visible_to(user)).select_related("project")


def school_groups_visible_to(user: UserLike) -> QuerySet[SchoolGroup]:
    return SchoolGroup.objects.filter(plan__in=plans_visible_to(user)).select_related("plan")


def project_budget(project: Project) -> dict[str, Decimal]:
    """Totals per budget line of a project and its planned total (an activity given as a total only
    counts in "total"); activities must be prefetched or are queried."""
    totals = {"compensation": Decimal(0), "operating": Decimal(0), "materials": Decimal(0)}
    for activity in project.activities.all():
        for key in totals:
            totals[key] += getattr(activity, key)
    totals["total"] = sum((a.budget_total for a in project.activities.all()), Decimal(0))
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
