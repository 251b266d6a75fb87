"""The school's satisfaction survey: public, by unguessable token, one answer per visit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .. import services
from ..models import SURVEY_QUESTIONS, SurveyInvitation


@never_cache
def survey(request: HttpRequest, token: str) -> HttpResponse:
    invitation = SurveyInvitation.objects.select_related("visit__school").filter(token=token).first()
    if invitation is None:
        raise Http404("ไม่พบแบบสอบถามนี้")
    errors: list[str] = []
    answered = hasattr(invitation, "answer")
    if request.method == "POST" and not answered:
        raw = [request.POST.get(f"q{i}", "") for i in range(1, len(SURVEY_QUESTIONS) + 1)]
        try:
            ratings = [int(r) for r in raw]
            services.survey_answer(token=token, ratings=ratings, comment=request.POST.get("comment", ""))
            return render(request, "supervision/survey_thanks.html", {"invitation": invitation})
        except ValueError:
            errors.append("กรุณาให้คะแนน 1–5 ทุกข้อ")
        except ValidationError as exc:
            errors.extend(exc.messages)
    status = 409 if request.method == "POST" and answered else 200
    return render(request, "supervision/survey_form.html", {
        "invitation": invitation, "questions": list(enumerate(SURVEY_QUESTIONS, start=1)), "answered": answered,
        "errors": errors, "posted": request.POST,
    }, status=status)  # fmt: skip
