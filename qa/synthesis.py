"""District synthesis of the schools' self-assessment reports for one academic year.

Only submitted and reviewed SARs count (a draft is not yet the school's report).
Recurring strengths and needs are counted phrase by phrase: each line a school wrote is
one phrase; phrases match when they are identical after removing item numbers, bullets,
spaces and end punctuation. A phrase counts once per school.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from core.models import OfficeProfile
from schools.models import School
from schools.sizes import SizeClass, size_class

from .models import Level, SarRating, SarStatus, SelfAssessmentReport, Standard

OFFICIAL = (SarStatus.SUBMITTED, SarStatus.REVIEWED)
LEVELS = list(Level)  # ascending: กำลังพัฒนา … ยอดเยี่ยม
NO_CLUSTER = "ไม่ระบุกลุ่มโรงเรียน"
NO_SIZE = "ไม่ระบุขนาด"


@dataclass
class Distribution:
    """How many schools reached each level, lowest level first."""

    label: str
    counts: list[int] = field(default_factory=lambda: [0] * len(LEVELS))

    def add(self, level: int) -> None:
        self.counts[level - 1] += 1

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def below_good(self) -> int:
        return sum(self.counts[: Level.GOOD - 1])

    @property
    def good_or_better_percent(self) -> float | None:
        return round(100 * (self.total - self.below_good) / self.total, 1) if self.total else None

    def as_dict(self) -> dict[str, int]:
        return {level.label: count for level, count in zip(LEVELS, self.counts, strict=True)}


@dataclass
class StandardStats:
    standard: Standard
    overall: Distribution
    by_cluster: list[Distribution]
    by_size: list[Distribution]


@dataclass
class SchoolBelowGood:
    school: School
    sar_id: int
    standards: list[tuple[Standard, int]]  # (standard, level) below ดี


@dataclass
class Synthesis:
    academic_year: int
    sars: int
    schools_expected: int
    standards: list[StandardStats]
    below_good: list[SchoolBelowGood]
    strengths: list[tuple[str, int]]
    needs: list[tuple[str, int]]

    @property
    def levels(self) -> list[Level]:
        return LEVELS


_LEAD = re.compile(r"^[\s\-–•*·>]*(?:\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)]?)?\s*")
_TRAIL = re.compile(r"[\s.,;:!。]+$")


def phrase_key(line: str) -> tuple[str, str]:
    """(matching key, cleaned display text) of one written line; empty key for a blank line."""
    cleaned = _TRAIL.sub("", _LEAD.sub("", line.strip()))
    cleaned = re.sub(r"\s+", " ", cleaned)
    return re.sub(r"\s+", "", cleaned).lower(), cleaned


def recurring_phrases(texts: list[str], *, limit: int = 15) -> list[tuple[str, int]]:
    """Phrases written by most schools: (phrase, number of schools), most frequent first."""
    counts: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        keys_in_school = set()
        for line in text.splitlines():
            key, display = phrase_key(line)
            if key:
                keys_in_school.add(key)
                shown[key][display] += 1
        counts.update(keys_in_school)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], shown[kv[0]].most_common(1)[0][0]))
    return [(shown[key].most_common(1)[0][0], n) for key, n in ranked[:limit]]


def _groups(school: School, office_type: str) -> tuple[str, str]:
    """(cluster name, size class label) of a school, for the breakdowns."""
    cls = size_class(school.pupils, office_type)
    return (school.cluster.name if school.cluster else NO_CLUSTER), (cls.label if cls else NO_SIZE)


def _grouped(rows: dict[str, Distribution], order: list[str]) -> list[Distribution]:
    return [rows[key] for key in order if key in rows]


def official_sars(academic_year: int):  # noqa: ANN201 - QuerySet
    return SelfAssessmentReport.objects.filter(academic_year=academic_year, status__in=OFFICIAL).select_related(
        "school", "school__cluster"
    )


def build(academic_year: int) -> Synthesis:
    office_type = OfficeProfile.get().office_type
    sars = {s.pk: s for s in official_sars(academic_year).order_by("school__name")}
    rows = SarRating.objects.filter(sar__in=list(sars), level__isnull=False).values_list(
        "sar_id", "standard_id", "level"
    )
    standards = {
        std.pk: std for std in Standard.objects.filter(sar_ratings__sar__in=list(sars)).distinct()
        .select_related("standard_set").order_by("standard_set__education_level", "standard_set_id", "order")
    }  # fmt: skip
    overall: dict[int, Distribution] = {pk: Distribution(label="รวม") for pk in standards}
    by_cluster: dict[int, dict[str, Distribution]] = defaultdict(dict)
    by_size: dict[int, dict[str, Distribution]] = defaultdict(dict)
    below: dict[int, list[tuple[Standard, int]]] = defaultdict(list)
    groups = {pk: _groups(sar.school, office_type) for pk, sar in sars.items()}
    ordered = rows.order_by("standard__standard_set__education_level", "standard__standard_set_id", "standard__order")
    for sar_id, std_id, level in ordered:
        cluster, size = groups[sar_id]
        overall[std_id].add(level)
        by_cluster[std_id].setdefault(cluster, Distribution(label=cluster)).add(level)
        by_size[std_id].setdefault(size, Distribution(label=size)).add(level)
        if level < Level.GOOD:
            below[sar_id].append((standards[std_id], level))
    cluster_order = sorted({cluster for cluster, _ in groups.values()})
    size_order = [c.label for c in SizeClass] + [NO_SIZE]
    stats = [
        StandardStats(std, overall[pk], _grouped(by_cluster[pk], cluster_order), _grouped(by_size[pk], size_order))
        for pk, std in standards.items() if overall[pk].total
    ]  # fmt: skip
    return Synthesis(
        academic_year=academic_year,
        sars=len(sars),
        schools_expected=School.objects.filter(is_active=True).count(),
        standards=stats,
        below_good=[SchoolBelowGood(s.school, pk, below[pk]) for pk, s in sars.items() if below.get(pk)],
        strengths=recurring_phrases([s.strengths for s in sars.values()]),
        needs=recurring_phrases([s.to_develop for s in sars.values()]),
    )
