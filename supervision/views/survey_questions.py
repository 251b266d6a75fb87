"""The satisfaction survey's questions of a fiscal year, edited by the office from the plan page."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.web import save_form

from .. import access, selectors
from ..services.survey_questions import survey_questions_save


class SurveyQuestionsForm(forms.Form):
    questions = forms.CharField(
        label="ข้อคำถาม", required=False, widget=forms.Textarea(attrs={"rows": 10}),
        help_text="บรรทัดละหนึ่งข้อ ตามลำดับ; เว้นว่างทั้งหมด = ใช้ข้อคำถามมาตรฐาน",
    )  # fmt: skip


@login_required
def survey_questions_edit(request: HttpRequest, year: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, year, write=True)
    current = selectors.survey_questions(plan.fiscal_year)
    form = SurveyQuestionsForm(request.POST or None, initial={"questions": "\n".join(current)})

    def action(data: dict) -> object:
        return survey_questions_save(user=request.user, fiscal_year=plan.fiscal_year, text=data["questions"])

    if save_form(request, form, action, success="บันทึกข้อคำถามความพึงพอใจแล้ว"):
        return redirect("supervision:survey_questions_edit", year=plan.fiscal_year)
    return render(request, "supervision/survey_questions_form.html", {
        "plan": plan, "form": form, "questions": current,
        "satisfaction": selectors.satisfaction(plan.fiscal_year),
    })  # fmt: skip
