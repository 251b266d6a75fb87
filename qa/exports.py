"""Excel export of a year's SARs: one row per school, one column per rated standard."""

from __future__ import annotations

from core.models import OfficeProfile
from schools.sizes import size_class

from .models import EducationLevel, Level, SarRating, Standard
from .synthesis import official_sars


def _column(std) -> str:  # noqa: ANN001
    prefix = "ปฐมวัย " if std.standard_set.education_level == EducationLevel.EARLY_CHILDHOOD else "มฐ. "
    return f"{prefix}{std.code}"


def synthesis_rows(academic_year: int) -> tuple[list[str], list[list[object]]]:
    office_type = OfficeProfile.get().office_type
    sars = list(official_sars(academic_year).order_by("school__cluster__name", "school__name"))
    ratings = (
        SarRating.objects.filter(sar__in=[s.pk for s in sars])
        .order_by("standard__standard_set__education_level", "standard__standard_set_id", "standard__order")
        .values_list("sar_id", "standard_id", "level")
    )
    standards = {
        s.pk: s for s in Standard.objects.filter(sar_ratings__sar__in=sars).distinct().select_related("standard_set")
    }
    columns: dict[int, str] = {}
    levels: dict[tuple[int, int], int | None] = {}
    for sar_id, standard_id, level in ratings:
        columns.setdefault(standard_id, _column(standards[standard_id]))
        levels[(sar_id, standard_id)] = level
    headers = ["รหัสสถานศึกษา", "ชื่อสถานศึกษา", "กลุ่มโรงเรียน", "ขนาด", "สถานะ", *columns.values(),
               "จุดเด่น", "จุดที่ควรพัฒนา"]  # fmt: skip
    rows = []
    for sar in sars:
        size = size_class(sar.school.pupils, office_type)
        cells = [Level(lv).label if (lv := levels.get((sar.pk, sid))) else "" for sid in columns]
        rows.append([
            sar.school.code, sar.school.name, sar.school.cluster.name if sar.school.cluster else "",
            size.label if size else "", sar.get_status_display(), *cells, sar.strengths, sar.to_develop,
        ])  # fmt: skip
    return headers, rows
