"""How a success indicator (ตัวชี้วัดความสำเร็จ) measures itself from the data, and the result report
(รายงานผลการดำเนินโครงการ) typed per project."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Measure(models.TextChoices):
    """วิธีคำนวณผลของตัวชี้วัด: typed by the supervisor, or counted from the records."""

    MANUAL = "manual", "กรอกผลเอง (ข้อมูลอยู่นอกระบบ)"
    COVERAGE = "coverage", "ร้อยละของโรงเรียนเป้าหมายที่ได้รับการนิเทศ"
    VISITS_PER_SCHOOL = "visits_per_school", "ร้อยละของโรงเรียนที่ได้รับการนิเทศครบตามเป้าหมาย (ครั้ง/โรงเรียน)"
    SATISFIED_SCHOOLS = "satisfied_schools", "ร้อยละของสถานศึกษาที่พึงพอใจ (นับโรงเรียนละครั้งจากค่าเฉลี่ย)"
    MEETINGS = "meetings", "จำนวนการประชุมคณะกรรมการ ก.ต.ป.น. ที่จัดแล้ว"
    EVENTS = "events", "จำนวนกิจกรรมกลุ่มที่จัดแล้ว"


class ProjectReport(models.Model):
    """รายงานผลการดำเนินโครงการ: the text the supervisor types; the figures come from the data."""

    project = models.OneToOneField("Project", on_delete=models.CASCADE, related_name="report")
    summary = models.TextField("สรุปผลการดำเนินงานโดยรวม", blank=True)
    activity_notes = models.JSONField("ผลการดำเนินงานรายกิจกรรม", default=dict, blank=True)
    problems = models.TextField("ปัญหาและอุปสรรค", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    suggestions = models.TextField("ข้อเสนอแนะ", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "รายงานผลการดำเนินโครงการ"
        verbose_name_plural = "รายงานผลการดำเนินโครงการ"

    def __str__(self) -> str:
        return f"รายงานผล {self.project}"

    def note_for(self, activity_id: int) -> str:
        return str((self.activity_notes or {}).get(str(activity_id), ""))
