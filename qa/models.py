"""Quality assurance: standards as data, self-assessment reports, external assessments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from core import uploads


class Level(models.IntegerChoices):
    """The five-level scale of the 2561 standards (ระดับคุณภาพ)."""

    DEVELOPING = 1, "กำลังพัฒนา"
    FAIR = 2, "ปานกลาง"
    GOOD = 3, "ดี"
    VERY_GOOD = 4, "ดีเลิศ"
    EXCELLENT = 5, "ยอดเยี่ยม"


class EducationLevel(models.TextChoices):
    """Which schooling a standard set applies to (ระดับการศึกษา)."""

    EARLY_CHILDHOOD = "early", "ระดับการศึกษาปฐมวัย"
    BASIC = "basic", "ระดับการศึกษาขั้นพื้นฐาน"


class StandardSet(models.Model):
    """One revision of the standards of one education level, e.g. the 2561 basic-education set.

    A new revision is a new row: reports keep pointing at the set they were made with.
    """

    name = models.CharField("ชื่อชุดมาตรฐาน", max_length=300)
    education_level = models.CharField("ระดับการศึกษา", max_length=10, choices=EducationLevel.choices)
    revision_year = models.PositiveSmallIntegerField("ฉบับปี พ.ศ.", help_text="เช่น 2561")
    effective_from = models.PositiveSmallIntegerField(
        "ใช้ตั้งแต่ปีการศึกษา (พ.ศ.)", help_text="รายงานปีการศึกษานี้เป็นต้นไปใช้ชุดนี้ จนกว่าจะมีฉบับใหม่"
    )
    note = models.TextField("หมายเหตุ / ที่มา", blank=True)

    class Meta:
        ordering = ["education_level", "-effective_from"]
        verbose_name = "ชุดมาตรฐานการศึกษา"
        verbose_name_plural = "ชุดมาตรฐานการศึกษา"
        constraints = [
            models.UniqueConstraint(fields=["education_level", "revision_year"], name="qa_set_unique_revision"),
            models.UniqueConstraint(fields=["education_level", "effective_from"], name="qa_set_unique_effective"),
        ]

    def __str__(self) -> str:
        return self.name


class Standard(models.Model):
    """A standard (มาตรฐานที่ 1), a sub-standard (1.1) or a consideration item ((1) under 1.1)."""

    standard_set = models.ForeignKey(
        StandardSet, on_delete=models.CASCADE, related_name="standards", verbose_name="ชุดมาตรฐาน"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name="อยู่ภายใต้"
    )
    code = models.CharField("รหัส", max_length=20, help_text="เช่น 1, 1.1, 1.1.1")
    name = models.CharField("ชื่อ", max_length=400)
    is_rated = models.BooleanField("ให้ระดับคุณภาพ", default=True, help_text="ประเด็นย่อยที่ไม่ให้ระดับ ใช้เป็นแนวทางเท่านั้น")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        ordering = ["standard_set", "order"]
        verbose_name = "มาตรฐาน / ประเด็นพิจารณา"
        verbose_name_plural = "มาตรฐาน / ประเด็นพิจารณา"
        constraints = [models.UniqueConstraint(fields=["standard_set", "code"], name="qa_standard_unique_code")]

    def __str__(self) -> str:
        return f"{self.label} {self.name}"

    @property
    def is_top(self) -> bool:
        return self.parent_id is None

    @property
    def label(self) -> str:
        """'มาตรฐานที่ 1', 'ประเด็น 1.1' or '(1)' as printed in SAR forms."""
        if self.parent_id is None:
            return f"มาตรฐานที่ {self.code}"
        if self.is_rated:
            return self.code
        return f"({self.code.rsplit('.', 1)[-1]})"


class SarYear(models.Model):
    """Settings of one academic year's self-assessment round: the deadline for schools."""

    academic_year = models.PositiveSmallIntegerField("ปีการศึกษา (พ.ศ.)", unique=True)
    deadline = models.DateField("กำหนดส่ง SAR", null=True, blank=True)
    note = models.TextField("หมายเหตุ / แนวปฏิบัติ", blank=True)

    class Meta:
        ordering = ["-academic_year"]
        verbose_name = "กำหนดส่ง SAR ประจำปีการศึกษา"
        verbose_name_plural = "กำหนดส่ง SAR ประจำปีการศึกษา"

    def __str__(self) -> str:
        return f"ปีการศึกษา {self.academic_year}"


class SarStatus(models.TextChoices):
    DRAFT = "draft", "ร่าง"
    SUBMITTED = "submitted", "ส่งแล้ว"
    REVIEWED = "reviewed", "ตรวจแล้ว"


def sar_upload_to(instance: SelfAssessmentReport, filename: str) -> str:
    return uploads.stored_name("qa/sar", filename)


