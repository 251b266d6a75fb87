"""Synthetic group events and a plan activity for the benchmark command and the query-count tests (bulk inserts)."""

from __future__ import annotations

import datetime as dt
import random

from core import thaidate

from .models import Activity, ActivityTarget, EventAttendance, EventStatus, EventType, GroupEvent, Project, VisitType
from .models.types import ensure_default_types
from .services import plan_get_or_create


def build_events(
    *, schools: list, visits: list, events: int, supervisors: list, fiscal_year: int, seed: int = 11
) -> Activity:
    """An activity with targets per visit type and event type; a third of `visits` serve it; `events` held or
    draft group events of 3–15 schools each, most of them under the activity."""
    rng = random.Random(seed)
    ensure_default_types()
    plan = plan_get_or_create(fiscal_year=fiscal_year, user=supervisors[0])
    project = Project.objects.create(plan=plan, name=f"โครงการทดสอบสมรรถนะ {seed}")
    activity = Activity.objects.create(project=project, order=1, name="กิจกรรมนิเทศแบบพบกลุ่ม", visits_per_school_target=2)
    kinds = list(EventType.objects.all())
    ActivityTarget.objects.bulk_create([
        ActivityTarget(activity=activity, visit_type=VisitType.objects.get(code=VisitType.CLASSROOM), per_school=2),
        ActivityTarget(activity=activity, event_type=kinds[0], per_school=1),
    ])  # fmt: skip
    type(visits[0]).objects.filter(pk__in=[v.pk for v in visits[::3]]).update(activity=activity)
    start, _end = thaidate.fiscal_year_range(fiscal_year)
    rows = GroupEvent.objects.bulk_create([
        GroupEvent(event_type=rng.choice(kinds), title=f"พบกลุ่มทดสอบ {n}", date=start + dt.timedelta(days=rng.randint(0, 360)),
                   fiscal_year=fiscal_year, activity=activity if rng.random() < 0.8 else None,
                   status=rng.choice([EventStatus.HELD, EventStatus.HELD, EventStatus.DRAFT]), created_by=rng.choice(supervisors))
        for n in range(events)
    ], batch_size=2000)  # fmt: skip
    EventAttendance.objects.bulk_create([
        EventAttendance(event=e, school=s, teachers=rng.randint(1, 30))
        for e in rows for s in rng.sample(schools, min(len(schools), rng.randint(3, 15)))
    ], batch_size=5000)  # fmt: skip
    return activity
