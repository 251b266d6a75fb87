"""Group events (กิจกรรมกลุ่ม) a user may see, and the attendance that counts toward schools and activities."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from core.roles import UserLike
from schools.models import Cluster

from .. import access
from ..models import Activity, EventAttendance, EventStatus, GroupEvent

__all__ = ["counted_attendance", "event_school_counts", "events_visible_to"]


def events_visible_to(user: UserLike) -> QuerySet[GroupEvent]:
    """Plan readers see held and cancelled events; drafts only their recorder, people, director and admin."""
    qs = GroupEvent.objects.select_related("event_type", "activity__project", "created_by__profile")
    if access.sees_every_event(user):
        return qs
    if not access.can_read_plans(user):
        return qs.none()
    mine = GroupEvent.objects.filter(Q(created_by=user) | Q(people=user)).values("pk")
    return qs.filter(~Q(status=EventStatus.DRAFT) | Q(pk__in=mine))


def counted_attendance(
    fiscal_year: int,
    *,
    coverage_only: bool = True,
    supervisor: UserLike | None = None,
    cluster: Cluster | None = None,
    activity: Activity | None = None,
) -> QuerySet[EventAttendance]:
    """Schools at held events of the year (a draft or a cancelled event never counts); by default only
    events whose type counts toward coverage."""
    qs = EventAttendance.objects.filter(event__fiscal_year=fiscal_year, event__status=EventStatus.HELD)
    if coverage_only:
        qs = qs.filter(event__event_type__counts_toward_coverage=True)
    if supervisor is not None:
        ids = GroupEvent.objects.filter(Q(people=supervisor) | Q(created_by=supervisor)).values("pk")
        qs = qs.filter(event__in=ids)
    if cluster is not None:
        qs = qs.filter(school__cluster=cluster)
    if activity is not None:
        qs = qs.filter(event__activity=activity)
    return qs


def event_school_counts(attendance: QuerySet[EventAttendance]) -> dict[int, int]:
    """School id → events attended (a school counts once per event); one query."""
    return dict(attendance.values_list("school_id").annotate(n=Count("event", distinct=True)).order_by())
