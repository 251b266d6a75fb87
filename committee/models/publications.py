"""Publishing (การเผยแพร่): what the secretary or the director makes available to schools or to everyone.

A publication is a file (uploaded, or a PDF the system generated, copied in when published) with
who published it and when. It is withdrawn, never deleted: a withdrawn publication is kept and
marked, and disappears from the lists, the schools' home page and the public page.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from core import uploads


class PublicationKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", "รายงานผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา"
    PLAN = "plan", "แผนนิเทศ"
    INFORMATION = "information", "สารสนเทศ 4 ด้าน"
    SYNTHESIS = "synthesis", "ผลการสังเคราะห์"
    BEST_PRACTICE = "best_practice", "แนวปฏิบัติที่ดี (Best Practice)"
    OTHER = "other", "เอกสารอื่น"


class Audience(models.TextChoices):
    SCHOOLS = "schools", "สถานศึกษาในสังกัด (ต้องเข้าสู่ระบบ)"
    PUBLIC = "public", "สาธารณะ (ทุกคน ไม่ต้องเข้าสู่ระบบ)"


def _publication_upload_to(pub: Publication, filename: str) -> str:
    return uploads.stored_name("publications", filename)


class Publication(models.Model):
    title = models.CharField("ชื่อเรื่อง", max_length=300)
    kind = models.CharField("ประเภท", max_length=20, choices=PublicationKind.choices)
    audience = models.CharField("เผยแพร่ถึง", max_length=10, choices=Audience.choices)
    description = models.TextField("คำอธิบาย", blank=True)
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ", null=True, blank=True)
    file = models.FileField("ไฟล์", upload_to=_publication_upload_to, max_length=300)
    original_name = models.CharField("ชื่อไฟล์", max_length=255, blank=True)
    mime = models.CharField("ชนิดไฟล์", max_length=100, default="application/pdf")
    plan = models.ForeignKey(
        "supervision.AnnualPlan", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="แผนนิเทศที่เผยแพร่",
    )  # fmt: skip
    source_job = models.ForeignKey(
        "core.DocumentJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="เอกสารที่ระบบสร้าง",
    )  # fmt: skip
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField("เผยแพร่เมื่อ")
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField("ถอนการเผยแพร่เมื่อ", null=True, blank=True)
    withdraw_reason = models.CharField("เหตุผลที่ถอน", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = "การเผยแพร่"
        verbose_name_plural = "การเผยแพร่"

    def __str__(self) -> str:
        return self.title

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def filename(self) -> str:
        return self.original_name or Path(self.file.name).name
