"""Demo group events (กิจกรรมกลุ่ม): a พบกลุ่ม with a whole cluster, a workshop and a planned PLC, built
through the services; the first activity of the current plan gets targets per type."""

from __future__ import annotations

import datetime as dt

from core import thaidate
from core.demo import DemoContext
from core.roles import Role

from . import services
from .models import AnnualPlan, EventType, TargetScope, VisitType
from .models.types import ensure_default_types


def _day(year: int, days_ago: int) -> dt.date:
    start, _end = thaidate.fiscal_year_range(year)
    return max(start, thaidate.today() - dt.timedelta(days=days_ago))


def seed_events(ctx: DemoContext, *, schools: list, plan: AnnualPlan) -> None:
    ensure_default_types()
    director, sup = ctx.users[Role.DIRECTOR.value], ctx.supervisors[0]
    types = {t.code: t for t in EventType.objects.all()}
    activity = plan.projects.order_by("order").first().activities.order_by("order").first()
    services.activity_targets_save(user=director, activity=activity, fields={"scope": TargetScope.ALL, "months": "10,11"},
                                   targets=[{"event_type": types["group"], "per_school": 1},
                                            {"visit_type": VisitType.objects.get(code="policy"), "per_school": 2}])  # fmt: skip
    cluster = next(s.cluster for s in schools if s.cluster_id)
    meeting = services.event_save(user=sup, people=[sup, director], fields={
        "event_type": types["group"], "title": "นิเทศแบบพบกลุ่ม “สวัสดีคุณครู” " + cluster.name, "date": _day(plan.fiscal_year, 20),
        "place": "หอประชุมโรงเรียนแกนนำกลุ่ม", "activity": activity,
        "agenda": "1. ชี้แจงนโยบายและจุดเน้นปีงบประมาณ\n2. แลกเปลี่ยนการวัดผลระหว่างเรียน", "outcomes": "ครูทุกโรงเรียนในกลุ่มรับทราบจุดเน้นและวางแผนการนิเทศภายใน",
    })  # fmt: skip
    services.event_add_cluster(user=sup, event=meeting, cluster=cluster)
    rows = [(a.school, ctx.rng.randint(6, 28), "") for a in meeting.attendance.select_related("school")]
    services.event_set_attendance(user=sup, event=meeting, rows=rows)
    services.event_hold(user=sup, event=meeting)
    workshop = services.event_save(user=director, people=ctx.supervisors[:3], fields={
        "event_type": types["workshop"], "title": "ประชุมเชิงปฏิบัติการจัดทำแผนการนิเทศภายในสถานศึกษา",
        "date": _day(plan.fiscal_year, 10), "place": "ห้องประชุมสำนักงานเขตพื้นที่", "activity": activity,
    })  # fmt: skip
    services.event_set_attendance(user=director, event=workshop, rows=[(s, 2, "") for s in schools[10:18]])
    services.event_hold(user=director, event=workshop)
    services.event_save(user=sup, people=ctx.supervisors, fields={
        "event_type": types["plc"], "title": "PLC ศึกษานิเทศก์ วันอังคาร", "date": thaidate.today() + dt.timedelta(days=7),
        "place": "ห้องกลุ่มนิเทศฯ",
    })  # fmt: skip
