"""Visits count toward the activity they serve, per school against the activity's target (issue 16 item 1, part)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from core.roles import Role
from supervision import selectors, services
from supervision.models import Activity, Project

from .conftest import full_scores

READERS = {Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER, Role.CLERK}


@pytest.fixture
def activities(users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users[Role.DIRECTOR.value])
    project = Project.objects.create(plan=plan, name="การนิเทศแบบบูรณาการ")
    policy = Activity.objects.create(project=project, order=1, name="งาน/โครงการตามนโยบาย", visits_per_school_target=2)
    other = Activity.objects.create(project=project, order=2, name="นิเทศระบบ online", amount=Decimal("100"))
    return policy, other


def visit(users, school, activity, tool, *, submit: bool = True, day: int = 20):
    sup = users[Role.SUPERVISOR.value]
    v = services.visit_create(user=sup, school=school, date=dt.date(2026, 11, day), visit_type="policy", tool=tool,
                              activity=activity)  # fmt: skip
    services.visit_save(user=sup, visit=v, fields={"strengths": "ดี", "to_develop": "พัฒนา"}, team=[], teachers=[],
                        scores=full_scores(tool), follow_ups=[])  # fmt: skip
    if submit:
        services.visit_submit(user=sup, visit=v)
    return v


def test_visits_count_toward_their_activity_and_school_and_a_draft_never_counts(
    activities, users, school, other_school, classroom_tool
):
    policy, other = activities
    visit(users, school, policy, classroom_tool, day=3)
    visit(users, school, policy, classroom_tool, day=10)
    visit(users, other_school, policy, classroom_tool, submit=False)  # draft
    visit(users, other_school, other, classroom_tool)
    progress = selectors.activity_progress(policy)
    assert (progress["visits"], progress["reached"], progress["schools"], progress["met"]) == (2, 1, 2, 1)
    assert [s.name for s in progress["not_reached"]] == ["โรงเรียนบ้านอื่น"]
    done = {r["school"].name: (r["done"], r["met"]) for r in progress["rows"]}
    assert done == {"โรงเรียนบ้านทดสอบ": (2, True), "โรงเรียนบ้านอื่น": (0, False)}
    counts = selectors.project_visit_counts(policy.project)
    assert counts == {policy.pk: {"visits": 2, "schools": 1}, other.pk: {"visits": 1, "schools": 1}}


def test_the_activity_page_lists_who_is_still_to_be_reached(activities, users, school, other_school, classroom_tool,
                                                             client_for):  # fmt: skip
    policy, _ = activities
    visit(users, school, policy, classroom_tool)
    page = client_for(users[Role.DIRECTOR.value]).get(reverse("supervision:activity_detail", args=[policy.pk]))
    html = page.content.decode()
    assert 'id="activity-reached">1<' in html and "เป้าหมาย 2 ครั้ง/โรงเรียน/ปี" in html
    not_reached = html[html.index('id="not-reached"') :]
    assert "โรงเรียนบ้านอื่น" in not_reached[: not_reached.index("</ul>")]
    detail = client_for(users[Role.DIRECTOR.value]).get(reverse("supervision:project_detail", args=[policy.project_id]))
    assert "1 ครั้ง/1 โรง" in detail.content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_the_activity_page_per_role(activities, users, client_for, role):
    url = reverse("supervision:activity_detail", args=[activities[0].pk])
    assert client_for(users[role.value]).get(url).status_code == (200 if role in READERS else 404)
