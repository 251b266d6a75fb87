"""Survey links and QR codes, shown only to people concerned with the visit."""

from __future__ import annotations

import io

from django.http import HttpRequest
from django.urls import reverse

from core.roles import Role, has_role
from schools.selectors import school_id_of

from ..models import SurveyInvitation, Visit
from .visits import is_on_team

__all__ = ["qr_svg", "survey_url_for"]


def survey_url_for(request: HttpRequest, visit: Visit, user) -> str:  # noqa: ANN001
    """The survey link for the school, for the school's staff, the visit team and the director."""
    invitation = SurveyInvitation.objects.filter(visit=visit).first()
    if invitation is None:
        return ""
    own_school = school_id_of(user) == visit.school_id
    if not (own_school or has_role(user, Role.DIRECTOR, Role.ADMIN) or is_on_team(user, visit)):
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
