"""Budget execution (การเบิกจ่ายงบประมาณ): what was paid against a plan activity."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone


class BudgetCategory(models.TextChoices):
    COMPENSATION = "compensation", "ค่าตอบแทน"
    OPERATING = "operating", "ค่าใช้สอย"
    MATERIALS = "materials", "ค่าวัสดุ"


class Spending(models.Model):
    """รายการเบิกจ่าย: one payment made for an activity."""

    activity = models.ForeignKey("Activity", on_delete=models.PROTECT, related_name="spendings", verbose_name="กิจกรรม")
    date = models.DateField("วันที่จ่าย")
    amount = models.DecimalField(
        "จำนวนเงิน (บาท)", max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    category = models.CharField("หมวดรายจ่าย", max_length=20, choices=BudgetCategory.choices)
    purpose = models.CharField("รายการ/เพื่อ", max_length=500)
    document_number = models.CharField("เลขที่เอกสาร/ฎีกา", max_length=100, blank=True)
    paid_by = models.CharField("ผู้เบิกจ่าย", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้บันทึก"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    over_activity_budget = models.BooleanField("เกินงบของกิจกรรม (ถัวจ่าย)", default=False)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = "รายการเบิกจ่าย"
        verbose_name_plural = "รายการเบิกจ่าย"
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="spending_amount_positive")]

    def __str__(self) -> str:
        return f"{self.purpose} {self.amount:,.2f} บาท"
