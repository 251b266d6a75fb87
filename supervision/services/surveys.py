"""Satisfaction survey by unguessable link: issued at acknowledgement (visit_acknowledge), answered once.

`survey_answer` takes no user: the respondent has no account, the unguessable token is the permission."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import SATISFIED_MEAN, SurveyAnswer, SurveyInvitation
from ..selectors.surveys import survey_questions

__all__ = ["survey_answer"]


@transaction.atomic
def survey_answer(*, token: str, ratings: list[int], comment: str = "") -> SurveyAnswer:
    """Record the one answer of an invitation; a second answer is refused."""
    invitation = SurveyInvitation.objects.select_for_update().select_related("visit").filter(token=token).first()
    if invitation is None:
        raise ValidationError("ไม่พบแบบสอบถามนี้ ลิงก์อาจไม่ถูกต้อง")
    if SurveyAnswer.objects.filter(invitation=invitation).exists():
        raise ValidationError("แบบสอบถามนี้ได้รับคำตอบแล้ว ตอบได้ครั้งเดียว ขอบคุณค่ะ")
    questions = survey_questions(invitation.visit.fiscal_year)
    if len(ratings) != len(questions) or any(r not in (1, 2, 3, 4, 5) for r in ratings):
        raise ValidationError("กรุณาให้คะแนน 1–5 ทุกข้อ")
    mean = Decimal(sum(ratings)) / len(ratings)
    return SurveyAnswer.objects.create(
        invitation=invitation,
        ratings=ratings,
        questions=questions,
        mean=mean.quantize(Decimal("0.01")),
        satisfied=mean > Decimal(str(SATISFIED_MEAN)),
        comment=comment.strip(),
    )
