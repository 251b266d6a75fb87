"""Satisfaction survey by unguessable link: issued at acknowledgement, answered once."""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import SATISFIED_MEAN, SURVEY_QUESTIONS, SurveyAnswer, SurveyInvitation, Visit

__all__ = ["survey_answer", "survey_issue"]


def survey_issue(*, visit: Visit) -> SurveyInvitation:
    invitation, _ = SurveyInvitation.objects.get_or_create(visit=visit, defaults={"token": secrets.token_urlsafe(32)})
    return invitation


@transaction.atomic
def survey_answer(*, token: str, ratings: list[int], comment: str = "") -> SurveyAnswer:
    """Record the one answer of an invitation; a second answer is refused."""
    invitation = SurveyInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise ValidationError("ไม่พบแบบสอบถามนี้ ลิงก์อาจไม่ถูกต้อง")
    if SurveyAnswer.objects.filter(invitation=invitation).exists():
        raise ValidationError("แบบสอบถามนี้ได้รับคำตอบแล้ว ตอบได้ครั้งเดียว ขอบคุณค่ะ")
    if len(ratings) != len(SURVEY_QUESTIONS) or any(r not in (1, 2, 3, 4, 5) for r in ratings):
        raise ValidationError("กรุณาให้คะแนน 1–5 ทุกข้อ")
    mean = Decimal(sum(ratings)) / len(ratings)
    return SurveyAnswer.objects.create(
        invitation=invitation,
        ratings=ratings,
        mean=mean.quantize(Decimal("0.01")),
        satisfied=mean > Decimal(str(SATISFIED_MEAN)),
        comment=comment.strip(),
    )
