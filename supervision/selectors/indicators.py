"""Indicators that measure themselves (issue 16 item 4): the value computed from the records, shown
beside the target with the method in Thai; a typed result (with its note) is kept and shown apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import measures
from ..models import Activity, EventStatus, GroupEvent, Indicator, Measure
from .activities import activity_progress
from .coverage import coverage, satisfaction

__all__ = ["IndicatorValue", "indicator_value", "project_indicator_values"]

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class IndicatorValue:
    indicator: Indicator
    method: str  # the measure in Thai
    computed: str  # "ร้อยละ 50.00 (1 จาก 2 โรงเรียน)", "" when typed by hand
    value: Decimal | None
    met: bool | None  # against the first number of the target
    typed: str  # the result the supervisor typed
    note: str  # why it was typed


def _percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(100 * part) / whole).quantize(Decimal("0.01")) if whole else None


def _as_percent(part: int, whole: int, unit: str) -> tuple[Decimal | None, str]:
    value = _percent(part, whole)
    if value is None:
        return None, f"ยังไม่มี{unit}ให้นับ"
    return value, f"ร้อยละ {value:,.2f} ({part:,} จาก {whole:,} {unit})"


def _figures(year: int, activity: Activity | None, memo: dict) -> dict:
    """activity_progress(activity), or the year's coverage(): read once for all the indicators that use it."""
    key = ("activity", activity.pk) if activity is not None else ("year", year)
    if key not in memo:
        memo[key] = activity_progress(activity) if activity is not None else coverage(year)
    return memo[key]


def _coverage(year: int, activity: Activity | None, memo: dict) -> tuple[Decimal | None, str]:
    figures = _figures(year, activity, memo)
    visited = figures["reached"] if activity is not None else figures["visited"]
    return _as_percent(visited, figures["schools"], "โรงเรียน")


def _visits_per_school(year: int, activity: Activity | None, memo: dict) -> tuple[Decimal | None, str]:
    figures = _figures(year, activity, memo)
    if activity is not None:
        target, met, schools = figures["target"], figures["met"], figures["schools"]
    else:
        target, met, schools = figures["target_per_school"], figures["met_target"], figures["schools"]
    if not target:
        return None, "ยังไม่ได้กำหนดเป้าหมายครั้ง/โรงเรียน"
    value, text = _as_percent(met or 0, schools, "โรงเรียน")
    return value, f"{text} ครบ {target} ครั้ง/โรงเรียน"


def _satisfied(year: int, activity: Activity | None, memo: dict) -> tuple[Decimal | None, str]:
    sat = satisfaction(year)
    value, text = _as_percent(sat["satisfied_schools"], sat["schools"], "โรงเรียนที่ตอบ")
    return value, f"{text}; คำตอบทั้งหมด {sat['answers']:,} ฉบับ"


def _events_held(year: int, activity: Activity | None) -> int:
    """Group events held in the year (a draft or a cancelled one never counts), of one activity if given."""
    qs = GroupEvent.objects.filter(fiscal_year=year, status=EventStatus.HELD)
    return qs.filter(activity=activity).count() if activity is not None else qs.count()


def _count(year: int, activity: Activity | None, measure: str) -> tuple[Decimal | None, str]:
    n = _events_held(year, activity) if measure == Measure.EVENTS else measures.count(measure, year)
    if n is None:
        return None, "ยังไม่มีข้อมูลในระบบให้นับ"
    return Decimal(n), f"{n:,} ครั้ง"


COMPUTE = {
    Measure.COVERAGE: _coverage,
    Measure.VISITS_PER_SCHOOL: _visits_per_school,
    Measure.SATISFIED_SCHOOLS: _satisfied,
    Measure.MEETINGS: lambda year, activity, memo: _count(year, activity, Measure.MEETINGS),
    Measure.EVENTS: lambda year, activity, memo: _count(year, activity, Measure.EVENTS),
}


def target_number(target: str) -> Decimal | None:
    """The first number of a typed target: "ร้อยละ 80" → 80, "6 ครั้ง/ปีงบประมาณ" → 6."""
    found = NUMBER.search(target or "")
    return Decimal(found.group().replace(",", "")) if found else None


def indicator_value(indicator: Indicator, fiscal_year: int, *, memo: dict | None = None) -> IndicatorValue:
    """The indicator's value computed from the records; `memo` shares figures between a project's indicators."""
    compute = COMPUTE.get(indicator.measure)
    memo = {} if memo is None else memo
    value, computed = compute(fiscal_year, indicator.measure_activity, memo) if compute else (None, "")
    goal = target_number(indicator.target)
    return IndicatorValue(
        indicator=indicator, method=indicator.get_measure_display(), computed=computed, value=value,
        met=None if value is None or goal is None else value >= goal,
        typed=indicator.result, note=indicator.result_note,
    )  # fmt: skip


def project_indicator_values(project: object) -> list[IndicatorValue]:
    """Every indicator of a project, computed for the fiscal year of its plan."""
    year, memo = project.plan.fiscal_year, {}
    return [indicator_value(i, year, memo=memo) for i in project.indicators.select_related("measure_activity")]
