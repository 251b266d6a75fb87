"""The annual report (รายงานผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา ประจำปี)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class AnnualReport(models.Model):
    """Narrative sections per fiscal year; the figures come from the data when rendered."""

    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ", unique=True)
    preface = models.TextField("คำนำ", blank=True)
    executive_summary = models.TextField("บทสรุปสำหรับผู้บริหาร", blank=True)
    recommendations = models.TextField("ข้อเสนอแนะ", blank=True)
    is_published = models.BooleanField("เผยแพร่แล้ว", default=False)
    published_at = models.DateTimeField("เผยแพร่เมื่อ", null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    history = HistoricalRecords()
    STATUS_COLOURS = {"published": "success", "draft": "secondary"}  # an annual report is published or not

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = "รายงานประจำปี ก.ต.ป.น."
        verbose_name_plural = "รายงานประจำปี ก.ต.ป.น."

    def __str__(self) -> str:
        return f"รายงานประจำปีงบประมาณ {self.fiscal_year}"

    @property
    def status(self) -> str:
        return "published" if self.is_published else "draft"

    def get_status_display(self) -> str:
        return "เผยแพร่แล้ว" if self.is_published else "ร่าง"