class SelfAssessmentReport(models.Model):
    """รายงานผลการประเมินตนเองของสถานศึกษา (SAR): one per school per academic year."""

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="sars", verbose_name="สถานศึกษา")
    academic_year = models.PositiveSmallIntegerField("ปีการศึกษา (พ.ศ.)")
    standard_sets = models.ManyToManyField(StandardSet, related_name="sars", verbose_name="ชุดมาตรฐานที่ใช้")
    status = models.CharField("สถานะ", max_length=12, choices=SarStatus.choices, default=SarStatus.DRAFT)
    STATUS_COLOURS = {SarStatus.DRAFT: "secondary", SarStatus.SUBMITTED: "primary", SarStatus.REVIEWED: "success"}
    strengths = models.TextField("จุดเด่น", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    to_develop = models.TextField("จุดที่ควรพัฒนา", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    development_plan = models.TextField("แผนพัฒนาเพื่อยกระดับคุณภาพให้สูงขึ้น", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    file = models.FileField("ไฟล์รายงาน SAR (PDF)", upload_to=sar_upload_to, blank=True)
    original_name = models.CharField("ชื่อไฟล์", max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้จัดทำ"
    )
    created_at = models.DateTimeField("สร้างเมื่อ", auto_now_add=True)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    submitted_at = models.DateTimeField("ส่งเมื่อ", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้ส่ง"
    )
    reviewed_at = models.DateTimeField("ตรวจเมื่อ", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้ตรวจ",
    )
    review_comment = models.TextField("ความเห็นของศึกษานิเทศก์", blank=True)
    returned_at = models.DateTimeField(
        "ส่งคืนให้แก้ไขเมื่อ", null=True, blank=True, help_text="รายงานที่ส่งคืนแก้ไขได้แม้เลยกำหนดส่ง"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-academic_year", "school__name"]
        verbose_name = "รายงานผลการประเมินตนเอง (SAR)"
        verbose_name_plural = "รายงานผลการประเมินตนเอง (SAR)"
        constraints = [models.UniqueConstraint(fields=["school", "academic_year"], name="qa_one_sar_per_school_year")]

    def __str__(self) -> str:
        return f"SAR {self.school} ปีการศึกษา {self.academic_year}"

    @property
    def is_official(self) -> bool:
        """Submitted or reviewed: counted in the synthesis."""
        return self.status in (SarStatus.SUBMITTED, SarStatus.REVIEWED)


class SarRating(models.Model):
    """The level a school gives itself on one standard or sub-standard, with its evidence."""

    sar = models.ForeignKey(SelfAssessmentReport, on_delete=models.CASCADE, related_name="ratings")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="sar_ratings", verbose_name="มาตรฐาน")
    level = models.PositiveSmallIntegerField("ระดับคุณภาพ", choices=Level.choices, null=True, blank=True)
    evidence = models.TextField("หลักฐาน / ข้อมูลสนับสนุน", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard__standard_set", "standard__order"]
        verbose_name = "ผลการประเมินตนเองรายมาตรฐาน"
        verbose_name_plural = "ผลการประเมินตนเองรายมาตรฐาน"
        constraints = [models.UniqueConstraint(fields=["sar", "standard"], name="qa_one_rating_per_standard")]


def external_upload_to(instance: ExternalAssessment, filename: str) -> str:
    return uploads.stored_name("qa/external", filename)


class ExternalAssessment(models.Model):
    """การประเมินคุณภาพภายนอก by ONESQA (สมศ.), at least once every five years."""

    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="external_assessments", verbose_name="สถานศึกษา"
    )
    round_name = models.CharField("รอบการประเมิน", max_length=100, help_text="เช่น รอบที่ 5")
    assessment_year = models.PositiveSmallIntegerField("ปีที่ประเมิน (พ.ศ.)")
    assessed_on = models.DateField("วันที่ประเมิน", null=True, blank=True)
    overall_result = models.CharField("ผลการประเมินโดยรวม", max_length=200, blank=True, help_text="เช่น ได้รับการรับรอง")
    summary = models.TextField("ข้อเสนอแนะของ สมศ.", blank=True)
    file = models.FileField("ไฟล์รายงานผลการประเมินภายนอก (PDF)", upload_to=external_upload_to, blank=True)
    original_name = models.CharField("ชื่อไฟล์", max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้บันทึก"
    )
    recorded_at = models.DateTimeField("บันทึกเมื่อ", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-assessment_year", "school__name"]
        verbose_name = "ผลการประเมินคุณภาพภายนอก (สมศ.)"
        verbose_name_plural = "ผลการประเมินคุณภาพภายนอก (สมศ.)"
        constraints = [models.UniqueConstraint(fields=["school", "round_name"], name="qa_one_external_per_round")]

    def __str__(self) -> str:
        return f"สมศ. {self.round_name} ({self.assessment_year}) {self.school}"


class ExternalResult(models.Model):
    assessment = models.ForeignKey(ExternalAssessment, on_delete=models.CASCADE, related_name="results")
    standard = models.ForeignKey(
        Standard, on_delete=models.PROTECT, related_name="external_results", verbose_name="มาตรฐาน"
    )
    level = models.PositiveSmallIntegerField("ระดับคุณภาพ", choices=Level.choices, null=True, blank=True)

    class Meta:
        ordering = ["standard__order"]
        constraints = [models.UniqueConstraint(fields=["assessment", "standard"], name="qa_one_external_result")]
