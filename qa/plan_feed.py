"""From the SAR synthesis to the Plan phase of the next fiscal year's supervision plan (seed 004 §5.5).

What goes into the plan; the write itself is services.synthesis_to_plan.
"""

from __future__ import annotations

from .models import EducationLevel, Level
from .synthesis import Synthesis

MAX_NEEDS = 5


def next_fiscal_year(academic_year: int) -> int:
    """SARs of academic year Y arrive by May Y+1; the next plan is fiscal year Y+2 (from 1 Oct Y+1)."""
    return academic_year + 2


def source_label(academic_year: int) -> str:
    return f"สังเคราะห์ SAR ปีการศึกษา {academic_year}"


def _level_short(std) -> str:  # noqa: ANN001
    return "ปฐมวัย" if std.standard_set.education_level == EducationLevel.EARLY_CHILDHOOD else "ขั้นพื้นฐาน"


def plan_items(data: Synthesis) -> list[dict]:
    """Priority standards (most schools below ดี first), priority schools, and recurring needs."""
    source = source_label(data.academic_year)
    items: list[dict] = []
    weak = sorted((s for s in data.standards if s.overall.below_good), key=lambda s: -s.overall.below_good)
    for stats in weak:
        std, dist = stats.standard, stats.overall
        parts = [f"{level.label} {n} แห่ง" for level, n in zip(data.levels, dist.counts, strict=True)
                 if n and level < Level.GOOD]  # fmt: skip
        items.append({
            "title": f"ยกระดับมาตรฐาน{_level_short(std)} {std.code} {std.name}"[:300],
            "detail": f"สถานศึกษา {dist.below_good} จาก {dist.total} แห่งประเมินตนเองต่ำกว่าระดับดี ({', '.join(parts)})",
            "school": None, "source": source,
        })  # fmt: skip
    for row in data.below_good:
        listed = ", ".join(f"{_level_short(s)} {s.code} ({Level(level).label})" for s, level in row.standards)
        items.append({
            "title": "สถานศึกษาที่ควรได้รับการนิเทศเร่งด่วนตามผล SAR",
            "detail": f"มาตรฐานที่ต่ำกว่าระดับดี: {listed}", "school": row.school, "source": source,
        })  # fmt: skip
    for phrase, count in [(p, n) for p, n in data.needs if n >= 2][:MAX_NEEDS]:
        items.append({
            "title": f"จุดที่ควรพัฒนาร่วม: {phrase}"[:300],
            "detail": f"พบในรายงานของสถานศึกษา {count} แห่ง", "school": None, "source": source,
        })  # fmt: skip
    return items
