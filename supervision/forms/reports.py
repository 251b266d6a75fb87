"""The typed parts of a project's result report, and the choice of a supervisor's fiscal-year summary."""

from __future__ import annotations

from django import forms

from ..models import Project, ProjectReport


class ProjectReportForm(forms.Form):
    """summary / problems / suggestions and one "what was done" box per activity (field activity_<pk>)."""

    summary = forms.CharField(label="สรุปผลการดำเนินงานโดยรวม", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    problems = forms.CharField(
        label="ปัญหาและอุปสรรค", required=False, help_text="บรรทัดละหนึ่งข้อ", widget=forms.Textarea(attrs={"rows": 4})
    )
    suggestions = forms.CharField(
        label="ข้อเสนอแนะ", required=False, help_text="บรรทัดละหนึ่งข้อ", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, data: object = None, *, project: Project, report: ProjectReport | None) -> None:
        initial = {"summary": "", "problems": "", "suggestions": ""}
        if report is not None:
            initial = {"summary": report.summary, "problems": report.problems, "suggestions": report.suggestions}
        self.activities = list(project.activities.all())
        for activity in self.activities:
            initial[f"activity_{activity.pk}"] = report.note_for(activity.pk) if report else ""
        super().__init__(data, initial=initial)
        for n, activity in enumerate(self.activities, start=1):
            self.fields[f"activity_{activity.pk}"] = forms.CharField(
                label=f"กิจกรรมที่ {n} {activity.title}: ผลการดำเนินงาน", required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def activity_notes(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data.get(f"activity_{a.pk}", "") for a in self.activities}


class SummaryChoiceForm(forms.Form):
    """Which supervisor's summary of which fiscal year to print (the director may choose anyone)."""

    user = forms.TypedChoiceField(label="ศึกษานิเทศก์", coerce=int)
    fiscal_year = forms.TypedChoiceField(label="ปีงบประมาณ", coerce=int)

    def __init__(self, *args: object, people: list[tuple[int, str]], years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = people
        self.fields["fiscal_year"].choices = [(y, str(y)) for y in years]
