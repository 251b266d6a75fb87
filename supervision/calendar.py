"""Calendar source of the supervision app: the user's visits (drafts are the planned ones) and follow-ups."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse

from core.calendar import Entry
from core.roles import Role, UserLike, has_role

from . import access
from .models import EventStatus, VisitStatus
from .selectors import events_visible_to, follow_ups_visible_to, visits_visible_to


def _own(user: UserLike) -> Q:
    return Q(created_by=user) | Q(team=user)


def supervision_entries(user: UserLike, start: dt.date, end: dt.date) -> list[Entry]:
    """Supervisors and the director see their own visits and follow-ups; others what they may see."""
    visits = visits_visible_to(user).filter(date__range=(start, end))
    follow_ups = follow_ups_visible_to(user).filter(due_date__range=(start, end), done_at__isnull=True)
    if has_role(user, Role.SUPERVISOR, Role.DIRECTOR):
        visits, follow_ups = (
            visits.filter(_own(user)),
            follow_ups.filter(Q(visit__created_by=user) | Q(visit__team=user)),
        )
    out = [
        Entry(
            title=v.school.name, start=v.date, url=reverse("supervision:visit_detail", args=[v.pk]),
            kind="นิเทศ (วางแผน)" if v.status == VisitStatus.DRAFT else "นิเทศ", uid=f"supervision.visit:{v.pk}",
            colour="secondary" if v.status == VisitStatus.DRAFT else "primary",
        )
        for v in visits.distinct()
    ]  # fmt: skip
    out += [
        Entry(
            title=f"{f.text} ({f.visit.school.name})", start=f.due_date, kind="ติดตามผล", colour="warning",
            url=reverse("supervision:visit_detail", args=[f.visit_id]), uid=f"supervision.followup:{f.pk}",
        )
        for f in follow_ups.select_related("visit__school").distinct()
    ]  # fmt: skip
    return out + _event_entries(user, start, end)


def _event_entries(user: UserLike, start: dt.date, end: dt.date) -> list[Entry]:
    """Group events (กิจกรรมกลุ่ม) the user may see; supervisors and the director their own. Cancelled ones drop off."""
    events = events_visible_to(user).filter(date__range=(start, end)).exclude(status=EventStatus.CANCELLED)
    if has_role(user, Role.SUPERVISOR, Role.DIRECTOR):
        events = events.filter(Q(created_by=user) | Q(people=user))
    return [
        Entry(
            title=e.title, start=e.date, place=e.place, url=reverse("supervision:event_detail", args=[e.pk]),
            kind=f"{e.event_type.name} (วางแผน)" if e.is_draft else e.event_type.name, uid=f"supervision.event:{e.pk}",
            colour="secondary" if e.is_draft else "info",
        )
        for e in events.distinct()
    ]  # fmt: skip


def plan_visit_action(user: UserLike) -> tuple[str, str] | None:
    """A supervisor puts a planned visit on a calendar day: the visit starts as a draft on that date."""
    return ("วางแผนนิเทศ", reverse("supervision:visit_start")) if access.can_create_visits(user) else None
