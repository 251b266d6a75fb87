"""Supervision tools (เครื่องมือนิเทศ) as data: forms and rubrics with sections, items and a scale."""

from __future__ import annotations

from django.db import models


class Scale(models.TextChoices):
    ZERO_THREE = "0-3", "3/2/1/0 (ดีมาก/ดี/พอใช้/ปรับปรุง)"
    ONE_FOUR = "1-4", "1–4"
    ONE_FIVE = "1-5", "1–5 (น้อยที่สุด–มากที่สุด)"
    YES_NO = "yes-no", "มี/ไม่มี"


SCALE_LEVELS: dict[str, list[tuple[int, str]]] = {
    Scale.ZERO_THREE: [(3, "3 ดีมาก"), (2, "2 ดี"), (1, "1 พอใช้"), (0, "0 ปรับปรุง")],
    Scale.ONE_FOUR: [(4, "4"), (3, "3"), (2, "2"), (1, "1")],
    Scale.ONE_FIVE: [(5, "5"), (4, "4"), (3, "3"), (2, "2"), (1, "1")],
    Scale.YES_NO: [(1, "มี/ใช่"), (0, "ไม่มี/ไม่ใช่")],
}


class Tool(models.Model):
    name = models.CharField("ชื่อเครื่องมือ", max_length=300, unique=True)
    description = models.TextField("คำชี้แจง", blank=True)
    scale = models.CharField("มาตราส่วน", max_length=10, choices=Scale.choices, default=Scale.ZERO_THREE)
    visit_type = models.CharField("ใช้กับการนิเทศประเภท", max_length=30, blank=True)
    is_active = models.BooleanField("ใช้งาน", default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "เครื่องมือนิเทศ"
        verbose_name_plural = "เครื่องมือนิเทศ"

    def __str__(self) -> str:
        return self.name

    @property
    def levels(self) -> list[tuple[int, str]]:
        return SCALE_LEVELS[self.scale]

    @property
    def max_score(self) -> int:
        return max(value for value, _ in self.levels)


class ToolSection(models.Model):
    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    title = models.CharField("ตอน/ด้าน", max_length=300)

    class Meta:
        ordering = ["tool", "order", "id"]
        verbose_name = "ตอนของเครื่องมือ"
        verbose_name_plural = "ตอนของเครื่องมือ"

    def __str__(self) -> str:
        return self.title


class ToolItem(models.Model):
    section = models.ForeignKey(ToolSection, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    text = models.CharField("รายการ", max_length=500)
    allow_comment = models.BooleanField("มีช่องความเห็น", default=True)

    class Meta:
        ordering = ["section", "order", "id"]
        verbose_name = "รายการประเมิน"
        verbose_name_plural = "รายการประเมิน"

    def __str__(self) -> str:
        return self.text
