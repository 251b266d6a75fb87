"""Visit forms: a short start form, then the full record with teachers, scores and follow-ups."""

from __future__ import annotations

from django import forms

from core.forms import BEDateField
from core.models import LearningArea
from schools.models import School

from ..models import Activity, Tool, Visit
from ..models.types import visit_type_choices
from ..selectors import supervision_team
from .pickers import EMPTY_SCHOOL, ToolSelect, suggested_tool, use_my_schools_first


class VisitStartForm(forms.Form):
    school = forms.ModelChoiceField(
        School.objects.filter(is_active=True), label="สถานศึกษา", empty_label="— เลือกสถานศึกษา —"
    )
    date = BEDateField(label="วันที่นิเทศ")
    visit_type = forms.ChoiceField(choices=visit_type_choices, label="ประเภทการนิเทศ")
    tool = forms.ModelChoiceField(
        Tool.objects.filter(is_active=True), label="เครื่องมือนิเทศ", required=False, empty_label="— ไม่ใช้เครื่องมือ —",
        widget=ToolSelect, help_text="ระบบเลือกเครื่องมือที่ใช้กับการนิเทศประเภทนี้ให้ เปลี่ยนได้",
    )  # fmt: skip

    def __init__(self, *args: object, user: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        use_my_schools_first(self.fields["school"], user)
        if not self.is_bound and not self.initial.get("tool"):
            codes = [value for value, _label in self.fields["visit_type"].choices if value]
            visit_type = self.initial.get("visit_type") or (codes[0] if codes else "")
            tool = suggested_tool(visit_type)
            self.initial["tool"] = tool.pk if tool else None


class VisitForm(forms.ModelForm):
    date = BEDateField(label="วันที่นิเทศ")

    class Meta:
        model = Visit
        fields = ["school", "date", "visit_type", "team", "activity", "policy", "tool",
                  "strengths", "to_develop", "recommendations"]  # fmt: skip
        widgets = {
            "tool": ToolSelect,
            "team": forms.CheckboxSelectMultiple,
            "strengths": forms.Textarea(attrs={"rows": 3}),
            "to_develop": forms.Textarea(attrs={"rows": 3}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, fiscal_year: int | None = None, user: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(is_active=True).order_by("name")
        self.fields["school"].empty_label = EMPTY_SCHOOL
        self.fields["tool"].empty_label = "— ไม่ใช้เครื่องมือ —"
        use_my_schools_first(self.fields["school"], user)
        self.fields["team"].queryset = supervision_team()
        self.fields["team"].required = False
        self.fields["team"].label_from_instance = lambda u: u.profile.display_name
        self.fields["tool"].queryset = Tool.objects.filter(is_active=True)
        activities = Activity.objects.select_related("project")
        if fiscal_year:
            activities = activities.filter(project__plan__fiscal_year=fiscal_year)
        self.fields["activity"].queryset = activities
        self.fields["activity"].label_from_instance = lambda a: f"{a.project.name} › {a.name}"[:120]
        self.fields["activity"].empty_label = "— ไม่ระบุกิจกรรมตามแผน —"
        current = self.instance.visit_type if self.instance.pk else ""
        self.fields["visit_type"] = forms.ChoiceField(
            choices=visit_type_choices(current=current), label="ประเภทการนิเทศ"
        )


class TeacherForm(forms.Form):
    name = forms.CharField(label="ชื่อครู", max_length=200, required=False)
    learning_area = forms.ModelChoiceField(
        LearningArea.objects.all(), label="กลุ่มสาระฯ", required=False, empty_label="— เลือกกลุ่มสาระฯ —"
    )
    grade = forms.CharField(label="ชั้น", max_length=50, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("name") and (data.get("learning_area") or data.get("grade")):
            raise forms.ValidationError("กรุณากรอกชื่อครู")
        return data


class FollowUpForm(forms.Form):
    text = forms.CharField(label="สิ่งที่ต้องติดตาม", max_length=500, required=False)
    due_date = BEDateField(label="กำหนดติดตาม", required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("text") and not data.get("due_date"):
            self.add_error("due_date", "กรุณากำหนดวันติดตาม")
        if data.get("due_date") and not data.get("text"):
            self.add_error("text", "กรุณาระบุสิ่งที่ต้องติดตาม")
        return data


TeacherFormSet = forms.formset_factory(TeacherForm, extra=1, max_num=30)
FollowUpFormSet = forms.formset_factory(FollowUpForm, extra=1, max_num=30)


class ScoreForm(forms.Form):
    """One radio group (and optional comment) per item of the visit's tool."""

    def __init__(self, *args: object, tool: Tool | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.sections = []
        if tool is None:
            return
        choices = [(str(v), label) for v, label in tool.levels]
        for section in tool.sections.prefetch_related("items"):
            rows = []
            for item in section.items.all():
                key = f"score_{item.pk}"
                self.fields[key] = forms.TypedChoiceField(
                    label=item.text, choices=choices, coerce=int, required=False, widget=forms.RadioSelect
                )
                if item.allow_comment:
                    self.fields[f"comment_{item.pk}"] = forms.CharField(label="ความเห็น", max_length=500, required=False)
                rows.append((item, key))
            self.sections.append((section, rows))

    def section_rows(self) -> list:
        out = []
        for section, rows in self.sections:
            bound = [(item, self[key], self[f"comment_{item.pk}"] if f"comment_{item.pk}" in self.fields else None)
                     for item, key in rows]  # fmt: skip
            out.append((section, bound))
        return out

    def scores(self) -> dict[int, tuple]:
        out = {}
        for _section, rows in self.sections:
            for item, key in rows:
                value = self.cleaned_data.get(key)
                out[item.pk] = (
                    None if value in ("", None) else int(value),
                    self.cleaned_data.get(f"comment_{item.pk}", ""),
                )
        return out


class ReturnForm(forms.Form):
    comment = forms.CharField(label="สิ่งที่ต้องแก้ไข", widget=forms.Textarea(attrs={"rows": 3}))


class _PhotosInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class _PhotosField(forms.FileField):
    """Several photos at once (the phone's camera or gallery); each is checked by the service."""

    widget = _PhotosInput

    def clean(self, data: object, initial: object = None) -> list:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class EvidenceForm(forms.Form):
    file = _PhotosField(
        label="ภาพถ่ายหรือไฟล์หลักฐาน (เลือกได้หลายไฟล์)", error_messages={"required": "กรุณาเลือกไฟล์ที่จะแนบ"},
        widget=_PhotosInput(attrs={"accept": "image/*,application/pdf,.docx,.xlsx,.pptx,video/mp4", "capture": "environment"}),
    )  # fmt: skip
    caption = forms.CharField(label="คำอธิบาย", max_length=300, required=False)

    def captions(self) -> list[str]:
        """One caption per chosen file, in order (the page adds a box per photo); the single box without script."""
        return [str(c)[:300] for c in self.data.getlist("caption")] if hasattr(self.data, "getlist") else []
