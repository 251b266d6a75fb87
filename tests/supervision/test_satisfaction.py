"""Satisfaction counts schools, each once by its mean, against the plan's target (issue 16 item 7)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.roles import Role
from supervision import selectors, services


@pytest.fixture
def answered(users, make_user, school, other_school, make_visit):
    """School A answers three surveys all at 5; school B answers one at a mean of 2.2."""
    services.plan_get_or_create(fiscal_year=2570, user=users[Role.DIRECTOR.value])
    b_staff = make_user(Role.SCHOOL.value, school=other_school)

    def answer(at, ratings, staff, day):
        visit = make_visit(status="approved", school=at, date=dt.date(2026, 11, day))
        services.visit_acknowledge(user=staff, visit=visit)
        visit.refresh_from_db()
        services.survey_answer(token=visit.survey.token, ratings=ratings)

    for day in (3, 10, 17):
        answer(school, [5, 5, 5, 5, 5], users[Role.SCHOOL.value], day)
    answer(other_school, [2, 2, 2, 2, 3], b_staff, 24)


def test_a_school_counts_once_by_its_mean_so_one_of_two_schools_is_fifty_percent(answered):
    sat = selectors.satisfaction(2570)
    assert (sat["schools"], sat["satisfied_schools"], sat["satisfied_percent"]) == (2, 1, 50.0)
    assert sat["target_percent"] == 80.0 and sat["met"] is False


def test_the_answers_are_shown_apart_from_the_schools(answered):
    sat = selectors.satisfaction(2570)
    assert (sat["answers"], sat["satisfied"], sat["answers_satisfied_percent"]) == (4, 3, 75.0)


def test_the_annual_report_carries_the_school_count(answered):
    data = selectors.annual_report_data(2570)["satisfaction"]
    assert data == {"answers": 4, "satisfied_percent": 50.0, "target_percent": 80.0, "schools": 2,
                    "satisfied_schools": 1}  # fmt: skip


def test_the_dashboard_shows_schools_and_answers_separately(answered, users, client_for):
    page = client_for(users[Role.DIRECTOR.value]).get(reverse("supervision:dashboard"), {"year": 2570})
    text = page.content.decode()
    assert "ร้อยละ 50 ของสถานศึกษา (1/2 โรงเรียน" in text
    assert "คำตอบ 4 ฉบับ พึงพอใจ 3 ฉบับ" in text
