"""School visits (บันทึกการนิเทศ): team, teachers, scores, findings, follow-ups and evidence."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import uploads

from .types import visit_type_names


class VisitStatus(models.TextChoices):
    DRAFT = "draft", "ร่าง"
    SUBMITTED = "submitted", "ส่งแล้ว รอพิจารณา"
    RETURNED = "returned", "ส่งกลับให้แก้ไข"
    APPROVED = "approved", "อนุมัติแล้ว รอโรงเรียนรับทราบ"
    ACKNOWLEDGED = "acknowledged", "โรงเรียนรับทราบแล้ว"


# A visit that happened counts for coverage once it leaves the supervisor's drafts.
COUNTED_STATUSES = (VisitStatus.SUBMITTED, VisitStatus.RETURNED, VisitStatus.APPROVED, VisitStatus.ACKNOWLEDGED)
FINAL_STATUSES = (VisitStatus.APPROVED, VisitStatus.ACKNOWLEDGED)
EDITABLE_STATUSES = (VisitStatus.DRAFT, VisitStatus.RETURNED)


class Visit(models.Model):
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="visits", verbose_name="สถานศึกษา"
    )
    date = models.DateField("วันที่นิเทศ")
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ", db_index=True)
    visit_type = models.CharField("ประเภทการนิเทศ", max_length=20, help_text="รหัสของ VisitType (ข้อมูลที่สำนักงานแก้ไขได้)")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="visits_created", verbose_name="ผู้บันทึก"
    )
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="visits", verbose_name="คณะผู้นิเทศ")
    activity = models.ForeignKey(
        "Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visits",
        verbose_name="กิจกรรมตามแผน",
    )
    policy = models.CharField("นโยบาย/จุดเน้นที่สนอง", max_length=300, blank=True)
    tool = models.ForeignKey(
        "Tool", null=True, blank=True, on_delete=models.PROTECT, related_name="visits", verbose_name="เครื่องมือนิเทศ"
    )
    strengths = models.TextField("จุดเด่น", blank=True)
    to_develop = models.TextField("จุดที่ควรพัฒนา", blank=True)
    recommendations = models.TextField("ข้อเสนอแนะ", blank=True)
    status = models.CharField("สถานะ", max_length=20, choices=VisitStatus.choices, default=VisitStatus.DRAFT)
    STATUS_COLOURS = {  # badge colour per status ({% status_badge visit %})
        VisitStatus.DRAFT: "secondary", VisitStatus.SUBMITTED: "warning", VisitStatus.RETURNED: "danger",
        VisitStatus.APPROVED: "primary", VisitStatus.ACKNOWLEDGED: "success",
    }  # fmt: skip
    draft_data = models.JSONField("ข้อมูลที่พิมพ์ค้างไว้", null=True, blank=True)
    draft_saved_at = models.DateTimeField("บันทึกร่างล่าสุด", null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้พิจารณา",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # ในฐานะ: the acting wording when a deputy decided for the director, e.g. "รักษาราชการแทน ผู้อำนวยการกลุ่ม…"
    reviewed_as = models.CharField("ในฐานะ", max_length=300, blank=True)
    review_comment = models.TextField("ความเห็นผู้อำนวยการกลุ่ม", blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้รับทราบ (สถานศึกษา)",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledge_note = models.TextField("ความเห็นของสถานศึกษา", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept by the services that write scores (services/score_tally.py), read by the dashboard's averages:
    # the sum and the number of the visit's non-empty item scores (คะแนนรวม / จำนวนข้อที่ให้คะแนน).
    score_total = models.IntegerField("คะแนนรวม", default=0, editable=False)
    score_count = models.PositiveIntegerField("จำนวนข้อที่ให้คะแนน", default=0, editable=False)
    history = HistoricalRecords(
        excluded_fields=["draft_data", "draft_saved_at", "updated_at", "score_total", "score_count"]
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "บันทึกการนิเทศ"
        verbose_name_plural = "บันทึกการนิเทศ"
        indexes = [
            models.Index(fields=["fiscal_year", "status"]),
            models.Index(fields=["school", "date"]),
            models.Index(fields=["created_by", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.school} ({self.date:%Y-%m-%d})"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    def get_visit_type_display(self) -> str:
        return visit_type_names().get(self.visit_type, self.visit_type)


class VisitTeacher(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="teachers")
    name = models.CharField("ชื่อครูผู้รับการนิเทศ", max_length=200)
    learning_area = models.ForeignKey(
        "core.LearningArea", null=True, blank=True, on_delete=models.PROTECT, verbose_name="กลุ่มสาระการเรียนรู้"
    )
    grade = models.CharField("ชั้น", max_length=50, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "ครูผู้รับการนิเทศ"
        verbose_name_plural = "ครูผู้รับการนิเทศ"

    def __str__(self) -> str:
        return self.name


class VisitScore(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey("ToolItem", on_delete=models.PROTECT, related_name="scores")
    value = models.SmallIntegerField("คะแนน", null=True, blank=True)
    comment = models.CharField("ความเห็น", max_length=500, blank=True)

    class Meta:
        verbose_name = "คะแนน"
        verbose_name_plural = "คะแนน"
        constraints = [models.UniqueConstraint(fields=["visit", "item"], name="visitscore_one_per_item")]


class FollowUpAction(models.Model):
    """ข้อตกลง/การติดตามผล: an action agreed with the school, due on a date."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.CharField("สิ่งที่ต้องดำเนินการ", max_length=500)
    due_date = models.DateField("กำหนดติดตาม")
    done_at = models.DateTimeField("ติดตามแล้วเมื่อ", null=True, blank=True)
    done_note = models.CharField("ผลการติดตาม", max_length=500, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = "การติดตามผล"
        verbose_name_plural = "การติดตามผล"

    def __str__(self) -> str:
        return self.text


def _evidence_upload_to(evidence: Evidence, filename: str) -> str:
    return uploads.stored_name("supervision/visits", filename)


class EvidenceFile(models.Model):
    """A photo or file kept as evidence (a visit's, a group event's): what every kind shares.
    Each kind adds its owner and its `file` (stored under its own folder)."""

    original_name = models.CharField("ชื่อไฟล์", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    caption = models.CharField("คำอธิบาย", max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Evidence(EvidenceFile):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("ไฟล์", upload_to=_evidence_upload_to, max_length=300)

    class Meta(EvidenceFile.Meta):
        verbose_name = "หลักฐาน"
        verbose_name_plural = "หลักฐาน"
