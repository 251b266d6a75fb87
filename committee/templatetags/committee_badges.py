"""{% include "committee/_status_badge.html" with obj=... %}: the colour of each status, in one mapping."""

from __future__ import annotations

from django import template

from ..models import AnnualReport, MeetingStatus

register = template.Library()

MEETING_COLOURS = {
    MeetingStatus.DRAFT: "secondary",
    MeetingStatus.AGENDA_PUBLISHED: "primary",
    MeetingStatus.HELD: "warning",
    MeetingStatus.MINUTES_APPROVED: "success",
    MeetingStatus.CANCELLED: "danger",
}
REPORT_BADGES = {True: ("success", "เผยแพร่แล้ว"), False: ("secondary", "ร่าง")}  # an annual report has no status field


@register.simple_tag
def status_badge(obj: object) -> dict[str, str]:
    """The badge of a meeting (by its status) or an annual report (published or draft): colour and label."""
    if isinstance(obj, AnnualReport):
        colour, label = REPORT_BADGES[obj.is_published]
        return {"colour": colour, "label": label}
    return {"colour": MEETING_COLOURS.get(obj.status, "secondary"), "label": obj.get_status_display()}
