"""Coverage, charts and satisfaction figures on a small hand-built dataset."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from core.models import LearningArea
from schools import services as school_services
from supervision import selectors, services
from supervision.models import SchoolGroup

from .conftest import full_scores


@pytest.fixture
def dataset(users, classroom_tool, school):
    sup, director, school_user = users["supervisor"], users["director"], users["school"]
    school.is_active = False  # the shared fixture school stays out of these figures
    school.save()
    c1 = school_services.cluster_create(name="กลุ่ม ก", supervisors=[sup])
    c2 = school_services.cluster_create(name="กลุ่ม ข")

    def mk(code, name, cluster, **kw):
        return school_services.school_create(code=code, name=name, level_primary=True, cluster=cluster, **kw)

    a = mk("1000000001", "โรงเรียน ก1", c1, latitude=Decimal("15.1"), longitude=Decimal("102.1"))
    b = mk("1000000002", "โรงเรียน ก2", c1, latitude=Decimal("15.2"), longitude=Decimal("102.2"))
    c = mk("1000000003", "โรงเรียน ข1", c2, latitude=Decimal("15.3"), longitude=Decimal("102.3"))
    mk("1000000004", "โรงเรียน ข2", c2)
    mk("1000000005", "โรงเรียน ยุบแล้ว", c2, is_active=False)
    plan = services.plan_get_or_create(fiscal_year=2570, user=director)
    plan.visits_per_school_target = 2
    plan.save()
    red = SchoolGroup.objects.create(plan=plan, name="กลุ่มสีแดง", visits_per_school_target=3)
    red.schools.set([b, c])
    thai, math = LearningArea.objects.get(name="ภาษาไทย"), LearningArea.objects.get(name="คณิตศาสตร์")

    def visit(school, date, score, status, area=None):
        v = services.visit_create(user=sup, school=school, date=date, visit_type="classroom", tool=classroom_tool)
        teachers = [{"name": "ครู", "learning_area": area, "grade": "ป.1"}] if area else []
        services.visit_save(
            user=sup,
            visit=v,
            fields={"strengths": f"จุดเด่น {school.name}", "to_develop": "พัฒนา"},
            team=[],
            teachers=teachers,
            scores=full_scores(classroom_tool, score),
            follow_ups=[],
        )
        if status != "draft":
            services.visit_submit(user=sup, visit=v)
        if status in ("approved", "acknowledged"):
            services.visit_approve(user=director, visit=v)
        if status == "returned":
            services.visit_return(user=director, visit=v, comment="แก้ไข")
        if status == "acknowledged":
            school_services.membership_set(user=None, member=school_user, school=school)
            services.visit_acknowledge(user=school_user, visit=v)
        return v

    visits = [
        visit(a, dt.date(2026, 10, 15), 3, "acknowledged", thai),
        visit(a, dt.date(2026, 11, 3), 2, "acknowledged", math),
        visit(b, dt.date(2026, 11, 20), 0, "submitted", thai),
        visit(b, dt.date(2026, 12, 1), 3, "draft"),
        visit(c, dt.date(2027, 1, 10), 3, "returned"),
        visit(c, dt.date(2026, 9, 30), 1, "approved"),  # fiscal year 2569: not counted
    ]
    return {"plan": plan, "visits": visits, "schools": (a, b, c), "c1": c1}


def test_coverage_counts_schools_visited_and_visits_of_the_year(dataset):
    cov = selectors.coverage(2570)
    assert (cov["schools"], cov["visited"], cov["visits"]) == (4, 3, 4)
    assert cov["target_per_school"] == 2 and cov["met_target"] == 1
    assert [s.name for s in cov["not_visited"]] == ["โรงเรียน ข2"]
    assert cov["by_cluster"] == [
        {"cluster": "กลุ่ม ก", "schools": 2, "visited": 2, "visits": 3},
        {"cluster": "กลุ่ม ข", "schools": 2, "visited": 1, "visits": 1},
    ]
    assert cov["groups"] == [
        {"name": "กลุ่มสีแดง", "color": "#dc3545", "schools": 2, "target": 3, "visited": 2, "visits": 2, "met": 0}
    ]


def test_coverage_of_a_supervisor_is_over_the_clusters_they_answer_for(dataset, users):
    cov = selectors.coverage(2570, supervisor=users["supervisor"])
    assert (cov["schools"], cov["visited"], cov["visits"]) == (2, 2, 3)
    rows = {r["user"].username: r for r in selectors.supervisor_rows(2570)}
    assert (rows["supervisor"]["visits"], rows["supervisor"]["schools"], rows["supervisor"]["visited"]) == (4, 2, 2)
    assert rows["director"]["visits"] == 0


def test_visits_per_month_run_october_to_september(dataset):
    assert selectors.visits_per_month(selectors.counted_visits(2570)) == [1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]


def test_average_scores_by_item_and_by_learning_area(dataset, classroom_tool):
    visits = selectors.counted_visits(2570)
    items = selectors.scores_by_item(visits, classroom_tool.pk)
    assert len(items) == 11 and {r["average"] for r in items} == {2.0} and items[0]["n"] == 4
    areas = {r["area"]: r["average"] for r in selectors.scores_by_learning_area(visits, classroom_tool.pk)}
    assert areas == {"ภาษาไทย": 1.5, "คณิตศาสตร์": 2.0}


def test_satisfaction_against_the_plan_target(dataset):
    first, second = (v.survey for v in dataset["visits"][:2])
    services.survey_answer(token=first.token, ratings=[5, 5, 4, 4, 5])
    services.survey_answer(token=second.token, ratings=[3, 3, 4, 3, 3])
    sat = selectors.satisfaction(2570)
    # both answers are school ก1's: its mean (4.6 + 3.2) / 2 = 3.9 is satisfied, so 1 of 1 school
    assert (sat["schools"], sat["satisfied_schools"], sat["satisfied_percent"], sat["target_percent"]) == (
        1, 1, 100.0, 80.0)  # fmt: skip
    assert (sat["answers"], sat["satisfied"], sat["answers_satisfied_percent"]) == (2, 1, 50.0)
    assert sat["met"] is True


def test_the_dashboard_shows_the_figures_charts_and_a_tileless_map(dataset, users, client_for):
    page = client_for(users["executive"]).get(reverse("supervision:dashboard"), {"year": 2570}).content.decode()
    assert 'id="kpi-visited">3<' in page and 'id="kpi-not-visited">1<' in page and 'id="kpi-visits">4<' in page
    assert "vendor/chartjs/chart.umd.min.js" in page and "vendor/leaflet/leaflet.js" in page
    assert '"lat": 15.1' in page and "โรงเรียน ข2" in page
    assert "tile.openstreetmap" not in page


def test_annual_report_data_has_the_contract_keys(dataset):
    from supervision.models import Indicator, Project

    project = Project.objects.create(plan=dataset["plan"], name="โครงการนิเทศ", phase="do")
    Indicator.objects.create(project=project, name="ร้อยละความพึงพอใจ", target="80", result="85")
    data = selectors.annual_report_data(2570)
    assert data["projects"] == [
        {
            "name": "โครงการนิเทศ",
            "phase": "D ดำเนินการ",
            "phase_code": "do",
            "budget_total": Decimal("0"),
            "budget_spent": Decimal("0"),
            "budget_remaining": Decimal("0"),
            "indicators": [{"name": "ร้อยละความพึงพอใจ", "target": "80", "result": "85"}],
        }
    ]
    assert data["coverage"]["schools"] == 4 and data["coverage"]["visited"] == 3 and data["coverage"]["visits"] == 4
    assert data["coverage"]["target_per_school"] == 2 and len(data["coverage"]["by_cluster"]) == 2
    # findings only from approved (or acknowledged) visits of the year: just school ก1
    assert data["findings"] == [
        {"school": "โรงเรียน ก1", "cluster": "กลุ่ม ก", "strengths": ["จุดเด่น โรงเรียน ก1"], "to_develop": ["พัฒนา"]}
    ]
    assert data["satisfaction"] == {
        "answers": 0, "satisfied_percent": None, "target_percent": 80.0, "schools": 0, "satisfied_schools": 0
    }  # fmt: skip
