"""The plan in the committee's cycle: an agenda item that presents the plan, or one of its projects, for approval.

Kept beside the agenda item (one row per item) so the agenda's own model stays as it is; the มติ of
that item is what the plan page shows (through the core.panels slot "plan_detail").
"""

from __future__ import annotations

from django.db import models

from .agenda import AgendaItem


class AgendaPlanLink(models.Model):
    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="plan_link", verbose_name="เรื่อง")
    plan = models.ForeignKey(
        "supervision.AnnualPlan", on_delete=models.PROTECT, related_name="+", verbose_name="แผนนิเทศที่เสนอ"
    )
    project = models.ForeignKey(
        "supervision.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="โครงการที่เสนอ (ถ้าเสนอเฉพาะโครงการ)",
    )  # fmt: skip

    class Meta:
        verbose_name = "แผน/โครงการที่เสนอขอความเห็นชอบ"
        verbose_name_plural = "แผน/โครงการที่เสนอขอความเห็นชอบ"

    def __str__(self) -> str:
        return str(self.project or self.plan)
