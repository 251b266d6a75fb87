"""The year's score totals per tool item (สรุปคะแนนรายข้อประจำปี), kept by the services that write scores.

The dashboard's "mean score per item" over every counted visit of a year reads these few rows instead of
aggregating every VisitScore of the year; a scoped dashboard (one cluster, supervisor, activity or type)
still aggregates its own, smaller set of scores.
"""

from __future__ import annotations

from django.db import models


class ItemScoreTally(models.Model):
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ")
    item = models.ForeignKey("ToolItem", on_delete=models.CASCADE, related_name="tallies", verbose_name="ข้อ")
    total = models.BigIntegerField("คะแนนรวม", default=0)
    count = models.PositiveIntegerField("จำนวนคะแนน", default=0)

    class Meta:
        verbose_name = "สรุปคะแนนรายข้อประจำปี"
        verbose_name_plural = "สรุปคะแนนรายข้อประจำปี"
        constraints = [models.UniqueConstraint(fields=["fiscal_year", "item"], name="itemscoretally_one_per_year")]

    def __str__(self) -> str:
        return f"{self.fiscal_year} ข้อ {self.item_id}: {self.total}/{self.count}"
