"""Meeting bodies (คณะที่ประชุม): ก.ต.ป.น., the group's own meeting, cluster principals' meetings and others."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

KTPN_NAME = "คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา (ก.ต.ป.น.)"


class BodyKind(models.TextChoices):
    KTPN = "ktpn", "ก.ต.ป.น."
    INTERNAL = "internal", "ประชุมภายในกลุ่ม/ประจำเดือน"
    CLUSTER = "cluster", "ประชุมประธานกลุ่มเครือข่าย"
    ACADEMIC_CENTRE = "academic_centre", "ศูนย์พัฒนาวิชาการ"
    PROJECT = "project", "ประชุมผู้บริหารสถานศึกษาในโครงการ"
    OTHER = "other", "อื่น ๆ"


class MeetingBody(models.Model):
    """A body that holds numbered meetings (ครั้งที่ n/พ.ศ. restarts each calendar year, per body)."""

    name = models.CharField("ชื่อคณะที่ประชุม", max_length=300, unique=True)
    kind = models.CharField("ประเภท", max_length=20, choices=BodyKind.choices)
    meeting_title = models.CharField(
        "ชื่อการประชุม (หัวเอกสาร)", max_length=300, blank=True,
        help_text="เช่น การประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา",
    )  # fmt: skip
    cluster = models.ForeignKey(
        "schools.Cluster", null=True, blank=True, on_delete=models.PROTECT, related_name="meeting_bodies",
        verbose_name="กลุ่มโรงเรียน/เครือข่าย",
    )  # fmt: skip
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="bodies_as_secretary",
        verbose_name="เลขานุการ (ผู้จัดการประชุม)",
    )  # fmt: skip
    readers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="bodies_read", verbose_name="ผู้อ่านได้ (นอกจากกรรมการ)"
    )
    meetings_per_year = models.PositiveSmallIntegerField("เป้าหมายจำนวนครั้งต่อปีงบประมาณ", default=6)
    is_active = models.BooleanField("ใช้งานอยู่", default=True)
    created_at = models.DateTimeField("สร้างเมื่อ", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = "คณะที่ประชุม"
        verbose_name_plural = "คณะที่ประชุม"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="cluster") | models.Q(cluster__isnull=False),
                name="committee_body_cluster_named",
                violation_error_message="การประชุมประธานกลุ่มเครือข่ายต้องระบุกลุ่มโรงเรียน",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def title_for_meetings(self) -> str:
        if self.meeting_title:
            return self.meeting_title
        return f"การ{self.name}" if self.name.startswith("ประชุม") else f"การประชุม{self.name}"
