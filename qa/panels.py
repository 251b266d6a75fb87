"""Home-page panel: the school's own SAR, or the office's submission count."""

from __future__ import annotations

from django.http import HttpRequest

from core.roles import has_role
from schools.selectors import school_id_of

from . import selectors
from .models import SarStatus


def qa_panel(request: HttpRequest) -> dict | None:
    user = request.user
    year = selectors.current_academic_year()
    school_id = school_id_of(user)
    if school_id and not has_role(user, *selectors.READERS):
        sar = selectors.sars_visible_to(user).filter(academic_year=year).first()
        return {"template": "qa/_home_panel.html", "year": year, "sar": sar, "school_id": school_id,
                "sar_year": selectors.sar_year(year), "is_school": True}  # fmt: skip
    if not selectors.can_manage(user):
        return None
    sent = (
        selectors.sars_visible_to(user)
        .filter(academic_year=year, status__in=[SarStatus.SUBMITTED, SarStatus.REVIEWED])
        .count()
    )
    return {"template": "qa/_home_panel.html", "year": year, "sent": sent, "sar_year": selectors.sar_year(year),
            "missing": selectors.schools_not_submitted(user, year).count(), "is_school": False}  # fmt: skip
