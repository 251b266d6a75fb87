"""The synthesis reaches next year's supervision plan; QA visits are supervision visits of type "qa"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from qa.plan_feed import next_fiscal_year
from qa.services import synthesis_to_plan
from supervision import services as supervision_services
from supervision.models import AnnualPlan, PlanPriority

from .test_synthesis import YEAR, district  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_the_synthesis_puts_priority_standards_and_schools_into_next_years_plan(users, district):  # noqa: F811
    plan, added = synthesis_to_plan(user=users["director"], academic_year=YEAR)
    assert plan.fiscal_year == next_fiscal_year(YEAR) == 2569
    rows = list(PlanPriority.objects.filter(plan=plan))
    assert all(r.source == "สังเคราะห์ SAR ปีการศึกษา 2567" for r in rows)
    standard_rows = [r for r in rows if r.school is None and r.title.startswith("ยกระดับมาตรฐาน")]
    # below ดี: standard 1 (ส1, ส3) and sub-standard 1.1 (ส1) — see test_synthesis
    assert sorted(r.title for r in standard_rows) == [
        "ยกระดับมาตรฐานขั้นพื้นฐาน 1 คุณภาพของผู้เรียน",
        "ยกระดับมาตรฐานขั้นพื้นฐาน 1.1 ผลสัมฤทธิ์ทางวิชาการของผู้เรียน",
    ]
    std1 = next(r for r in standard_rows if " 1 " in r.title)
    assert "สถานศึกษา 2 จาก 4 แห่ง" in std1.detail and "ปานกลาง 2 แห่ง" in std1.detail
    assert sorted(r.school.name for r in rows if r.school) == ["โรงเรียนส1", "โรงเรียนส3"]
    s1 = next(r for r in rows if r.school and r.school.name == "โรงเรียนส1")
    assert "1 (ปานกลาง)" in s1.detail and "1.1 (กำลังพัฒนา)" in s1.detail
    needs = sorted(r.title for r in rows if r.title.startswith("จุดที่ควรพัฒนาร่วม"))
    assert needs == ["จุดที่ควรพัฒนาร่วม: การใช้เทคโนโลยี", "จุดที่ควรพัฒนาร่วม: ผลสัมฤทธิ์คณิตศาสตร์ต่ำ"]
    assert added == len(rows) == 2 + 2 + 2


def test_sending_the_synthesis_twice_adds_nothing_twice(users, district):  # noqa: F811
    _, first = synthesis_to_plan(user=users["director"], academic_year=YEAR)
    _, second = synthesis_to_plan(user=users["supervisor"], academic_year=YEAR)
    assert first == 6 and second == 0
    assert PlanPriority.objects.count() == 6


def test_the_action_button_reaches_the_chosen_fiscal_years_plan(users, client_for, district):  # noqa: F811
    response = client_for(users["director"]).post(reverse("qa:synthesis_to_plan", args=[YEAR]), {"fiscal_year": "2570"})
    assert response.status_code == 302
    assert AnnualPlan.objects.get(fiscal_year=2570).priorities.count() == 6


@pytest.mark.parametrize("role", ["clerk", "executive", "member", "school", "secretary"])
def test_only_director_supervisors_and_admin_feed_the_plan(role, users, client_for, district):  # noqa: F811
    with pytest.raises(PermissionDenied, match="เฉพาะผู้อำนวยการกลุ่มและศึกษานิเทศก์ส่งผลการสังเคราะห์เข้าแผนนิเทศได้"):
        synthesis_to_plan(user=users[role], academic_year=YEAR)
    assert client_for(users[role]).post(reverse("qa:synthesis_to_plan", args=[YEAR])).status_code == 403
    assert not PlanPriority.objects.exists()


def test_feeding_the_plan_refuses_get_and_an_empty_year(users, client_for):
    assert client_for(users["director"]).get(reverse("qa:synthesis_to_plan", args=[YEAR])).status_code == 405
    with pytest.raises(ValidationError, match="ยังไม่มี SAR"):
        synthesis_to_plan(user=users["director"], academic_year=2500)
    assert not AnnualPlan.objects.exists()


def test_the_school_qa_page_lists_its_qa_visits_only(users, client_for, school, other_school):
    sup = users["supervisor"]
    day = dt.date(2026, 8, 3)
    supervision_services.visit_create(user=sup, school=school, date=day, visit_type="qa")
    supervision_services.visit_create(user=sup, school=school, date=day + dt.timedelta(days=1), visit_type="classroom")
    supervision_services.visit_create(user=sup, school=other_school, date=day + dt.timedelta(days=2), visit_type="qa")
    page = client_for(sup).get(reverse("qa:school_qa", args=[school.pk])).content.decode()
    assert "3 สิงหาคม 2569" in page
    assert "4 สิงหาคม 2569" not in page and "5 สิงหาคม 2569" not in page
    # school staff see only approved visits (the supervision app's rule), so the draft is not shown to them
    school_page = client_for(users["school"]).get(reverse("qa:school_qa", args=[school.pk])).content.decode()
    assert "3 สิงหาคม 2569" not in school_page
