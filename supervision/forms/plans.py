"""Forms of the annual plan, projects (seed 002 sections) and PDCA moves."""

from __future__ import annotations

from django import forms

from schools.forms import supervisors_queryset
from schools.models import School

from ..models import Activity, AnnualPlan, Indicator, Phase, Project, SchoolGroup


class PlanForm(forms.ModelForm):
    class Meta:
        model = AnnualPlan
        fields = ["title", "vision", "mission", "goals", "strategies", "visits_per_school_target",
                  "satisfaction_target_percent"]  # fmt: skip
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in ("vision", "mission", "goals", "strategies")}


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["order", "name", "policies", "strategy", "responsible_unit", "rationale", "objectives",
                  "quantitative_targets", "qualitative_targets", "budget_note", "expected_outcomes"]  # fmt: skip
        widgets = {
            f: forms.Textarea(attrs={"rows": 4})
            for f in ("policies", "rationale", "objectives", "quantitative_targets", "qualitative_targets",
                      "expected_outcomes")
        }  # fmt: skip


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["order", "name", "period", "target_group", "responsible", "responsible_users",
                  "compensation", "operating", "materials"]  # fmt: skip
        widgets = {"responsible_users": forms.SelectMultiple(attrs={"size": 3})}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_users"].queryset = supervisors_queryset()
        self.fields["responsible_users"].label_from_instance = lambda u: u.profile.display_name
        self.fields["responsible_users"].required = False


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["order", "name", "method", "tool", "target", "result"]


ActivityFormSet = forms.inlineformset_factory(Project, Activity, form=ActivityForm, extra=2, can_delete=True)
IndicatorFormSet = forms.inlineformset_factory(Project, Indicator, form=IndicatorForm, extra=2, can_delete=True)


class PhaseMoveForm(forms.Form):
    to = forms.ChoiceField(choices=Phase.choices, widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label="บันทึกสิ่งที่ทำ/ผลที่ได้",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "กรุณาบันทึกสิ่งที่ทำ/ผลที่ได้ก่อนเปลี่ยนระยะ"},
    )
    evidence = forms.FileField(label="หลักฐาน (ถ้ามี)", required=False)


class SchoolGroupForm(forms.ModelForm):
    class Meta:
        model = SchoolGroup
        fields = ["name", "color", "visits_per_school_target", "schools"]
        widgets = {"schools": forms.CheckboxSelectMultiple, "color": forms.TextInput(attrs={"type": "color"})}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["schools"].queryset = School.objects.filter(is_active=True).select_related("cluster")
