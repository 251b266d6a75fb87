"""Dashboard: coverage by supervisor, cluster and school, charts, map and satisfaction."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import json_script
from django.utils.safestring import SafeString

from core import pagecache, thaidate
from schools.models import Cluster

from .. import access, selectors
from ..defaults import CLASSROOM
from ..models import Activity, Tool
from ..models.types import visit_type_choices

User = get_user_model()


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def dashboard_context(
    *, year: int, cluster_id: int | None, supervisor_id: int | None, tool_id: int | None,
    activity_id: int | None = None, visit_type: str = "",
) -> dict:  # fmt: skip
    cluster = Cluster.objects.filter(pk=cluster_id).first() if cluster_id else None
    supervisor = User.objects.filter(pk=supervisor_id).first() if supervisor_id else None
    activities = list(Activity.objects.filter(project__plan__fiscal_year=year).select_related("project"))
    activity = next((a for a in activities if a.pk == activity_id), None)
    types = visit_type_choices(current=visit_type)
    visit_type = visit_type if visit_type in dict(types) else ""
    scope = {"supervisor": supervisor, "cluster": cluster, "activity": activity, "visit_type": visit_type}
    tools = list(Tool.objects.order_by("name"))
    tool = next((t for t in tools if t.pk == tool_id), None) or next((t for t in tools if t.name == CLASSROOM), None)
    visits = selectors.counted_visits(year, **scope)
    whole_year = None if any(scope.values()) else year  # the year's kept tallies serve the unscoped view
    cov = selectors.coverage(year, **scope)
    for school in cov["school_rows"]:  # reversed here: the {% url %} tag costs several times more per row
        school.detail_url = reverse("schools:school_detail", args=[school.pk])
    return {
        "year": year, "cluster": cluster, "supervisor": supervisor, "tool": tool, "tools": tools,
        "activities": activities, "activity": activity, "visit_types": types, "visit_type": visit_type,
        "clusters": Cluster.objects.order_by("name"), "coverage": cov,
        "supervisors": selectors.supervisor_rows(year),
        "chart": {
            "months": [thaidate.THAI_MONTHS_ABBR[m - 1] for m in selectors.fiscal_months()],
            "per_month": selectors.visits_per_month(visits),
            "items": selectors.scores_by_item(visits, tool.pk, fiscal_year=whole_year) if tool else [],
            "areas": selectors.scores_by_learning_area(visits, tool.pk) if tool else [],
            "max_score": tool.max_score if tool else None,
        },
        "map_data": _map_data(cov["school_rows"]), "satisfaction": selectors.satisfaction(year, plan=cov["plan"]),
    }  # fmt: skip


class _Utf8Encoder(DjangoJSONEncoder):
    """Thai names as UTF-8 (3 bytes a letter) rather than \\uXXXX escapes (6); json_script still
    escapes <, > and & so the payload cannot close its <script> element."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**{**kwargs, "ensure_ascii": False})


def _map_data(schools: list) -> SafeString:
    """The map's markers, one per placed school; coordinates to 5 decimals (about a metre)."""
    markers = [
        {
            "name": s.name,
            "lat": round(float(s.latitude), 5),
            "lng": round(float(s.longitude), 5),
            "visits": s.visit_count,
        }
        for s in schools
        if s.latitude is not None and s.longitude is not None
    ]
    return json_script(markers, "map-data", encoder=_Utf8Encoder)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    access.require_dashboard_reader(request.user)

    def body() -> dict:
        return dashboard_context(
            year=_int(request.GET.get("year")) or selectors.current_fiscal_year(),
            cluster_id=_int(request.GET.get("cluster")),
            supervisor_id=_int(request.GET.get("supervisor")),
            tool_id=_int(request.GET.get("tool")),
            activity_id=_int(request.GET.get("activity")),
            visit_type=request.GET.get("type", "")[:20],
        )

    html = pagecache.cached_render(request, "dashboard", "supervision/_dashboard_body.html", body)
    return render(request, "supervision/dashboard.html", {"body": html})
