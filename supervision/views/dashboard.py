"""Dashboard: coverage by supervisor, cluster and school, charts, map and satisfaction."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core import thaidate
from schools.models import Cluster

from .. import access, selectors
from ..defaults import CLASSROOM
from ..models import Tool

User = get_user_model()


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def dashboard_context(*, year: int, cluster_id: int | None, supervisor_id: int | None, tool_id: int | None) -> dict:
    cluster = Cluster.objects.filter(pk=cluster_id).first() if cluster_id else None
    supervisor = User.objects.filter(pk=supervisor_id).first() if supervisor_id else None
    tools = list(Tool.objects.order_by("name"))
    tool = next((t for t in tools if t.pk == tool_id), None) or next((t for t in tools if t.name == CLASSROOM), None)
    visits = selectors.counted_visits(year, supervisor=supervisor, cluster=cluster)
    cov = selectors.coverage(year, supervisor=supervisor, cluster=cluster)
    markers = [
        {"name": s.name, "lat": float(s.latitude), "lng": float(s.longitude), "visits": s.visit_count}
        for s in cov["school_rows"]
        if s.latitude is not None and s.longitude is not None
    ]
    return {
        "year": year, "cluster": cluster, "supervisor": supervisor, "tool": tool, "tools": tools,
        "clusters": Cluster.objects.order_by("name"), "coverage": cov,
        "supervisors": selectors.supervisor_rows(year),
        "chart": {
            "months": [thaidate.THAI_MONTHS_ABBR[m - 1] for m in selectors.fiscal_months()],
            "per_month": selectors.visits_per_month(visits),
            "items": selectors.scores_by_item(visits, tool.pk) if tool else [],
            "areas": selectors.scores_by_learning_area(visits, tool.pk) if tool else [],
            "max_score": tool.max_score if tool else None,
        },
        "markers": markers, "satisfaction": selectors.satisfaction(year),
    }  # fmt: skip


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    access.require_dashboard_reader(request.user)
    year = _int(request.GET.get("year")) or selectors.current_fiscal_year()
    context = dashboard_context(
        year=year,
        cluster_id=_int(request.GET.get("cluster")),
        supervisor_id=_int(request.GET.get("supervisor")),
        tool_id=_int(request.GET.get("tool")),
    )
    return render(request, "supervision/dashboard.html", context)
