"""Satisfaction survey a school answers after acknowledging a visit (no account, by token)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

SURVEY_QUESTIONS = [
    "การนิเทศตรงกับความต้องการและบริบทของสถานศึกษา",
    "ศึกษานิเทศก์ให้คำแนะนำที่ชัดเจนและนำไปปฏิบัติได้",
    "บรรยากาศการนิเทศเป็นกัลยาณมิตร",
    "การนิเทศช่วยพัฒนาการจัดการเรียนรู้/การบริหารจัดการของสถานศึกษา",
    "ความพึงพอใจต่อการนิเทศในภาพรวม",
]
# Mean of 1–5 ratings from which a school counts as satisfied (ระดับมากขึ้นไป: 3.51–5.00).
SATISFIED_MEAN = 3.5


class SurveyQuestion(models.Model):
    """ข้อคำถามแบบสอบถามความพึงพอใจ of a fiscal year, edited by the office; a year without its own
    questions asks SURVEY_QUESTIONS."""

    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ (พ.ศ.)")
    order = models.PositiveSmallIntegerField("ข้อที่")
    text = models.CharField("ข้อคำถาม", max_length=500)

    class Meta:
        ordering = ["fiscal_year", "order"]
        verbose_name = "ข้อคำถามความพึงพอใจ"
        verbose_name_plural = "ข้อคำถามความพึงพอใจ"
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "order"], name="surveyquestion_unique_order_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.text}"


class SurveyInvitation(models.Model):
    visit = models.OneToOneField("Visit", on_delete=models.CASCADE, related_name="survey")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "แบบสอบถามความพึงพอใจ"
        verbose_name_plural = "แบบสอบถามความพึงพอใจ"

    def __str__(self) -> str:
        return f"แบบสอบถาม {self.visit}"


class SurveyAnswer(models.Model):
    invitation = models.OneToOneField(SurveyInvitation, on_delete=models.CASCADE, related_name="answer")
    ratings = models.JSONField("คะแนน 1–5 ตามข้อคำถาม")
    questions = models.JSONField("ข้อคำถามที่ตอบ", default=list, blank=True)
    mean = models.DecimalField("ค่าเฉลี่ย", max_digits=4, decimal_places=2)
    satisfied = models.BooleanField("พึงพอใจ (ระดับมากขึ้นไป)")
    comment = models.TextField("ข้อเสนอแนะ", blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "คำตอบแบบสอบถาม"
        verbose_name_plural = "คำตอบแบบสอบถาม"
