"""What the committee lends to the supervision plan's indicators (supervision.measures): the ก.ต.ป.น.
meetings held in a fiscal year (seed 002 target 3.1.1: "6 ครั้ง/ปีงบประมาณ")."""

from __future__ import annotations

from core import thaidate

from .models.meetings import Meeting, MeetingStatus

HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
KTPN = "ktpn"  # committee.models.bodies.BodyKind.KTPN: other bodies' meetings do not count


def meetings_held_in(fiscal_year: int) -> int:
    """ก.ต.ป.น. meetings held (or with minutes approved) within the BE fiscal year."""
    first, last = thaidate.fiscal_year_range(fiscal_year)
    meetings = Meeting.objects.filter(date__range=(first, last), status__in=HELD)
    if any(field.name == "body" for field in Meeting._meta.get_fields()):
        meetings = meetings.filter(body__kind=KTPN)
    return meetings.count()
