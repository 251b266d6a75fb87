"""Visits and group events counted against plan activities: per activity, and per target school against
the activity's targets (ครั้ง/โรงเรียน/ปี overall, per visit type and per event type)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, QuerySet

from core import thaidate
from schools.models import School

from ..models import Activity, EventAttendance, EventStatus, Project, TargetScope, Visit
from ..models.visits import COUNTED_STATUSES

__all__ = ["activity_progress", "activity_schools", "project_visit_counts"]


def project_visit_counts(project: Project) -> dict[int, dict]:
    """Per activity of the project: visits that happened (a draft never counts) and schools reached; one query."""
    rows = (
        Visit.objects.filter(activity__project=project, status__in=COUNTED_STATUSES)
        .values("activity_id")
        .annotate(visits=Count("id"), schools=Count("school", distinct=True))
        .order_by()
    )
    return {r["activity_id"]: {"visits": r["visits"], "schools": r["schools"]} for r in rows}


def activity_schools(activity: Activity) -> QuerySet[School]:
    """The activity's target schools: all, one cluster, a school group of the plan, or the schools chosen."""
    qs = School.objects.filter(is_active=True)
    if activity.scope == TargetScope.CLUSTER and activity.scope_cluster_id:
        qs = qs.filter(cluster_id=activity.scope_cluster_id)
    elif activity.scope == TargetScope.GROUP and activity.scope_group_id:
        qs = qs.filter(school_groups=activity.scope_group_id)
    elif activity.scope == TargetScope.SCHOOLS:
        qs = qs.filter(pk__in=activity.scope_schools.values("pk"))
    return qs.select_related("cluster").order_by("cluster__name", "name")


def _counts(activity: Activity) -> tuple[dict, dict]:
    """(school, ("visit", type code) or ("event", type id)) → count, and school → total; two queries."""
    by_kind: dict[tuple, int] = {}
    totals: dict[int, int] = defaultdict(int)
    visits = (
        Visit.objects.filter(activity=activity, status__in=COUNTED_STATUSES)
        .values_list("school_id", "visit_type").annotate(n=Count("id")).order_by()
    )  # fmt: skip
    events = (
        EventAttendance.objects.filter(event__activity=activity, event__status=EventStatus.HELD)
        .values_list("school_id", "event__event_type_id").annotate(n=Count("event", distinct=True)).order_by()
    )  # fmt: skip
    for kind, rows in (("visit", visits), ("event", events)):
        for school_id, key, n in rows:
            by_kind[(school_id, kind, key)] = n
            totals[school_id] += n
    return by_kind, totals


def _row(school: School, targets: list, by_kind: dict, done: int, overall: int | None) -> dict:
    cells = []
    for t in targets:
        key = (school.pk, "visit", t.visit_type.code) if t.visit_type_id else (school.pk, "event", t.event_type_id)
        n = by_kind.get(key, 0)
        cells.append({"target": t, "done": n, "met": n >= t.per_school})
    has_target = bool(overall) or bool(targets)
    met = has_target and all(c["met"] for c in cells) and (not overall or done >= overall)
    return {"school": school, "done": done, "cells": cells, "met": met}


def activity_progress(activity: Activity) -> dict:
    """Each target school's visits and events under the activity against its targets, and who is still to go.
    A fixed number of queries however many schools, visits and events there are."""
    by_kind, totals = _counts(activity)
    targets = list(activity.targets.select_related("visit_type", "event_type"))
    overall = activity.visits_per_school_target
    rows = [_row(s, targets, by_kind, totals.get(s.pk, 0), overall) for s in activity_schools(activity)]
    return {
        "target": overall,
        "targets": targets,
        "rows": rows,
        "schools": len(rows),
        "visits": sum(totals[r["school"].pk] for r in rows if r["done"]),
        "reached": sum(1 for r in rows if r["done"]),
        "met": sum(1 for r in rows if r["met"]) if (overall or targets) else None,
        "not_reached": [r["school"] for r in rows if not r["done"]],
        "not_met": [r["school"] for r in rows if r["done"] and not r["met"]] if (overall or targets) else [],
        "months": [thaidate.THAI_MONTHS_ABBR[int(m) - 1] for m in activity.months.split(",") if m.strip().isdigit()],
    }
