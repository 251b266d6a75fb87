"""Meetings (การประชุม ครั้งที่ n/พ.ศ.), their yearly counter and the fiscal-year target."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .bodies import MeetingBody

DEFAULT_TITLE = "การประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา"
DEFAULT_MEETINGS_PER_YEAR = 6


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", "ร่างระเบียบวาระ"
    AGENDA_PUBLISHED = "agenda_published", "แจ้งระเบียบวาระแล้ว"
    HELD = "held", "ประชุมแล้ว"
    MINUTES_APPROVED = "minutes_approved", "รับรองรายงานการประชุมแล้ว"
    CANCELLED = "cancelled", "ยกเลิก"


class MeetingCounter(models.Model):
    """The last meeting number a body issued in one BE calendar year (locked while issuing)."""

    body = models.ForeignKey(MeetingBody, on_delete=models.PROTECT, related_name="+",
                             verbose_name="คณะที่ประชุม")  # fmt: skip
    year = models.PositiveIntegerField("ปี พ.ศ.")
    last_number = models.PositiveIntegerField("เลขครั้งล่าสุด", default=0)

    class Meta:
        verbose_name = "ตัวนับครั้งการประชุม"
        verbose_name_plural = "ตัวนับครั้งการประชุม"
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="committee_counter_body_year_unique")]

    def __str__(self) -> str:
        return f"{self.body_id} {self.year}: {self.last_number}"


class Meeting(models.Model):
    body = models.ForeignKey(MeetingBody, on_delete=models.PROTECT, related_name="meetings",
                             verbose_name="คณะที่ประชุม")  # fmt: skip
    year = models.PositiveIntegerField("ปี พ.ศ. (ของเลขครั้ง)", editable=False)
    number = models.PositiveIntegerField("ครั้งที่", editable=False)
    title = models.CharField("ชื่อการประชุม", max_length=300, default=DEFAULT_TITLE)
    date = models.DateField("วันที่ประชุม")
    start_time = models.TimeField("เวลานัดประชุม")
    place = models.CharField("สถานที่ประชุม", max_length=300, blank=True)
    online_link = models.URLField("ลิงก์ประชุมออนไลน์", max_length=500, blank=True)
    status = models.CharField("สถานะ", max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT)
    STATUS_COLOURS = {  # badge colour per status ({% status_badge meeting %})
        MeetingStatus.DRAFT: "secondary", MeetingStatus.AGENDA_PUBLISHED: "primary", MeetingStatus.HELD: "warning",
        MeetingStatus.MINUTES_APPROVED: "success", MeetingStatus.CANCELLED: "danger",
    }  # fmt: skip
    agenda_published_at = models.DateTimeField("แจ้งระเบียบวาระเมื่อ", null=True, blank=True)
    invitation_number = models.CharField("ที่หนังสือเชิญประชุม", max_length=80, blank=True)
    invitation_letter = models.ForeignKey(
        "correspondence.Letter", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="หนังสือเชิญประชุม (ทะเบียนหนังสือส่ง)",
    )  # fmt: skip
    cancel_reason = models.CharField("เหตุผลที่ยกเลิก", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้สร้าง"
    )
    created_at = models.DateTimeField("สร้างเมื่อ", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-number"]
        verbose_name = "การประชุม ก.ต.ป.น."
        verbose_name_plural = "การประชุม ก.ต.ป.น."
        constraints = [
            models.UniqueConstraint(fields=["body", "year", "number"], name="committee_meeting_body_number_unique"),
            models.CheckConstraint(
                condition=~models.Q(place="", online_link=""),
                name="committee_meeting_has_place",
                violation_error_message="กรุณาระบุสถานที่ประชุมหรือลิงก์ประชุมออนไลน์",
            ),
        ]

    def __str__(self) -> str:
        return f"ครั้งที่ {self.number_display}"

    @property
    def number_display(self) -> str:
        """'3/2569'."""
        return f"{self.number}/{self.year}"

    @property
    def is_agenda_public(self) -> bool:
        return self.status in (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)


class FiscalYearTarget(models.Model):
    """How many meetings the committee plans in a fiscal year (seed 002: six)."""

    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ", unique=True)
    meetings = models.PositiveSmallIntegerField("จำนวนครั้งที่กำหนด", default=DEFAULT_MEETINGS_PER_YEAR)

    class Meta:
        verbose_name = "เป้าหมายจำนวนการประชุม"
        verbose_name_plural = "เป้าหมายจำนวนการประชุม"

    def __str__(self) -> str:
        return f"{self.fiscal_year}: {self.meetings}"
