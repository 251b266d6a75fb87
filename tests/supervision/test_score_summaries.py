"""The score sums the dashboard reads (issue 13) stay equal to a recomputation from the scores.

Each visit keeps the sum and number of its item scores; each fiscal year keeps, per tool item, the sum
and number of the scores of its counted visits (every status but draft). The services that write scores
keep both: saving a draft, submitting, correcting a returned visit, moving it to another year.
"""

from __future__ import annotations

import datetime as dt
import importlib

from django.apps import apps as django_apps
from django.db.models import Count, Sum

from core.models import LearningArea
from supervision import selectors, services
from supervision.models import ItemScoreTally, ToolItem, Visit, VisitScore
from supervision.models.visits import COUNTED_STATUSES
from supervision.services import score_tally

from .conftest import VISIT_DAY, full_scores

YEAR = 2570
MIGRATION = importlib.import_module("supervision.migrations.0012_visit_score_summaries")
NEXT_YEAR_DAY = dt.date(2027, 10, 5)  # ปีงบประมาณ 2571


def recomputed(year: int) -> dict[int, tuple[int, int]]:
    """Item id → (sum, count) over every non-empty score of the year's counted visits."""
    rows = (
        VisitScore.objects.filter(visit__fiscal_year=year, visit__status__in=COUNTED_STATUSES, value__isnull=False)
        .values("item_id")
        .annotate(t=Sum("value"), n=Count("id"))
    )
    return {r["item_id"]: (r["t"], r["n"]) for r in rows}


def kept(year: int) -> dict[int, tuple[int, int]]:
    rows = ItemScoreTally.objects.filter(fiscal_year=year).exclude(total=0, count=0)
    return {t.item_id: (t.total, t.count) for t in rows}


def visit_sums(visit: Visit) -> tuple[int, int]:
    visit.refresh_from_db()
    return visit.score_total, visit.score_count


def raw_sums(visit: Visit) -> tuple[int, int]:
    agg = visit.scores.filter(value__isnull=False).aggregate(t=Sum("value"), n=Count("id"))
    return agg["t"] or 0, agg["n"]


def correct(visit: Visit, user, *, scores: dict[int, tuple], date: dt.date = VISIT_DAY) -> None:  # noqa: ANN001
    """The supervisor corrects a returned (or draft) visit through the form's service."""
    services.visit_save(
        user=user, visit=visit,
        fields={"date": date, "strengths": "ครูใช้คำถามกระตุ้นการคิดวิเคราะห์ของนักเรียนชั้นประถมศึกษาปีที่ ๔"},
        team=[], teachers=[], scores=scores, follow_ups=[],
    )  # fmt: skip


def test_a_saved_draft_keeps_its_own_sum_but_adds_nothing_to_the_year(make_visit, classroom_tool):
    visit = make_visit(status="draft", scores=3)
    items = ToolItem.objects.filter(section__tool=classroom_tool).count()
    assert visit_sums(visit) == (3 * items, items) == raw_sums(visit)
    assert kept(YEAR) == {} == recomputed(YEAR)


def test_submitting_adds_the_visit_scores_to_the_year(make_visit, users):
    make_visit(status="submitted", scores=2)
    make_visit(status="acknowledged", scores=3)
    make_visit(status="draft", scores=1)
    assert kept(YEAR) == recomputed(YEAR)
    assert all(count == 2 for _total, count in kept(YEAR).values())


def test_a_returned_visit_whose_scores_change_moves_the_year_by_the_difference(make_visit, users, classroom_tool):
    make_visit(status="approved", scores=3)
    visit = make_visit(status="returned", scores=1)
    before = kept(YEAR)
    scores = full_scores(classroom_tool, 2)
    first, second = sorted(scores)[:2]
    scores[first], scores[second] = (None, "ยังไม่ได้สังเกต"), (0, "")
    correct(visit, users["supervisor"], scores=scores)
    assert kept(YEAR) == recomputed(YEAR) != before
    assert visit_sums(visit) == raw_sums(visit)
    assert kept(YEAR)[first] == (3, 1)  # only the approved visit's score of that item is left
    correct(visit, users["supervisor"], scores=full_scores(classroom_tool, 0))
    services.visit_submit(user=users["supervisor"], visit=visit)  # returned → submitted: already counted
    assert kept(YEAR) == recomputed(YEAR)


def test_moving_a_returned_visit_to_the_next_fiscal_year_moves_its_scores(make_visit, users, classroom_tool):
    visit = make_visit(status="returned", scores=2)
    correct(visit, users["supervisor"], scores=full_scores(classroom_tool, 3), date=NEXT_YEAR_DAY)
    assert kept(YEAR) == {} == recomputed(YEAR)
    assert kept(YEAR + 1) == recomputed(YEAR + 1) != {}


def test_the_whole_year_dashboard_averages_equal_the_averages_over_every_score(make_visit, users, classroom_tool):
    thai = LearningArea.objects.get(name="ภาษาไทย")
    for value in (3, 1, 2):
        visit = make_visit(status="draft", scores=value)
        services.visit_save(
            user=users["supervisor"], visit=visit, fields={"strengths": "ดี"}, team=[],
            teachers=[{"name": "นางสาวพรรณนิภา ศรีสวัสดิ์วงศ์ไพบูลย์", "learning_area": thai, "grade": "ป.๔"}],
            scores=full_scores(classroom_tool, value), follow_ups=[],
        )  # fmt: skip
        services.visit_submit(user=users["supervisor"], visit=visit)
    visits = selectors.counted_visits(YEAR)
    from_scores = selectors.scores_by_item(visits, classroom_tool.pk)
    assert selectors.scores_by_item(visits, classroom_tool.pk, fiscal_year=YEAR) == from_scores
    assert {row["average"] for row in from_scores} == {2.0}
    areas = selectors.scores_by_learning_area(visits, classroom_tool.pk)
    assert areas == [{"area": "ภาษาไทย", "average": 2.0, "visits": 3}]


def test_rebuilding_from_the_scores_gives_what_the_services_kept(make_visit, users, classroom_tool):
    make_visit(status="approved", scores=3)
    visit = make_visit(status="returned", scores=1)
    correct(visit, users["supervisor"], scores=full_scores(classroom_tool, 2))
    services_kept, sums = kept(YEAR), visit_sums(visit)
    score_tally.summaries_rebuild(fiscal_years=[YEAR])
    assert kept(YEAR) == services_kept and visit_sums(visit) == sums


def test_the_migration_fills_the_sums_of_visits_recorded_before_it(make_visit):
    visit = make_visit(status="submitted", scores=3)
    expected = kept(YEAR)
    ItemScoreTally.objects.all().delete()
    Visit.objects.update(score_total=0, score_count=0)
    MIGRATION.summaries_fill(django_apps, None)
    assert kept(YEAR) == expected == recomputed(YEAR)
    assert visit_sums(visit) == raw_sums(visit)


def test_a_write_that_changes_no_score_reads_the_visit_scores_once(make_visit, django_assert_num_queries):
    """Submitting a returned visit again: its own sums are refreshed from one read, the year is untouched."""
    visit = make_visit(status="returned", scores=2)
    before = score_tally.contribution(visit)
    with django_assert_num_queries(2):  # the visit's scores, then its sums written back
        score_tally.tally_update(visit, before=before)
    assert kept(YEAR) == recomputed(YEAR) and visit_sums(visit) == raw_sums(visit)
