from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from supervision import services
from supervision.models import AnnualPlan, PlanPriority


def test_plan_get_or_create_returns_the_one_plan_of_a_fiscal_year(users):
    first = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    again = services.plan_get_or_create(fiscal_year=2570, user=users["supervisor"])
    assert first.pk == again.pk
    assert AnnualPlan.objects.count() == 1
    assert first.satisfaction_target_percent == 80


def test_plan_add_priorities_skips_an_identical_title_school_and_source(users, school, other_school):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    items = [
        {"title": "มฐ.1.1 ต่ำกว่าระดับดี", "detail": "ผลสัมฤทธิ์", "school": school, "source": "qa"},
        {"title": "มฐ.1.1 ต่ำกว่าระดับดี", "detail": "ผลสัมฤทธิ์", "school": other_school, "source": "qa"},
        {"title": "การอ่านออกเขียนได้", "detail": "", "school": None, "source": "สพฐ."},
    ]
    assert services.plan_add_priorities(plan=plan, items=items, user=users["supervisor"]) == 3
    assert services.plan_add_priorities(plan=plan, items=items[:2], user=users["supervisor"]) == 0
    changed = [{**items[0], "source": "sar"}]
    assert services.plan_add_priorities(plan=plan, items=changed, user=users["supervisor"]) == 1
    assert PlanPriority.objects.filter(plan=plan).count() == 4


def test_a_priority_without_a_title_is_refused_and_nothing_is_added(users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    with pytest.raises(ValidationError, match="จุดเน้นทุกข้อต้องมีหัวข้อ"):
        services.plan_add_priorities(
            plan=plan,
            items=[{"title": "ก", "school": None, "source": "x"}, {"title": " ", "school": None, "source": "x"}],
            user=users["director"],
        )
    assert PlanPriority.objects.count() == 0
