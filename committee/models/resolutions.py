"""Resolutions (มติ) to follow up: who, by when, status, notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .agenda import AgendaItem


class ResolutionStatus(models.TextChoices):
    OPEN = "open", "ยังไม่ดำเนินการ"
    IN_PROGRESS = "in_progress", "อยู่ระหว่างดำเนินการ"
    DONE = "done", "ดำเนินการแล้ว"
    CANCELLED = "cancelled", "ยกเลิก"


UNFINISHED = (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS)


class Resolution(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="resolutions", verbose_name="เรื่อง")
    text = models.TextField("มติ")
    responsible = models.CharField("ผู้รับผิดชอบ", max_length=200, blank=True)
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="ผู้รับผิดชอบ (ผู้ใช้ในระบบ)",
    )  # fmt: skip
    due_date = models.DateField("กำหนดเสร็จ", null=True, blank=True)
    status = models.CharField("สถานะ", max_length=12, choices=ResolutionStatus.choices, default=ResolutionStatus.OPEN)
    created_at = models.DateTimeField("บันทึกเมื่อ", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item__meeting__date", "item__section", "item__position", "pk"]
        verbose_name = "มติที่ต้องติดตาม"
        verbose_name_plural = "มติที่ต้องติดตาม"

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_unfinished(self) -> bool:
        return self.status in UNFINISHED


class FollowUp(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField("วันที่")
    note = models.TextField("ผลการติดตาม")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "ผลการติดตามมติ"
        verbose_name_plural = "ผลการติดตามมติ"

    def __str__(self) -> str:
        return self.note[:60]
