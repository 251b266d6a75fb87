"""Routing of a letter: presented → instruction (เกษียน) → assignments → acknowledged → done."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .choices import StepKind


class RoutingStep(models.Model):
    """One timestamped step in a letter's history; never edited or deleted."""

    letter = models.ForeignKey("Letter", on_delete=models.PROTECT, related_name="steps", verbose_name="หนังสือ")
    kind = models.CharField("ขั้นตอน", max_length=20, choices=StepKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้ดำเนินการ"
    )
    target = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้รับมอบ/ผู้ได้รับเสนอ",
    )
    text = models.TextField("ข้อความ", blank=True)
    at = models.DateTimeField("เวลา", default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "ขั้นตอนการดำเนินการ"
        verbose_name_plural = "ขั้นตอนการดำเนินการ"
        indexes = [models.Index(fields=["letter", "at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class Assignment(models.Model):
    """A person the director assigned a letter to; they acknowledge it and record what was done."""

    letter = models.ForeignKey("Letter", on_delete=models.PROTECT, related_name="assignments", verbose_name="หนังสือ")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="letter_assignments", verbose_name="ผู้รับมอบ"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้มอบหมาย"
    )
    assigned_at = models.DateTimeField("มอบหมายเมื่อ", default=timezone.now)
    due_on = models.DateField("กำหนดเสร็จ", null=True, blank=True)  # set per assignee in the เกษียน
    acknowledged_at = models.DateTimeField("รับทราบเมื่อ", null=True, blank=True)
    done_at = models.DateTimeField("ปฏิบัติแล้วเมื่อ", null=True, blank=True)
    result = models.TextField("ผลการปฏิบัติ", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["assigned_at", "id"]
        verbose_name = "การมอบหมาย"
        verbose_name_plural = "การมอบหมาย"
        constraints = [
            models.UniqueConstraint(fields=["letter", "assignee"], name="corr_assignment_letter_assignee_unique")
        ]
        indexes = [models.Index(fields=["assignee", "done_at"])]

    def __str__(self) -> str:
        return f"{self.letter} → {self.assignee}"


class InstructionPhrase(models.Model):
    """A quick phrase for the เกษียน (ข้อความที่ใช้บ่อย): a button that adds its words to the instruction box.

    Only text is inserted, so rewording or retiring a phrase never changes an instruction already written;
    a retired phrase just stops being offered. The office keeps the list on its own page (views/phrases.py).
    """

    TEXT_MAX = 200

    text = models.CharField("ข้อความ", max_length=TEXT_MAX)
    position = models.PositiveIntegerField("ลำดับ", default=0)
    is_active = models.BooleanField("ใช้งาน", default=True, help_text="เลิกใช้แล้วจะไม่แสดงเป็นปุ่มในช่องเกษียน")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "ข้อความเกษียนที่ใช้บ่อย"
        verbose_name_plural = "ข้อความเกษียนที่ใช้บ่อย"
        constraints = [
            models.UniqueConstraint(
                fields=["text"],
                condition=models.Q(is_active=True),
                name="corr_phrase_active_text_unique",
                violation_error_message="มีข้อความนี้ในรายการที่ใช้งานอยู่แล้ว",
            )
        ]

    def __str__(self) -> str:
        return self.text
