"""Migration 0010 turns the fixed visit types into data: every existing visit keeps its type."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

BEFORE = [("supervision", "0009_indicators_registers_survey_questions")]
AFTER = [("supervision", "0010_visit_types_group_events")]


def _migrate(targets: list) -> object:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest():
    """Leave the database at every app's latest migration, whatever comes after 0010."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_existing_visits_keep_their_type_and_an_unknown_code_becomes_a_type_of_its_own(users, school, back_to_latest):
    old = _migrate(BEFORE)
    Visit = old.get_model("supervision", "Visit")
    day = dt.date(2026, 11, 20)
    for code in ("policy", "qa", "coaching"):
        Visit.objects.create(school_id=school.pk, date=day, fiscal_year=2570, visit_type=code,
                             created_by_id=users["supervisor"].pk)  # fmt: skip
    new = _migrate(AFTER)
    VisitType = new.get_model("supervision", "VisitType")
    names = dict(VisitType.objects.values_list("code", "name"))
    visits = new.get_model("supervision", "Visit").objects.order_by("visit_type")
    assert [v.visit_type for v in visits] == ["coaching", "policy", "qa"]
    assert names["policy"] == "นิเทศ ติดตามโครงการตามนโยบาย" and names["qa"] == "การประกันคุณภาพ"
    assert names["coaching"] == "coaching"
    assert new.get_model("supervision", "EventType").objects.filter(code="group", counts_toward_coverage=True).exists()
