"""Visit types and event types (ประเภทการนิเทศ / ประเภทกิจกรรมกลุ่ม): data the office edits, not fixed choices."""

from __future__ import annotations

from django.core.cache import cache
from django.db import models

NAMES_CACHE_KEY = "supervision.visit_type_names"


class VisitType(models.Model):
    """A kind of school visit. A visit stores the type's `code`, so renaming a type never touches visits."""

    # The types every office starts with (codes kept from the former fixed choices).
    CLASSROOM = "classroom"
    INTERNAL = "internal"
    POLICY = "policy"
    QA = "qa"
    ONLINE = "online"

    code = models.SlugField("รหัส", max_length=20, unique=True, help_text="ภาษาอังกฤษ/ตัวเลข ใช้ภายในระบบ")
    name = models.CharField("ชื่อประเภทการนิเทศ", max_length=200)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    is_active = models.BooleanField(
        "ใช้งาน", default=True, help_text="ปิดแล้วจะไม่แสดงในแบบบันทึกใหม่ การนิเทศเดิมยังคงประเภทเดิม"
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "ประเภทการนิเทศ"
        verbose_name_plural = "ประเภทการนิเทศ"

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)
        cache.delete(NAMES_CACHE_KEY)


class EventType(models.Model):
    """A kind of group event (กิจกรรมกลุ่ม) and whether attending it counts toward a school's coverage."""

    code = models.SlugField("รหัส", max_length=20, unique=True, help_text="ภาษาอังกฤษ/ตัวเลข ใช้ภายในระบบ")
    name = models.CharField("ชื่อประเภทกิจกรรม", max_length=200)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    is_active = models.BooleanField("ใช้งาน", default=True)
    counts_toward_coverage = models.BooleanField(
        "นับเป็นการนิเทศโรงเรียนที่เข้าร่วม",
        default=True,
        help_text="เลือกเมื่อโรงเรียนที่เข้าร่วมกิจกรรมนี้ถือว่าได้รับการนิเทศ 1 ครั้ง",
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "ประเภทกิจกรรมกลุ่ม"
        verbose_name_plural = "ประเภทกิจกรรมกลุ่ม"

    def __str__(self) -> str:
        return self.name


DEFAULT_VISIT_TYPES = [
    (VisitType.CLASSROOM, "นิเทศการจัดการเรียนรู้ในชั้นเรียน"),
    (VisitType.INTERNAL, "นิเทศระบบการนิเทศภายในสถานศึกษา"),
    (VisitType.POLICY, "นิเทศ ติดตามโครงการตามนโยบาย"),
    (VisitType.QA, "การประกันคุณภาพ"),
    (VisitType.ONLINE, "นิเทศออนไลน์"),
]
DEFAULT_EVENT_TYPES = [  # code, name, counts toward the participating schools' coverage
    ("group", "นิเทศแบบพบกลุ่ม", True),
    ("workshop", "ประชุมเชิงปฏิบัติการ", True),
    ("network", "ประชุมเครือข่าย/นิเทศโดยใช้เครือข่ายเป็นฐาน", True),
    ("plc", "ชุมชนการเรียนรู้ทางวิชาชีพ (PLC)", True),
    ("km", "การจัดการความรู้ (KM)", False),
    ("directors", "ประชุมผู้บริหารสถานศึกษา", False),
    ("online", "นิเทศออนไลน์", True),
]


def ensure_default_types() -> None:
    """The types every office starts with (migration 0010 adds them; a flushed test database gets them here)."""
    if not VisitType.objects.exists():
        for order, (code, name) in enumerate(DEFAULT_VISIT_TYPES, start=1):
            VisitType.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    if not EventType.objects.exists():
        for order, (code, name, counts) in enumerate(DEFAULT_EVENT_TYPES, start=1):
            EventType.objects.get_or_create(
                code=code, defaults={"name": name, "order": order, "counts_toward_coverage": counts}
            )


def visit_type_names() -> dict[str, str]:
    """Code → name of every visit type (cached; a saved type clears the cache)."""
    names = cache.get(NAMES_CACHE_KEY)
    if not names:
        names = dict(VisitType.objects.values_list("code", "name")) or dict(DEFAULT_VISIT_TYPES)
        cache.set(NAMES_CACHE_KEY, names, 300)
    return names


def visit_type_choices(*, current: str = "") -> list[tuple[str, str]]:
    """Active types in the office's order, plus `current` if it has since been switched off."""
    rows = VisitType.objects.filter(models.Q(is_active=True) | models.Q(code=current)).values_list("code", "name")
    if not (choices := list(rows)) and not VisitType.objects.exists():  # checked on every page otherwise
        ensure_default_types()
        choices = list(rows.all())
    return choices
