"""The school's satisfaction survey: public, by unguessable token, one answer per visit."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from core.web import save_form

from .. import selectors, services
from ..forms import SurveyForm
from ..models import SurveyInvitation


@never_cache
def survey(request: HttpRequest, token: str) -> HttpResponse:
    """No login: the token is the permission (it is only shown to the school, the team and the director)."""
    invitation = SurveyInvitation.objects.select_related("visit__school").filter(token=token).first()
    if invitation is None:
        raise Http404("ไม่พบแบบสอบถามนี้")
    answered = hasattr(invitation, "answer")
    questions = selectors.survey_questions(invitation.visit.fiscal_year)
    form = SurveyForm(None if answered else request.POST or None, questions=len(questions))

    def action(data: dict) -> object:
        return services.survey_answer(token=token, ratings=data["ratings"], comment=data["comment"])

    if save_form(request, form, action, success="บันทึกคำตอบแล้ว ขอบคุณที่ให้ข้อมูลเพื่อพัฒนางานนิเทศ"):
        return render(request, "supervision/survey_thanks.html", {"invitation": invitation})
    status = 409 if request.method == "POST" and answered else 200
    return render(request, "supervision/survey_form.html", {
        "invitation": invitation, "questions": list(enumerate(questions, start=1)), "answered": answered,
        "form": form,
    }, status=status)  # fmt: skip
