"""Keeping: the borrowing record (แบบที่ 24)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Borrowing(models.Model):
    """One line of the borrowing record (บัตรยืมหนังสือ, แบบที่ 24)."""

    letter = models.ForeignKey("Letter", on_delete=models.PROTECT, related_name="borrowings", verbose_name="หนังสือ")
    borrower = models.CharField("ผู้ยืม", max_length=200)
    received_by = models.CharField("ผู้รับ", max_length=200)
    borrowed_on = models.DateField("วันยืม")
    due_on = models.DateField("กำหนดส่งคืน")
    returned_by = models.CharField("ผู้ส่งคืน", max_length=200, blank=True)
    returned_on = models.DateField("วันส่งคืน", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้บันทึก"
    )
    recorded_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-borrowed_on", "-id"]
        verbose_name = "การยืมหนังสือ"
        verbose_name_plural = "การยืมหนังสือ"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("borrowed_on")), name="corr_borrow_due_after"
            )
        ]

    def __str__(self) -> str:
        return f"{self.letter} ({self.borrower})"

    @property
    def is_returned(self) -> bool:
        return self.returned_on is not None
