"""Agenda items (ระเบียบวาระ) with their record and resolution, and attachments."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from core import uploads

from .meetings import Meeting


class Section(models.IntegerChoices):
    """The five customary sections of a committee agenda."""

    ANNOUNCEMENTS = 1, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"
    MINUTES = 2, "เรื่องรับรองรายงานการประชุม"
    CARRIED_OVER = 3, "เรื่องสืบเนื่อง"
    FOR_DECISION = 4, "เรื่องเพื่อพิจารณา"
    OTHER = 5, "เรื่องอื่น ๆ"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items", verbose_name="การประชุม")
    section = models.PositiveSmallIntegerField("วาระที่", choices=Section.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name="อยู่ภายใต้เรื่อง"
    )
    position = models.PositiveSmallIntegerField("ลำดับ", default=1)
    title = models.CharField("เรื่อง", max_length=500)
    presenter = models.CharField("ผู้เสนอ/ผู้นำเสนอ", max_length=200, blank=True)
    summary = models.TextField("สรุปสาระสำคัญ", blank=True)
    proposed_resolution = models.TextField("ประเด็นเสนอที่ประชุม/มติที่เสนอ", blank=True)
    record = models.TextField("บันทึกการประชุม", blank=True)
    resolution = models.TextField("มติที่ประชุม", blank=True)
    previous_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="รายงานการประชุมที่เสนอรับรอง",
    )  # fmt: skip
    carried_from = models.ForeignKey(
        "committee.Resolution", null=True, blank=True, on_delete=models.PROTECT, related_name="carried_into",
        verbose_name="สืบเนื่องจากมติ",
    )  # fmt: skip
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "position", "pk"]
        verbose_name = "เรื่องในระเบียบวาระ"
        verbose_name_plural = "เรื่องในระเบียบวาระ"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "carried_from"], condition=models.Q(carried_from__isnull=False),
                name="committee_item_carried_once",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def number(self) -> str:
        """'4.2' for an item, '4.2.1' for a sub-item."""
        if self.parent_id:
            return f"{self.parent.number}.{self.position}"
        return f"{self.section}.{self.position}"


def _attachment_upload_to(att: AgendaAttachment, filename: str) -> str:
    return uploads.stored_name("committee", filename)


class AgendaAttachment(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments", verbose_name="เรื่อง")
    title = models.CharField("ชื่อเอกสาร", max_length=300)
    file = models.FileField("ไฟล์", upload_to=_attachment_upload_to, max_length=300)
    original_name = models.CharField("ชื่อไฟล์", max_length=255, blank=True)
    mime = models.CharField("ชนิดไฟล์ (ตรวจจากเนื้อไฟล์)", max_length=100)
    size = models.PositiveIntegerField("ขนาด (ไบต์)", default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("แนบเมื่อ", auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "เอกสารประกอบวาระ"
        verbose_name_plural = "เอกสารประกอบวาระ"

    def __str__(self) -> str:
        return self.title

    @property
    def is_pdf(self) -> bool:
        return self.mime == "application/pdf"

    @property
    def filename(self) -> str:
        """The name the file had when it was attached (the stored name is generated)."""
        return self.original_name or Path(self.file.name).name
