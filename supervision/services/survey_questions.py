"""The office edits the satisfaction survey's questions per fiscal year (answers keep the questions they had)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from core.roles import UserLike

from .. import access
from ..models import SurveyQuestion

__all__ = ["survey_questions_save"]

MAX_QUESTIONS = 30


@transaction.atomic
def survey_questions_save(*, user: UserLike, fiscal_year: int, text: str) -> list[SurveyQuestion]:
    """Set the year's questions, one a line in order; an empty text returns the year to the standard set."""
    access.require_plan_editor(user)
    questions = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(questions) > MAX_QUESTIONS:
        raise ValidationError({"questions": f"ข้อคำถามได้ไม่เกิน {MAX_QUESTIONS} ข้อ"})
    if too_long := [q for q in questions if len(q) > 500]:
        raise ValidationError({"questions": f"ข้อคำถาม “{too_long[0][:40]}…” ยาวเกิน 500 ตัวอักษร"})
    if len(set(questions)) != len(questions):
        raise ValidationError({"questions": "มีข้อคำถามซ้ำกัน"})
    SurveyQuestion.objects.filter(fiscal_year=fiscal_year).delete()
    return SurveyQuestion.objects.bulk_create(
        [SurveyQuestion(fiscal_year=fiscal_year, order=n, text=q) for n, q in enumerate(questions, start=1)]
    )
