"""Budget execution: planned, spent and remaining per activity and per project (fixed query count)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from core.roles import UserLike

from ..models import AnnualPlan, Project, Spending
from .plans import projects_visible_to

__all__ = ["budget_execution", "plan_spending_by_project", "spendings_visible_to"]

ZERO = Decimal("0.00")


def spendings_visible_to(user: UserLike) -> QuerySet[Spending]:
    return Spending.objects.filter(activity__project__in=projects_visible_to(user)).select_related(
        "activity__project", "recorded_by__profile"
    )


def budget_execution(project: Project) -> dict:
    """Each activity's planned / spent / remaining and whether it is over its own budget, and the totals."""
    money = DecimalField(max_digits=14, decimal_places=2)
    activities = project.activities.annotate(spent=Coalesce(Sum("spendings__amount"), Value(ZERO), output_field=money))
    rows = []
    for activity in activities:
        planned, spent = activity.budget_total, activity.spent
        rows.append({
            "activity": activity, "planned": planned, "spent": spent, "remaining": planned - spent,
            "over": spent > planned,
        })  # fmt: skip
    planned = sum((r["planned"] for r in rows), ZERO)
    spent = sum((r["spent"] for r in rows), ZERO)
    return {
        "rows": rows,
        "planned": planned,
        "spent": spent,
        "remaining": planned - spent,
        "over": spent > planned,
        "pooled": project.pooled_budget,
    }


def plan_spending_by_project(plan: AnnualPlan) -> dict[int, Decimal]:
    """Money spent per project of a plan, in one query."""
    rows = Spending.objects.filter(activity__project__plan=plan).values("activity__project_id")
    return {r["activity__project_id"]: r["s"] for r in rows.annotate(s=Sum("amount")).order_by()}
