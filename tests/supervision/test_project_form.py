"""The project page takes seed 002 as written: multi-line headings, any number of activities in one save,
budget source, ถัวจ่าย and the signature chain (issue 16 item 5)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from core.roles import Role
from supervision import services
from supervision.models import Project

from . import seed002


@pytest.fixture
def plan(users):
    return services.plan_get_or_create(fiscal_year=2558, user=users[Role.DIRECTOR.value])


def _post_data(activity_count: int) -> dict:
    data = {k: ("on" if v is True else "" if v is False else v) for k, v in seed002.PROJECT.items()}
    data.pop("pooled_budget")
    data["pooled_budget"] = "on"
    data.update({"a-TOTAL_FORMS": str(activity_count), "a-INITIAL_FORMS": "0", "i-TOTAL_FORMS": "0",
                 "i-INITIAL_FORMS": "0"})  # fmt: skip
    for n, (name, period, group, who, total) in enumerate(seed002.ACTIVITIES[:activity_count]):
        data.update({f"a-{n}-order": "0", f"a-{n}-name": name, f"a-{n}-period": period, f"a-{n}-target_group": group,
                     f"a-{n}-responsible": who, f"a-{n}-amount": total or ""})  # fmt: skip
    return data


def test_the_new_project_page_adds_activities_in_place_with_a_static_script(plan, users, client_for):
    page = client_for(users[Role.SUPERVISOR.value]).get(reverse("supervision:project_create", args=[2558]))
    html = page.content.decode()
    assert 'data-formset-add="a"' in html and "เพิ่มกิจกรรม" in html and "supervision/formset.js" in html
    assert 'template data-formset-empty="a"' in html and "a-__prefix__-name" in html
    assert not re.search(r"<script>(?!\s*</script>)", html)  # no inline script (CSP)


def test_eleven_activities_with_sub_items_are_saved_in_one_round(plan, users, client_for):
    client = client_for(users[Role.SUPERVISOR.value])
    response = client.post(reverse("supervision:project_create", args=[2558]), _post_data(11))
    assert response.status_code == 302, response.content.decode()[:3000]
    project = Project.objects.get()
    activities = list(project.activities.all())
    assert [a.order for a in activities] == list(range(1, 12))
    assert len(activities[3].sub_items) == 8 and activities[0].target_group == "- ครูทุกคน\n- โรงเรียน"
    assert project.pooled_budget and project.strategy.count("\n") == 1
    assert sum(a.budget_total for a in activities) == Decimal("500000")
    assert project.budget_source == seed002.PROJECT["budget_source"]
    detail = client.get(reverse("supervision:project_detail", args=[project.pk])).content.decode()
    assert "3.1.10 กิจกรรมประชุมปฏิบัติการจัดทำแผนการนิเทศฯ" in detail and "ผู้เห็นชอบโครงการ" in detail


def test_a_blank_added_row_is_skipped(plan, users, client_for):
    data = _post_data(2)
    untouched = {"a-2-order": "0", "a-2-compensation": "0", "a-2-operating": "0", "a-2-materials": "0"}
    data.update({"a-TOTAL_FORMS": "3", **untouched})  # the added row as the browser sends it
    response = client_for(users[Role.SUPERVISOR.value]).post(reverse("supervision:project_create", args=[2558]), data)
    assert response.status_code == 302
    assert Project.objects.get().activities.count() == 2


def test_numbering_is_kept_as_typed_or_added(plan):
    project = Project(plan=plan, objectives="2.1 ก\nข", quantitative_targets="3.1.10 ค", expected_outcomes="ง")
    sections = project.numbered_sections()
    assert sections["objectives"] == ["2.1 ก", "2.2 ข"]
    assert sections["quantitative_targets"] == ["3.1.10 ค"] and sections["expected_outcomes"] == ["1. ง"]
