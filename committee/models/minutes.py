"""Minutes (รายงานการประชุม, form 11), their approval and later corrections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .agenda import AgendaItem
from .meetings import Meeting


class Minutes(models.Model):
    """The header and signatures of a meeting's minutes; each item's record and มติ
    live on the agenda items. Approval at a later meeting locks all of it."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes", verbose_name="การประชุม")
    started_at = models.TimeField("เริ่มประชุมเวลา", null=True, blank=True)
    ended_at = models.TimeField("เลิกประชุมเวลา", null=True, blank=True)
    recorder_name = models.CharField("ผู้จดรายงานการประชุม", max_length=200, blank=True)
    recorder_title = models.CharField("ตำแหน่งผู้จดรายงาน", max_length=200, blank=True)
    checker_name = models.CharField("ผู้ตรวจรายงานการประชุม", max_length=200, blank=True)
    checker_title = models.CharField("ตำแหน่งผู้ตรวจรายงาน", max_length=200, blank=True)
    approved_at_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="approved_minutes",
        verbose_name="รับรองในการประชุม",
    )  # fmt: skip
    approved_on = models.DateTimeField("บันทึกการรับรองเมื่อ", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="ผู้บันทึกการรับรอง",
    )  # fmt: skip
    draft_data = models.JSONField("ร่างที่พิมพ์ค้างไว้ (ยังไม่ผ่านการตรวจสอบ)", null=True, blank=True)
    draft_saved_at = models.DateTimeField("บันทึกร่างล่าสุด", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["draft_data", "draft_saved_at"])

    class Meta:
        verbose_name = "รายงานการประชุม"
        verbose_name_plural = "รายงานการประชุม"

    def __str__(self) -> str:
        return f"รายงานการประชุม {self.meeting}"

    @property
    def is_locked(self) -> bool:
        return self.approved_at_meeting_id is not None


class MinutesCorrection(models.Model):
    """A correction recorded beside approved minutes (never overwriting them)."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="corrections")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="corrections",
        verbose_name="เรื่องที่แก้ไข (ถ้าเจาะจง)",
    )  # fmt: skip
    text = models.TextField("ข้อความที่แก้ไข")
    reason = models.CharField("เหตุผล/ที่มา", max_length=300, blank=True, help_text="เช่น มติที่ประชุมครั้งที่ 4/2569")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("บันทึกเมื่อ", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "บันทึกแก้ไขรายงานการประชุม"
        verbose_name_plural = "บันทึกแก้ไขรายงานการประชุม"

    def __str__(self) -> str:
        return self.text[:60]
