"""Visits counted against plan activities: per activity, and per school against the activity's target."""

from __future__ import annotations

from django.db.models import Count

from schools.models import School

from ..models import Activity, Project, Visit
from ..models.visits import COUNTED_STATUSES

__all__ = ["activity_progress", "project_visit_counts"]


def project_visit_counts(project: Project) -> dict[int, dict]:
    """Per activity of the project: visits that happened (a draft never counts) and schools reached; one query."""
    rows = (
        Visit.objects.filter(activity__project=project, status__in=COUNTED_STATUSES)
        .values("activity_id")
        .annotate(visits=Count("id"), schools=Count("school", distinct=True))
        .order_by()
    )
    return {r["activity_id"]: {"visits": r["visits"], "schools": r["schools"]} for r in rows}


def activity_progress(activity: Activity) -> dict:
    """Each active school's visits under the activity against its target, and who has not been reached yet."""
    counts = dict(
        Visit.objects.filter(activity=activity, status__in=COUNTED_STATUSES)
        .values_list("school_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    target = activity.visits_per_school_target
    schools = list(School.objects.filter(is_active=True).select_related("cluster").order_by("cluster__name", "name"))
    rows = [{"school": s, "done": counts.get(s.pk, 0), "met": bool(target) and counts.get(s.pk, 0) >= target}
            for s in schools]  # fmt: skip
    return {
        "target": target,
        "rows": rows,
        "schools": len(rows),
        "visits": sum(counts.values()),
        "reached": sum(1 for r in rows if r["done"]),
        "met": sum(1 for r in rows if r["met"]) if target else None,
        "not_reached": [r["school"] for r in rows if not r["done"]],
    }
