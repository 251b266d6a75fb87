"""The colour of each visit status, in one place: `{% load supervision_status %}` then `v.status|status_colour`."""

from __future__ import annotations

from django import template

from ..models import VisitStatus

register = template.Library()

# A Bootstrap colour per VisitStatus value; a status missing here (a new one) shows as secondary.
STATUS_COLOURS = {
    VisitStatus.DRAFT: "secondary",
    VisitStatus.SUBMITTED: "warning",
    VisitStatus.RETURNED: "danger",
    VisitStatus.APPROVED: "primary",
    VisitStatus.ACKNOWLEDGED: "success",
}


@register.filter
def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, "secondary")
