"""School size classes from the pupil count; thresholds differ by office type (DOMAIN §2)."""

from __future__ import annotations

from django.db import models
from django.db.models import Case, Value, When


class SizeClass(models.TextChoices):
    SMALL = "small", "เล็ก"
    MEDIUM = "medium", "กลาง"
    LARGE = "large", "ใหญ่"
    EXTRA_LARGE = "xlarge", "ใหญ่พิเศษ"


# Lowest pupil count of each class above "small"; a school with no pupils has no class.
THRESHOLDS: dict[str, list[tuple[int, SizeClass]]] = {
    "primary": [(1501, SizeClass.EXTRA_LARGE), (601, SizeClass.LARGE), (121, SizeClass.MEDIUM), (1, SizeClass.SMALL)],
    "secondary": [
        (2500, SizeClass.EXTRA_LARGE), (1500, SizeClass.LARGE), (500, SizeClass.MEDIUM), (1, SizeClass.SMALL),
    ],
}  # fmt: skip


def size_class(pupils: int, office_type: str) -> SizeClass | None:
    for floor, cls in THRESHOLDS[office_type]:
        if pupils >= floor:
            return cls
    return None


def size_class_expression(office_type: str) -> Case:
    """The same rule as a database expression, for filtering and grouping."""
    return Case(
        *[When(pupils__gte=floor, then=Value(cls.value)) for floor, cls in THRESHOLDS[office_type]],
        default=Value(""),
        output_field=models.CharField(),
    )
