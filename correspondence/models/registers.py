"""Registers (ทะเบียนหนังสือ) and their per-year number counters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .choices import Direction, NumberFormat


class Register(models.Model):
    """One numbered series: receive, send, circulars (ว), orders, or any further one (ประกาศ …)."""

    code = models.SlugField("รหัสทะเบียน", max_length=30, unique=True)
    name = models.CharField("ชื่อทะเบียน", max_length=200)
    direction = models.CharField("ประเภท", max_length=3, choices=Direction.choices)
    number_format = models.CharField("รูปแบบเลขที่", max_length=20, choices=NumberFormat.choices)
    series = models.CharField("อักษรชุด", max_length=10, blank=True, help_text="เช่น ว สำหรับหนังสือเวียน")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    is_active = models.BooleanField("ใช้งาน", default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "ทะเบียนหนังสือ"
        verbose_name_plural = "ทะเบียนหนังสือ"

    def __str__(self) -> str:
        return self.name

    @property
    def is_incoming(self) -> bool:
        return self.direction == Direction.INCOMING

    def reference_for(self, *, number: int, year: int, letter_code: str) -> str:
        """The ที่ printed on an entry of this register (not used for the receive register)."""
        if self.number_format == NumberFormat.CODE_NUMBER:
            return f"{letter_code}/{number}"
        if self.number_format == NumberFormat.CODE_SERIES:
            return f"{letter_code}/{self.series} {number}"
        if self.number_format == NumberFormat.NUMBER_YEAR:
            return f"{number}/{year}"
        return ""


class RegisterCounter(models.Model):
    """The last number issued in one register in one BE calendar year (locked while numbering)."""

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="counters", verbose_name="ทะเบียน")
    year = models.PositiveIntegerField("ปี พ.ศ.")
    start_number = models.PositiveIntegerField("เลขเริ่มต้นของปี", default=1)
    last_number = models.PositiveIntegerField("เลขล่าสุดที่ออกแล้ว", default=0)
    start_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้กำหนดเลขเริ่มต้น",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ตัวนับเลขทะเบียน"
        verbose_name_plural = "ตัวนับเลขทะเบียน"
        constraints = [
            models.UniqueConstraint(fields=["register", "year"], name="corr_counter_register_year_unique"),
            models.CheckConstraint(condition=models.Q(start_number__gte=1), name="corr_counter_start_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.register} {self.year}: {self.last_number}"

    @property
    def next_number(self) -> int:
        return max(self.last_number + 1, self.start_number)
