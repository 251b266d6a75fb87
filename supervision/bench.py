"""A large synthetic dataset for the benchmark command and the query-count tests (bulk inserts)."""

from __future__ import annotations

import datetime as dt
import random

from core import thaidate
from core.models import LearningArea
from schools.models import Cluster, School

from .defaults import CLASSROOM, ensure_default_tools
from .models import Tool, ToolItem, Visit, VisitScore, VisitStatus, VisitTeacher
from .services import score_tally

STATUSES = [VisitStatus.DRAFT, VisitStatus.SUBMITTED, VisitStatus.APPROVED, VisitStatus.APPROVED,
            VisitStatus.ACKNOWLEDGED, VisitStatus.ACKNOWLEDGED, VisitStatus.RETURNED]  # fmt: skip


def build_dataset(
    *, schools: int, visits: int, supervisors: list, fiscal_year: int, seed: int = 7, prefix: str = "88"
) -> dict:
    """`schools` schools in clusters of 12 and `visits` visits spread over the fiscal year."""
    rng = random.Random(seed)
    ensure_default_tools()
    tool = Tool.objects.get(name=CLASSROOM)
    items = list(ToolItem.objects.filter(section__tool=tool).values_list("pk", flat=True))
    areas = list(LearningArea.objects.all())
    clusters = Cluster.objects.bulk_create(
        [Cluster(name=f"กลุ่มทดสอบสมรรถนะ {prefix}-{i + 1}") for i in range((schools + 11) // 12)]
    )
    for i, cluster in enumerate(clusters):
        cluster.responsible_supervisors.set([supervisors[i % len(supervisors)]])
    school_rows = School.objects.bulk_create([
        School(code=f"{prefix}{n:08d}", name=f"โรงเรียนทดสอบ {prefix}-{n}", level_primary=True, pupils=rng.randint(30, 900),
               cluster=clusters[n // 12], latitude=15 + rng.random(), longitude=102 + rng.random())
        for n in range(schools)
    ])  # fmt: skip
    start, _end = thaidate.fiscal_year_range(fiscal_year)
    visit_rows = Visit.objects.bulk_create([
        Visit(school=rng.choice(school_rows), date=start + dt.timedelta(days=rng.randint(0, 360)),
              fiscal_year=fiscal_year, visit_type="classroom", tool=tool, status=rng.choice(STATUSES),
              created_by=rng.choice(supervisors), strengths="จุดเด่น", to_develop="จุดที่ควรพัฒนา")
        for _ in range(visits)
    ], batch_size=2000)  # fmt: skip
    Team = Visit.team.through
    Team.objects.bulk_create([Team(visit_id=v.pk, user_id=v.created_by_id) for v in visit_rows], batch_size=5000)
    VisitTeacher.objects.bulk_create(
        [VisitTeacher(visit=v, name="ครูทดสอบ", learning_area=rng.choice(areas), grade="ป.4") for v in visit_rows],
        batch_size=5000,
    )
    VisitScore.objects.bulk_create(
        [VisitScore(visit=v, item_id=i, value=rng.randint(0, 3)) for v in visit_rows for i in items], batch_size=5000
    )
    score_tally.summaries_rebuild(fiscal_years=[fiscal_year])  # the dashboard's sums, as the services keep them
    return {"schools": school_rows, "visits": visit_rows, "tool": tool}
