"""Forms of group events, the office's visit/event types and an activity's schedule and targets."""

from __future__ import annotations

from django import forms

from core import thaidate
from core.forms import BEDateField
from schools.models import Cluster, School

from ..models import Activity, EventType, GroupEvent, SchoolGroup, TargetScope, VisitType
from ..selectors import supervision_team

FISCAL_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]


class GroupEventForm(forms.ModelForm):
    date = BEDateField(label="วันที่จัด")
    end_date = BEDateField(label="ถึงวันที่ (ถ้าจัดหลายวัน)", required=False)

    class Meta:
        model = GroupEvent
        fields = ["event_type", "title", "date", "end_date", "place", "activity", "people", "other_people",
                  "agenda", "outcomes"]  # fmt: skip
        widgets = {
            "people": forms.CheckboxSelectMultiple,
            "other_people": forms.Textarea(attrs={"rows": 2}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "outcomes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: object, fiscal_year: int | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        current = self.instance.event_type_id if self.instance.pk else None
        self.fields["event_type"].queryset = EventType.objects.filter(is_active=True) | EventType.objects.filter(
            pk=current
        )
        self.fields["event_type"].empty_label = "— เลือกประเภทกิจกรรม —"
        activities = Activity.objects.select_related("project")
        if fiscal_year:
            activities = activities.filter(project__plan__fiscal_year=fiscal_year)
        self.fields["activity"].queryset = activities
        self.fields["activity"].empty_label = "— ไม่ระบุกิจกรรมตามแผน —"
        self.fields["activity"].label_from_instance = lambda a: f"{a.project.name} › {a.title}"[:120]
        self.fields["people"].queryset = supervision_team()
        self.fields["people"].label_from_instance = lambda u: u.profile.display_name


class ClusterAttendanceForm(forms.Form):
    cluster = forms.ModelChoiceField(
        Cluster.objects.order_by("name"), label="กลุ่มโรงเรียน", empty_label="— เลือกกลุ่มโรงเรียน —"
    )


class EventCancelForm(forms.Form):
    reason = forms.CharField(label="เหตุผลที่ยกเลิก", max_length=300)


class EventEvidenceForm(forms.Form):
    file = forms.FileField(label="ภาพถ่ายหรือไฟล์หลักฐาน", error_messages={"required": "กรุณาเลือกไฟล์ที่จะแนบ"})
    caption = forms.CharField(label="คำอธิบาย", max_length=300, required=False)


class VisitTypeForm(forms.ModelForm):
    class Meta:
        model = VisitType
        fields = ["code", "name", "order", "is_active"]
        error_messages = {"code": {"unique": "มีประเภทที่ใช้รหัสนี้อยู่แล้ว"}}


class EventTypeForm(forms.ModelForm):
    class Meta:
        model = EventType
        fields = ["code", "name", "order", "is_active", "counts_toward_coverage"]
        error_messages = {"code": {"unique": "มีประเภทที่ใช้รหัสนี้อยู่แล้ว"}}


class ActivityScheduleForm(forms.ModelForm):
    starts_on = BEDateField(label="เริ่ม", required=False)
    ends_on = BEDateField(label="สิ้นสุด", required=False)
    months = forms.TypedMultipleChoiceField(
        label="หรือเลือกเดือนที่ดำเนินการ", coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(m, thaidate.THAI_MONTHS[m - 1]) for m in FISCAL_MONTHS],
    )  # fmt: skip

    class Meta:
        model = Activity
        fields = ["starts_on", "ends_on", "months", "scope", "scope_cluster", "scope_group", "scope_schools",
                  "visits_per_school_target"]  # fmt: skip
        widgets = {"scope": forms.RadioSelect, "scope_schools": forms.CheckboxSelectMultiple}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.initial["months"] = [int(m) for m in (self.instance.months or "").split(",") if m.strip().isdigit()]
        self.fields["scope_cluster"].queryset = Cluster.objects.order_by("name")
        self.fields["scope_cluster"].empty_label = "— เลือกกลุ่มโรงเรียน —"
        self.fields["scope_group"].queryset = SchoolGroup.objects.filter(plan=self.instance.project.plan)
        self.fields["scope_group"].empty_label = "— เลือกกลุ่มสถานศึกษาเป้าหมาย —"
        self.fields["scope_schools"].queryset = School.objects.filter(is_active=True).order_by("name")
        self.fields["scope"].choices = TargetScope.choices

    def clean_months(self) -> str:
        return ",".join(str(m) for m in FISCAL_MONTHS if m in self.cleaned_data.get("months", []))


def target_kind_choices() -> list[tuple[str, str]]:
    visit = [(f"v:{t.code}", f"การนิเทศ: {t.name}") for t in VisitType.objects.filter(is_active=True)]
    event = [(f"e:{t.pk}", f"กิจกรรมกลุ่ม: {t.name}") for t in EventType.objects.filter(is_active=True)]
    return [("", "— เลือกประเภท —"), *visit, *event]


class TargetForm(forms.Form):
    kind = forms.ChoiceField(label="นับจาก", choices=target_kind_choices, required=False)
    per_school = forms.IntegerField(label="ครั้ง/โรงเรียน/ปี", min_value=1, max_value=365, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") and not data.get("per_school"):
            self.add_error("per_school", "กรุณาระบุจำนวนครั้งต่อโรงเรียน")
        return data

    def target(self) -> dict | None:
        kind, n = self.cleaned_data.get("kind"), self.cleaned_data.get("per_school")
        if not kind or not n:
            return None
        prefix, _, key = kind.partition(":")
        if prefix == "v":
            return {"visit_type": VisitType.objects.get(code=key), "per_school": n}
        return {"event_type": EventType.objects.get(pk=key), "per_school": n}


TargetFormSet = forms.formset_factory(TargetForm, extra=2, max_num=20)
