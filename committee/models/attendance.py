"""Who came to a meeting (ผู้มาประชุม / ผู้ไม่มาประชุม / ผู้เข้าร่วมประชุม)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .meetings import Meeting
from .members import CommitteeMember


class AttendanceKind(models.TextChoices):
    PRESENT = "present", "มาประชุม"
    SUBSTITUTE = "substitute", "ผู้มาประชุมแทน"
    ABSENT = "absent", "ไม่มาประชุม"
    GUEST = "guest", "ผู้เข้าร่วมประชุม"


class Attendance(models.Model):
    """One line of attendance. For a substitute, `member` is whom they replace (แทน)
    and `name` is the person who came; a guest has no member."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name="การประชุม")
    kind = models.CharField("การเข้าประชุม", max_length=12, choices=AttendanceKind.choices)
    member = models.ForeignKey(
        CommitteeMember, null=True, blank=True, on_delete=models.PROTECT, related_name="attendance",
        verbose_name="กรรมการ",
    )  # fmt: skip
    name = models.CharField("ชื่อผู้มาประชุมแทน/ผู้เข้าร่วมประชุม", max_length=200, blank=True)
    job_title = models.CharField("ตำแหน่ง", max_length=300, blank=True)
    reason = models.CharField("เหตุที่ไม่มาประชุม", max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "การเข้าประชุม"
        verbose_name_plural = "การเข้าประชุม"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"],
                condition=Q(member__isnull=False),
                name="committee_attendance_one_per_member",
                violation_error_message="บันทึกการเข้าประชุมของกรรมการคนนี้ในการประชุมนี้แล้ว",
            ),
            models.CheckConstraint(
                condition=~Q(kind=AttendanceKind.ABSENT) | ~Q(reason=""),
                name="committee_attendance_absent_reason",
                violation_error_message="กรุณาระบุเหตุที่ไม่มาประชุม",
            ),
            models.CheckConstraint(
                condition=~Q(kind=AttendanceKind.SUBSTITUTE) | (Q(member__isnull=False) & ~Q(name="")),
                name="committee_attendance_substitute_names",
                violation_error_message="ผู้มาประชุมแทนต้องระบุชื่อและระบุว่ามาแทนกรรมการคนใด",
            ),
            models.CheckConstraint(
                condition=~Q(kind=AttendanceKind.GUEST) | (Q(member__isnull=True) & ~Q(name="")),
                name="committee_attendance_guest_named",
                violation_error_message="ผู้เข้าร่วมประชุมต้องระบุชื่อ",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=[AttendanceKind.PRESENT, AttendanceKind.ABSENT]) | Q(member__isnull=False),
                name="committee_attendance_member_required",
                violation_error_message="กรุณาเลือกกรรมการ",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.kind == AttendanceKind.GUEST or self.kind == AttendanceKind.SUBSTITUTE:
            return self.name
        return self.member.full_name if self.member else self.name
