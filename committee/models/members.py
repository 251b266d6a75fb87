"""Committee members (กรรมการ ก.ต.ป.น.) and their terms."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Position(models.TextChoices):
    """ตำแหน่งในคณะกรรมการ, in the order they are listed in minutes."""

    CHAIR = "chair", "ประธานกรรมการ"
    VICE_CHAIR = "vice_chair", "รองประธานกรรมการ"
    MEMBER = "member", "กรรมการ"
    SECRETARY = "secretary", "กรรมการและเลขานุการ"
    ASSISTANT_SECRETARY = "assistant_secretary", "กรรมการและผู้ช่วยเลขานุการ"


POSITION_RANK = {p.value: i for i, p in enumerate(Position)}


class Category(models.TextChoices):
    OFFICE = "office", "ผู้แทนสำนักงานเขตพื้นที่การศึกษา"
    SCHOOL_DIRECTOR = "school_director", "ผู้แทนผู้บริหารสถานศึกษา"
    EXPERT = "expert", "ผู้ทรงคุณวุฒิ"


class CommitteeMember(models.Model):
    """One appointment of one person to the committee for one term."""

    body = models.ForeignKey("committee.MeetingBody", on_delete=models.PROTECT, related_name="members",
                             verbose_name="คณะที่ประชุม")  # fmt: skip
    prefix = models.CharField("คำนำหน้าชื่อ", max_length=40, help_text="เช่น นาย นาง นางสาว ดร. ว่าที่ร้อยตรี")
    first_name = models.CharField("ชื่อ", max_length=100)
    last_name = models.CharField("นามสกุล", max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="committee_memberships", verbose_name="บัญชีผู้ใช้ในระบบ (ถ้ามี)",
    )  # fmt: skip
    job_title = models.CharField("ตำแหน่ง/สังกัด", max_length=300, blank=True)
    position = models.CharField("ตำแหน่งในคณะกรรมการ", max_length=30, choices=Position.choices)
    category = models.CharField("ประเภทกรรมการ", max_length=20, choices=Category.choices)
    term_start = models.DateField("เริ่มวาระ")
    term_end = models.DateField("สิ้นสุดวาระ", null=True, blank=True)
    order_number = models.CharField("คำสั่งแต่งตั้งเลขที่", max_length=60, blank=True, help_text="เช่น 185/2569")
    appointment_order = models.ForeignKey(
        "correspondence.Letter", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"register__code": "order"}, verbose_name="คำสั่งแต่งตั้ง (ทะเบียนคำสั่ง)",
    )  # fmt: skip
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["term_start", "last_name"]
        verbose_name = "กรรมการ ก.ต.ป.น."
        verbose_name_plural = "กรรมการ ก.ต.ป.น."
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__isnull=True) | models.Q(term_end__gte=models.F("term_start")),
                name="committee_member_term_order",
                violation_error_message="วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.prefix}{self.first_name} {self.last_name}"

    @property
    def position_rank(self) -> int:
        return POSITION_RANK.get(self.position, 99)

    @property
    def order_display(self) -> str:
        """The appointment order's number: from the orders register when linked."""
        return self.appointment_order.document_no if self.appointment_order_id else self.order_number

    def serves_on(self, day: dt.date) -> bool:
        return self.term_start <= day and (self.term_end is None or self.term_end >= day)
