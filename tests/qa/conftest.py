"""Fixtures of the QA tests: SARs built through the services."""

from __future__ import annotations

import datetime as dt

import pytest

from core import thaidate
from core.roles import Role
from qa import selectors, services
from qa.models import Level


def fill_sar(
    sar,
    user,
    *,
    levels: dict[str, int] | None = None,
    default: int = Level.GOOD,
    strengths: str = "ครูทุ่มเท",
    to_develop: str = "ผลสัมฤทธิ์คณิตศาสตร์",
    plan: str = "โครงการสอนซ่อมเสริม",
):
    """Give every rated standard a level (by code, else `default`) and fill the texts."""
    levels = levels or {}
    ratings = list(sar.ratings.select_related("standard"))
    by_id = {r.standard_id: levels.get(r.standard.code, default) for r in ratings}
    return services.sar_update(
        user=user, sar=sar, levels=by_id, strengths=strengths, to_develop=to_develop, development_plan=plan
    )


@pytest.fixture
def year() -> int:
    return selectors.current_academic_year()


@pytest.fixture
def school_user(users):
    return users[Role.SCHOOL.value]


@pytest.fixture
def draft(school, school_user, year):
    return services.sar_start(user=school_user, school=school, academic_year=year)


@pytest.fixture
def submitted(draft, school_user):
    fill_sar(draft, school_user)
    return services.sar_submit(user=school_user, sar=draft)


@pytest.fixture
def past_deadline(users, year):
    return services.sar_year_set(
        user=users["director"], academic_year=year, deadline=thaidate.today() - dt.timedelta(days=1)
    )
