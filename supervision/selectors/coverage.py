"""Coverage and dashboard figures for a fiscal year; each function runs a fixed number of queries."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth

from core.roles import Role, UserLike
from schools.models import Cluster, School

from ..models import SATISFIED_MEAN, Activity, AnnualPlan, ItemScoreTally, SurveyAnswer, Visit, VisitScore
from ..models.visits import COUNTED_STATUSES
from .events import counted_attendance, event_school_counts

__all__ = [
    "counted_visits", "coverage", "coverage_totals", "fiscal_months", "satisfaction",
    "scores_by_item", "scores_by_learning_area", "supervisor_rows", "visits_per_month",
]  # fmt: skip

FISCAL_MONTH_ORDER = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
User = get_user_model()


def counted_visits(
    fiscal_year: int, *, supervisor: UserLike | None = None, cluster: Cluster | None = None,
    activity: Activity | None = None, visit_type: str = "",
) -> QuerySet[Visit]:  # fmt: skip
    """Visits that happened in the year (every status but draft), optionally of one supervisor/cluster,
    plan activity or visit type (code)."""
    qs = Visit.objects.filter(fiscal_year=fiscal_year, status__in=COUNTED_STATUSES)
    if activity is not None:
        qs = qs.filter(activity=activity)
    if visit_type:
        qs = qs.filter(visit_type=visit_type)
    if supervisor is not None:
        qs = qs.filter(pk__in=Visit.objects.filter(Q(team=supervisor) | Q(created_by=supervisor)).values("pk"))
    if cluster is not None:
        qs = qs.filter(school__cluster=cluster)
    return qs


def _schools(*, supervisor=None, cluster: Cluster | None = None) -> QuerySet[School]:  # noqa: ANN001
    qs = School.objects.filter(is_active=True).select_related("cluster")
    if supervisor is not None:
        qs = qs.filter(cluster__responsible_supervisors=supervisor)
    if cluster is not None:
        qs = qs.filter(cluster=cluster)
    # what coverage's readers show of a school (its page, name, cluster, place): 300 full rows cost more
    return qs.only("id", "name", "latitude", "longitude", "cluster_id", "cluster__name").order_by("name")


def coverage(
    fiscal_year: int, *, supervisor: UserLike | None = None, cluster: Cluster | None = None,
    activity: Activity | None = None, visit_type: str = "",
) -> dict:  # fmt: skip
    """Schools visited / not yet visited, visits, target per school, per cluster and per target group.

    With a supervisor, "schools" are those of the clusters they are responsible for and visits
    are the ones they took part in. Held group events count once per attending school when their
    type counts toward coverage (not when one visit type is asked for)."""
    plan = AnnualPlan.objects.filter(fiscal_year=fiscal_year).first()
    target = plan.visits_per_school_target if plan else None
    scope = {"supervisor": supervisor, "cluster": cluster, "activity": activity}
    per_school = _visits_per_school(fiscal_year, visit_type=visit_type, **scope)
    schools = list(_schools(supervisor=supervisor, cluster=cluster))
    clusters: dict[str, dict] = {}
    for school in schools:
        school.visit_count = per_school.get(school.pk, 0)
        name = school.cluster.name if school.cluster else "ไม่ระบุกลุ่ม"
        row = clusters.setdefault(name, {"cluster": name, "schools": 0, "visited": 0, "visits": 0})
        row["schools"] += 1
        row["visited"] += 1 if school.visit_count else 0
        row["visits"] += school.visit_count
    return {
        "schools": len(schools),
        "visited": sum(1 for s in schools if s.visit_count),
        "visits": sum(s.visit_count for s in schools),
        "target_per_school": target,
        "met_target": sum(1 for s in schools if target and s.visit_count >= target) if target else None,
        "not_visited": [s for s in schools if not s.visit_count],
        "school_rows": schools,
        "by_cluster": sorted(clusters.values(), key=lambda r: r["cluster"]),
        "groups": _group_rows(plan, per_school),
        "plan": plan,
    }


def _visits_per_school(fiscal_year: int, *, visit_type: str = "", **scope: object) -> dict[int, int]:
    """School id → counted visits, plus attended group events when no one visit type is asked for."""
    visits = counted_visits(fiscal_year, visit_type=visit_type, **scope)
    per_school = dict(visits.values_list("school_id").annotate(n=Count("id")).order_by())
    if not visit_type:
        for school_id, n in event_school_counts(counted_attendance(fiscal_year, **scope)).items():
            per_school[school_id] = per_school.get(school_id, 0) + n
    return per_school


def coverage_totals(fiscal_year: int) -> dict:
    """The office-wide headline of coverage() (schools, visited, visits) without loading every school."""
    per_school = _visits_per_school(fiscal_year)
    counts = [per_school.get(pk, 0) for pk in School.objects.filter(is_active=True).values_list("pk", flat=True)]
    return {"schools": len(counts), "visited": sum(1 for n in counts if n), "visits": sum(counts)}


def _group_rows(plan: AnnualPlan | None, per_school: dict[int, int]) -> list[dict]:
    if plan is None:
        return []
    rows = []
    for group in plan.school_groups.prefetch_related("schools"):
        counts = [per_school.get(s.pk, 0) for s in group.schools.all()]
        rows.append({
            "name": group.name, "color": group.color, "schools": len(counts), "target": group.visits_per_school_target,
            "visited": sum(1 for n in counts if n), "visits": sum(counts),
            "met": sum(1 for n in counts if n >= group.visits_per_school_target),
        })  # fmt: skip
    return rows


def fiscal_months() -> list[int]:
    return list(FISCAL_MONTH_ORDER)


def visits_per_month(visits: QuerySet[Visit]) -> list[int]:
    """Counts for October … September of the fiscal year."""
    by_month = dict(visits.annotate(m=ExtractMonth("date")).values_list("m").annotate(n=Count("id")).order_by())
    return [by_month.get(m, 0) for m in FISCAL_MONTH_ORDER]


def scores_by_item(visits: QuerySet[Visit], tool_id: int, *, fiscal_year: int | None = None) -> list[dict]:
    """Mean score per item of the tool. Given `fiscal_year` (the whole year's counted visits, no other
    scope), read from the year's ItemScoreTally rows that the services keep; else aggregate the scores."""
    if fiscal_year is not None:
        rows = (
            ItemScoreTally.objects.filter(fiscal_year=fiscal_year, item__section__tool_id=tool_id, count__gt=0)
            .values("item_id", "item__text", "item__section__order", "item__order")
            .annotate(total_sum=Sum("total"), n=Sum("count"))
            .order_by("item__section__order", "item__order")
        )
        return [{"item": r["item__text"], "average": round(r["total_sum"] / r["n"], 2), "n": r["n"]} for r in rows]
    rows = (
        VisitScore.objects.filter(visit__in=visits, item__section__tool_id=tool_id, value__isnull=False)
        .values("item_id", "item__text", "item__section__order", "item__order")
        .annotate(avg=Avg("value"), n=Count("id"))
        .order_by("item__section__order", "item__order")
    )
    return [{"item": r["item__text"], "average": round(float(r["avg"]), 2), "n": r["n"]} for r in rows]


