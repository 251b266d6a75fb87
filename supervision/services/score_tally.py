"""The score summaries the dashboard reads (issue 13), kept up to date by the services that write scores.

- Visit.score_total / score_count: the sum and number of a visit's non-empty item scores;
- ItemScoreTally: per fiscal year and tool item, the sum and number of the scores of counted visits
  (every status but draft), changed by the difference a write makes, so concurrent writers add up.
A service calls `contribution(visit)` before it changes scores, status or date, and `tally_update(visit,
before=…)` after; `summaries_rebuild()` recomputes everything from the scores (migration, bulk loads).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from ..models import ItemScoreTally, Visit, VisitScore
from ..models.visits import COUNTED_STATUSES

__all__ = ["contribution", "summaries_rebuild", "tally_update"]

Contribution = dict[tuple[int, int], tuple[int, int]]  # (fiscal_year, item_id) -> (total, count)


def _scores(visit: Visit) -> list[tuple[int, int]]:
    """(item id, value) of the visit's non-empty scores as stored now."""
    return list(VisitScore.objects.filter(visit=visit, value__isnull=False).values_list("item_id", "value"))


def _contribution(visit: Visit, scores: list[tuple[int, int]]) -> Contribution:
    if visit.status not in COUNTED_STATUSES:
        return {}
    return {(visit.fiscal_year, item_id): (value, 1) for item_id, value in scores}


def contribution(visit: Visit) -> Contribution:
    """What the visit adds to the year's tallies as stored now: nothing unless it is counted."""
    return _contribution(visit, _scores(visit)) if visit.status in COUNTED_STATUSES else {}


def _visit_summary_refresh(visit: Visit, scores: list[tuple[int, int]]) -> None:
    visit.score_total, visit.score_count = sum(value for _item, value in scores), len(scores)
    Visit.objects.filter(pk=visit.pk).update(score_total=visit.score_total, score_count=visit.score_count)


def tally_update(visit: Visit, *, before: Contribution) -> None:
    """Refresh the visit's own sums and add the difference between its contribution now and `before`
    (one read of the visit's scores serves both)."""
    scores = _scores(visit)
    _visit_summary_refresh(visit, scores)
    after = _contribution(visit, scores)
    for year, item_id in set(before) | set(after):
        new, old = after.get((year, item_id), (0, 0)), before.get((year, item_id), (0, 0))
        total, count = new[0] - old[0], new[1] - old[1]
        if total == 0 and count == 0:
            continue
        tally, _ = ItemScoreTally.objects.get_or_create(fiscal_year=year, item_id=item_id)
        ItemScoreTally.objects.filter(pk=tally.pk).update(total=F("total") + total, count=F("count") + count)


def _score_sums(field: str) -> Coalesce:
    scores = VisitScore.objects.filter(visit=OuterRef("pk"), value__isnull=False).values("visit")
    return Coalesce(Subquery(scores.annotate(x=Sum("value") if field == "t" else Count("id")).values("x")), 0)


@transaction.atomic
def summaries_rebuild(*, fiscal_years: list[int] | None = None) -> None:
    """Recompute the visits' sums and the tallies of the given years (all years when None) from the scores."""
    visits, tallies = Visit.objects.all(), ItemScoreTally.objects.all()
    scores = VisitScore.objects.filter(value__isnull=False, visit__status__in=COUNTED_STATUSES)
    if fiscal_years is not None:
        visits, tallies = visits.filter(fiscal_year__in=fiscal_years), tallies.filter(fiscal_year__in=fiscal_years)
        scores = scores.filter(visit__fiscal_year__in=fiscal_years)
    visits.update(score_total=_score_sums("t"), score_count=_score_sums("n"))
    tallies.delete()
    rows = scores.values("visit__fiscal_year", "item_id").annotate(t=Sum("value"), n=Count("id")).order_by()
    ItemScoreTally.objects.bulk_create(
        ItemScoreTally(fiscal_year=r["visit__fiscal_year"], item_id=r["item_id"], total=r["t"], count=r["n"])
        for r in rows
    )
