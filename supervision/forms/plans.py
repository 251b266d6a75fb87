"""Forms of the annual plan, projects (seed 002 sections) and PDCA moves."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from core.forms import BEDateField
from schools.forms import supervisors_queryset
from schools.models import School

from ..models import Activity, AnnualPlan, Indicator, Measure, Phase, Project, SchoolGroup, Spending


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
                  "quantitative_targets", "qualitative_targets", "budget_source", "pooled_budget", "budget_note",
                  "expected_outcomes", "proposer_name", "proposer_position", "endorser_name", "endorser_position",
                  "approver_name", "approver_position"]  # fmt: skip
        labels = {"budget_note": "หมายเหตุงบประมาณ (อื่น ๆ)"}
        help_texts = {
            f: "บรรทัดละหนึ่งข้อ ใส่เลขข้อเอง (เช่น 3.1.1) หรือเว้นไว้ให้ระบบใส่ให้"
            for f in ("objectives", "quantitative_targets", "qualitative_targets", "expected_outcomes")
        }
        widgets = {
            f: forms.Textarea(attrs={"rows": 4})
            for f in ("policies", "strategy", "rationale", "objectives", "quantitative_targets", "qualitative_targets",
                      "expected_outcomes")
        }  # fmt: skip


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["order", "name", "period", "target_group", "responsible", "responsible_users", "amount",
                  "compensation", "operating", "materials", "budget_source", "visits_per_school_target"]  # fmt: skip
        widgets = {
            "responsible_users": forms.SelectMultiple(attrs={"size": 3}),
            "name": forms.Textarea(attrs={"rows": 3}),
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "responsible": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_users"].queryset = supervisors_queryset()
        self.fields["responsible_users"].label_from_instance = lambda u: u.profile.display_name
        self.fields["responsible_users"].required = False
        for name in ("compensation", "operating", "materials"):
            self.fields[name].required = False

    def clean(self) -> dict:
        data = super().clean()
        for name in ("compensation", "operating", "materials"):
            if data.get(name) is None:
                data[name] = Decimal(0)
        return data


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["order", "name", "method", "tool", "target", "measure", "measure_activity", "result", "result_note"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        project_id = self.instance.project_id
        self.fields["measure_activity"].queryset = Activity.objects.filter(project_id=project_id or 0)
        self.fields["measure_activity"].empty_label = "ทุกการนิเทศของปีงบประมาณ"
        self.fields["measure"].required = False  # a row posted without it is typed by hand

    def clean_measure(self) -> str:
        return self.cleaned_data.get("measure") or Measure.MANUAL


ActivityFormSet = forms.inlineformset_factory(Project, Activity, form=ActivityForm, extra=1, can_delete=True)
IndicatorFormSet = forms.inlineformset_factory(Project, Indicator, form=IndicatorForm, extra=1, can_delete=True)


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


class SpendingForm(forms.ModelForm):
    date = BEDateField(label="วันที่จ่าย")

    class Meta:
        model = Spending
        fields = ["date", "amount", "category", "purpose", "document_number", "paid_by"]