def scores_by_learning_area(visits: QuerySet[Visit], tool_id: int) -> list[dict]:
    """Mean item score per learning area of the observed teachers (a visit counts for each area observed,
    once per teacher of that area), from each visit's score sum and count (Visit.score_total/score_count)."""
    rows = (
        visits.filter(tool_id=tool_id, score_count__gt=0, teachers__learning_area__isnull=False)
        .values("teachers__learning_area__name", "teachers__learning_area__order")
        .annotate(total_sum=Sum("score_total"), n_scores=Sum("score_count"), n=Count("id", distinct=True))
        .order_by("teachers__learning_area__order")
    )
    return [{"area": r["teachers__learning_area__name"], "average": round(r["total_sum"] / r["n_scores"], 2),
             "visits": r["n"]} for r in rows]  # fmt: skip


def supervisor_rows(fiscal_year: int) -> list[dict]:
    """Per supervisor: visits taken part in, responsible schools, and how many of those were visited."""
    supervisors = list(
        User.objects.filter(groups__name__in=[Role.SUPERVISOR, Role.DIRECTOR], is_active=True)
        .select_related("profile")
        .distinct()
        .order_by("first_name")
    )
    visits = counted_visits(fiscal_year)
    team_counts = dict(visits.values_list("team").annotate(n=Count("id")).order_by())  # a member is on a team once
    visited_ids = set(visits.order_by().values_list("school_id", flat=True).distinct())
    responsible: dict[int, set[int]] = {}
    links = School.objects.filter(is_active=True).values_list("cluster__responsible_supervisors", "id")
    for user_id, school_id in links:
        if user_id:
            responsible.setdefault(user_id, set()).add(school_id)
    return [{
        "user": u, "visits": team_counts.get(u.pk, 0), "schools": len(responsible.get(u.pk, ())),
        "visited": len(responsible.get(u.pk, set()) & visited_ids),
    } for u in supervisors]  # fmt: skip


_READ = object()  # satisfaction(plan=…) not given: read the year's plan


def satisfaction(fiscal_year: int, *, plan: AnnualPlan | None | object = _READ) -> dict:
    """Satisfied schools against the plan's target: a school counts once, by the mean of its answers'
    means (satisfied above SATISFIED_MEAN, ระดับมากขึ้นไป); the answers themselves are shown apart.
    A caller that has already read the year's plan (coverage()["plan"]) passes it."""
    if plan is _READ:
        plan = AnnualPlan.objects.filter(fiscal_year=fiscal_year).first()
    answers = SurveyAnswer.objects.filter(invitation__visit__fiscal_year=fiscal_year)
    totals = answers.aggregate(n=Count("id"), satisfied=Count("id", filter=Q(satisfied=True)))
    means = answers.values("invitation__visit__school_id").annotate(m=Avg("mean")).order_by()
    school_means = [Decimal(str(row["m"])) for row in means]
    schools = len(school_means)
    satisfied = sum(1 for m in school_means if m > Decimal(str(SATISFIED_MEAN)))
    percent = round(100 * satisfied / schools, 2) if schools else None
    target = float(plan.satisfaction_target_percent) if plan else None
    return {
        "schools": schools,
        "satisfied_schools": satisfied,
        "satisfied_percent": percent,
        "answers": totals["n"],
        "satisfied": totals["satisfied"],
        "answers_satisfied_percent": round(100 * totals["satisfied"] / totals["n"], 2) if totals["n"] else None,
        "target_percent": target,
        "met": percent is not None and target is not None and percent >= target,
    }
