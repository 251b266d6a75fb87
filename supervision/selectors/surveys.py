"""Survey links and QR codes, shown only to people concerned with the visit."""

from __future__ import annotations

import io

from django.http import HttpRequest
from django.urls import reverse

from core.roles import UserLike

from .. import access
from ..models import SURVEY_QUESTIONS, SurveyInvitation, SurveyQuestion, Visit

__all__ = ["qr_svg", "survey_questions", "survey_url_for"]


def survey_questions(fiscal_year: int) -> list[str]:
    """The questions the office set for the fiscal year, else the standard ones (SURVEY_QUESTIONS)."""
    own = list(SurveyQuestion.objects.filter(fiscal_year=fiscal_year).values_list("text", flat=True))
    return own or list(SURVEY_QUESTIONS)


def survey_url_for(request: HttpRequest, visit: Visit, user: UserLike) -> str:
    """The survey link for the school, for the school's staff, the visit team and the director."""
    invitation = SurveyInvitation.objects.filter(visit=visit).first()
    if invitation is None:
        return ""
    if not access.can_see_survey_link(user, visit):
        return ""
    return request.build_absolute_uri(reverse("supervision:survey", args=[invitation.token]))


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (no file, no network)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    return svg[svg.find("<svg") :]
