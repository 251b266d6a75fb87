"""Group events (กิจกรรมกลุ่ม) with the schools that took part, and an activity's targets per type."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from core import uploads

from .visits import EvidenceFile


class EventStatus(models.TextChoices):
    DRAFT = "draft", "ร่าง (ยังไม่นับ)"
    HELD = "held", "จัดแล้ว"
    CANCELLED = "cancelled", "ยกเลิก"


class GroupEvent(models.Model):
    """A dated event with many schools: workshop, พบกลุ่ม, network meeting, PLC, KM, directors' meeting, online."""

    event_type = models.ForeignKey(
        "EventType", on_delete=models.PROTECT, related_name="events", verbose_name="ประเภทกิจกรรม"
    )
    title = models.CharField("ชื่อกิจกรรม", max_length=300)
    date = models.DateField("วันที่จัด")
    end_date = models.DateField("ถึงวันที่", null=True, blank=True)
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ", db_index=True)
    place = models.CharField("สถานที่/ช่องทาง", max_length=300, blank=True)
    activity = models.ForeignKey(
        "Activity", null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
        verbose_name="กิจกรรมตามแผน",
    )  # fmt: skip
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="group_events", verbose_name="คณะศึกษานิเทศก์/ผู้ดำเนินการ"
    )
    other_people = models.TextField("วิทยากร/ผู้เข้าร่วมอื่น", blank=True, help_text="บรรทัดละหนึ่งคน")
    agenda = models.TextField("วาระ/เนื้อหา", blank=True)
    outcomes = models.TextField("ผลการดำเนินงาน", blank=True)
    status = models.CharField("สถานะ", max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT)
    cancel_reason = models.CharField("เหตุผลที่ยกเลิก", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้บันทึก"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "กิจกรรมกลุ่ม"
        verbose_name_plural = "กิจกรรมกลุ่ม"
        indexes = [models.Index(fields=["fiscal_year", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == EventStatus.DRAFT


class EventAttendance(models.Model):
    """One school at an event (การเข้าร่วม): counted once per school, however many teachers came."""

    event = models.ForeignKey(GroupEvent, on_delete=models.CASCADE, related_name="attendance")
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="event_attendance", verbose_name="สถานศึกษา"
    )
    teachers = models.PositiveSmallIntegerField("จำนวนครู/ผู้เข้าร่วม (คน)", default=0)
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)

    class Meta:
        ordering = ["school__name", "id"]
        verbose_name = "โรงเรียนที่เข้าร่วม"
        verbose_name_plural = "โรงเรียนที่เข้าร่วม"
        constraints = [models.UniqueConstraint(fields=["event", "school"], name="eventattendance_one_per_school")]

    def __str__(self) -> str:
        return f"{self.school} ({self.teachers} คน)"


def _event_evidence_upload_to(evidence: EventEvidence, filename: str) -> str:
    return uploads.stored_name("supervision/events", filename)


class EventEvidence(EvidenceFile):
    event = models.ForeignKey(GroupEvent, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("ไฟล์", upload_to=_event_evidence_upload_to, max_length=300)

    class Meta(EvidenceFile.Meta):
        verbose_name = "หลักฐานกิจกรรมกลุ่ม"
        verbose_name_plural = "หลักฐานกิจกรรมกลุ่ม"


class TargetScope(models.TextChoices):
    ALL = "all", "ทุกโรงเรียน"
    CLUSTER = "cluster", "กลุ่มโรงเรียน (เครือข่าย)"
    GROUP = "group", "กลุ่มสถานศึกษาเป้าหมาย"
    SCHOOLS = "schools", "เลือกโรงเรียน"


class ActivityTarget(models.Model):
    """เป้าหมายของกิจกรรม: so many visits of a type (or events of a type) per target school per year."""

    activity = models.ForeignKey("Activity", on_delete=models.CASCADE, related_name="targets")
    visit_type = models.ForeignKey(
        "VisitType", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="ประเภทการนิเทศ"
    )
    event_type = models.ForeignKey(
        "EventType", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="ประเภทกิจกรรมกลุ่ม"
    )
    per_school = models.PositiveSmallIntegerField("ครั้ง/โรงเรียน/ปี", default=1)

    class Meta:
        ordering = ["id"]
        verbose_name = "เป้าหมายของกิจกรรม"
        verbose_name_plural = "เป้าหมายของกิจกรรม"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visit_type__isnull=False, event_type__isnull=True)
                | models.Q(visit_type__isnull=True, event_type__isnull=False),
                name="activitytarget_one_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind_name} {self.per_school} ครั้ง/โรงเรียน/ปี"

    @property
    def kind_name(self) -> str:
        return str(self.visit_type or self.event_type)
