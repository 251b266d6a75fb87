"""The supervisor's hub at /supervision/: my visits, due follow-ups, the plan, dashboards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core import thaidate

from .. import access, selectors
from ..models import VisitStatus


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    access.require_reader(user)
    if access.is_school_staff(user):
        return redirect("supervision:visit_list")
    visitor = access.can_create_visits(user)
    year = selectors.current_fiscal_year()
    visits = selectors.visits_visible_to(user)
    mine = visits.filter(team=user).distinct()
    context = {
        "year": year,
        "today": thaidate.today(),
        "my_open": mine.filter(status__in=[VisitStatus.DRAFT, VisitStatus.RETURNED]).order_by("-date")[:10],
        "my_recent": mine.exclude(status__in=[VisitStatus.DRAFT, VisitStatus.RETURNED]).order_by("-date")[:5],
        "to_review": visits.filter(status=VisitStatus.SUBMITTED).order_by("submitted_at")[:20]
        if access.can_review_visits(user)
        else [],
        "due": selectors.due_follow_ups(user)[:20],
        "can_create": visitor,
        "summary_params": {"fiscal_year": year},
        "can_dashboard": access.can_read_dashboards(user),
        "coverage": selectors.coverage(year, supervisor=user) if visitor else None,
    }
    return render(request, "supervision/index.html", context)
