"""The supervisor's hub at /supervision/: my visits, due follow-ups, the plan, dashboards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return redirect("supervision:school_list")
