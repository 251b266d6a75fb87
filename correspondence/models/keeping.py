"""Keeping: the borrowing record (แบบที่ 24) and the record of destruction (การทำลายหนังสือ)."""

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


class DestructionBatch(models.Model):
    """One destruction of listed entries (การทำลายหนังสือ), after the committee's approval.

    The entries are never deleted: each points to the batch it was destroyed in, and the
    register and the entry's page show it as ทำลายแล้ว.
    """

    list_year = models.PositiveIntegerField("บัญชีหนังสือขอทำลายประจำปี พ.ศ.")
    destroyed_on = models.DateField("วันที่ทำลาย")
    approval_text = models.CharField(
        "คำสั่ง/หนังสืออนุมัติให้ทำลาย", max_length=300, help_text="เช่น คำสั่งสำนักงานเขตพื้นที่ฯ ที่ 12/2570"
    )
    approval_letter = models.ForeignKey(
        "Letter",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="destructions_approved",
        verbose_name="คำสั่งในทะเบียนคำสั่ง",
    )
    committee = models.TextField("คณะกรรมการทำลายหนังสือ", help_text="ชื่อละหนึ่งบรรทัด ประธานกรรมการก่อน")
    remarks = models.TextField("หมายเหตุ", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้บันทึก"
    )
    recorded_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-destroyed_on", "-id"]
        verbose_name = "การทำลายหนังสือ"
        verbose_name_plural = "การทำลายหนังสือ"

    def __str__(self) -> str:
        return f"ทำลายเมื่อ {self.destroyed_on:%d/%m}/{self.destroyed_on.year + 543} ตาม{self.approval_text}"

    @property
    def committee_names(self) -> list[str]:
        return [line.strip() for line in self.committee.splitlines() if line.strip()]
