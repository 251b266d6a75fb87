"""Fixtures of the supervision tests (plans, tools, visits)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.roles import Role
from supervision import services
from supervision.defaults import CLASSROOM, ensure_default_tools
from supervision.models import Tool, ToolItem

VISIT_DAY = dt.date(2026, 11, 20)  # ปีงบประมาณ 2570


@pytest.fixture
def tools(db):
    """The default tools (a browser test's flush may have removed the migration's rows)."""
    ensure_default_tools()
    return {t.name: t for t in Tool.objects.all()}


@pytest.fixture
def classroom_tool(tools):
    return tools[CLASSROOM]


def full_scores(tool: Tool, value: int = 2) -> dict[int, tuple]:
    return {item.pk: (value, "") for item in ToolItem.objects.filter(section__tool=tool)}


@pytest.fixture
def make_visit(users, school, classroom_tool):
    """make_visit(status=..., by=user, school=..., date=..., scores=2) through the services."""

    def make(
        status: str = "draft",
        by=None,
        school=school,
        date=VISIT_DAY,
        scores: int | None = 2,
        team=(),
        strengths: str = "ครูใช้สื่อหลากหลาย",
        to_develop: str = "การวัดผลระหว่างเรียน",
        tool=classroom_tool,
    ):
        by = by or users[Role.SUPERVISOR.value]
        visit = services.visit_create(
            user=by, school=school, date=date, visit_type="classroom", tool=tool, team=list(team)
        )
        services.visit_save(
            user=by,
            visit=visit,
            fields={
                "school": school,
                "date": date,
                "visit_type": "classroom",
                "tool": tool,
                "strengths": strengths,
                "to_develop": to_develop,
                "recommendations": "ใช้คำถามปลายเปิด",
            },
            team=list(team),
            teachers=[],
            scores=full_scores(tool, scores) if scores is not None and tool else {},
            follow_ups=[],
        )
        if status in ("submitted", "approved", "returned", "acknowledged"):
            services.visit_submit(user=by, visit=visit)
        if status in ("approved", "acknowledged"):
            services.visit_approve(user=users[Role.DIRECTOR.value], visit=visit)
        if status == "returned":
            services.visit_return(user=users[Role.DIRECTOR.value], visit=visit, comment="เพิ่มหลักฐาน")
        if status == "acknowledged":
            services.visit_acknowledge(user=users[Role.SCHOOL.value], visit=visit)
        visit.refresh_from_db()
        return visit

    return make
