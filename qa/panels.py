"""Panels the QA app adds to other apps' pages: the home page and a school's page."""

from __future__ import annotations

from django.http import HttpRequest

from schools.models import School

from . import access, selectors
from .models import SarStatus


def qa_panel(request: HttpRequest) -> dict | None:
    """Home page: the school's own SAR of the year, or the office's count of SARs sent and missing."""
    user = request.user
    year = selectors.current_academic_year()
    if school_id := access.own_school_id(user):
        sar = selectors.sars_visible_to(user).filter(academic_year=year).first()
        return {"template": "qa/_home_panel.html", "year": year, "sar": sar, "school_id": school_id,
                "sar_year": selectors.sar_year(year), "is_school": True}  # fmt: skip
    if not access.can_manage(user):
        return None
    sent = (
        selectors.sars_visible_to(user)
        .filter(academic_year=year, status__in=[SarStatus.SUBMITTED, SarStatus.REVIEWED])
        .count()
    )
    return {"template": "qa/_home_panel.html", "year": year, "sent": sent, "sar_year": selectors.sar_year(year),
            "missing": selectors.schools_not_submitted(user, year).count(), "is_school": False}  # fmt: skip


def school_panel(request: HttpRequest, *, school: School) -> dict | None:
    """A school's page: its SARs by academic year and a link to its QA page; None for who may not see them."""
    if not access.can_read_school(request.user, school):
        return None
    sars = selectors.sars_visible_to(request.user).filter(school=school).order_by("-academic_year")
    return {"template": "qa/_school_panel.html", "school": school, "sars": list(sars)}
