"""The school's satisfaction survey: one 1–5 rating per question and a comment."""

from __future__ import annotations

from django import forms

from ..models import SURVEY_QUESTIONS

RATING_MISSING = "กรุณาให้คะแนน 1–5 ทุกข้อ"


class SurveyForm(forms.Form):
    """Fields q1…qN (one per question, as the page's radio groups are named) and a comment."""

    comment = forms.CharField(label="ข้อเสนอแนะ", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: object, questions: int = len(SURVEY_QUESTIONS), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.question_count = questions
        for n in range(1, questions + 1):
            self.fields[f"q{n}"] = forms.TypedChoiceField(
                choices=[(str(r), str(r)) for r in range(1, 6)],
                coerce=int,
                required=False,
                error_messages={"invalid_choice": RATING_MISSING},
            )

    def clean(self) -> dict:
        data = super().clean()
        ratings = [data.get(f"q{n}") for n in range(1, self.question_count + 1)]
        if not self.errors and any(r in (None, "") for r in ratings):
            raise forms.ValidationError(RATING_MISSING)
        data["ratings"] = ratings
        return data
