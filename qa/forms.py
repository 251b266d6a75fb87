"""Forms of the QA app: they validate and clean input only."""

from __future__ import annotations

from django import forms

from core.forms import BEDateField
from schools.models import School

from .models import Level, SarStatus, Standard

LEVEL_CHOICES = [("", "— เลือกระดับ —"), *Level.choices]


def _level_field(label: str, *, required: bool = False) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=LEVEL_CHOICES, coerce=int, empty_value=None, required=required,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )  # fmt: skip


class PdfField(forms.FileField):
    widget = forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"})


class SarForm(forms.Form):
    """Levels (and evidence) per rated standard, built from the SAR's ratings, plus the texts and the PDF."""

    strengths = forms.CharField(
        label="จุดเด่น", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="บรรทัดละหนึ่งข้อ"
    )
    to_develop = forms.CharField(
        label="จุดที่ควรพัฒนา", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="บรรทัดละหนึ่งข้อ"
    )
    development_plan = forms.CharField(
        label="แผนพัฒนาเพื่อยกระดับคุณภาพให้สูงขึ้น",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="บรรทัดละหนึ่งข้อ",
    )
    file = PdfField(label="ไฟล์รายงาน SAR (PDF)", required=False)

    def __init__(self, *args: object, ratings: list, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.ratings = ratings
        for rating in ratings:
            std = rating.standard
            self.fields[f"level_{std.pk}"] = _level_field(f"{std.label} {std.name}")
            self.fields[f"evidence_{std.pk}"] = forms.CharField(
                label="หลักฐาน / ข้อมูลสนับสนุน", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.initial.setdefault(f"level_{std.pk}", rating.level)
            self.initial.setdefault(f"evidence_{std.pk}", rating.evidence)

    def rows(self) -> list[tuple]:
        """(rating, level bound field, evidence bound field) for the template."""
        return [(r, self[f"level_{r.standard_id}"], self[f"evidence_{r.standard_id}"]) for r in self.ratings]

    def levels(self) -> dict[int, int | None]:
        return {r.standard_id: self.cleaned_data.get(f"level_{r.standard_id}") for r in self.ratings}

    def evidence(self) -> dict[int, str]:
        return {r.standard_id: self.cleaned_data.get(f"evidence_{r.standard_id}", "") for r in self.ratings}


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label="ความเห็นถึงสถานศึกษา",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "กรุณากรอกความเห็นถึงสถานศึกษา"},
    )


class SarStartForm(forms.Form):
    school = forms.ModelChoiceField(
        label="สถานศึกษา",
        queryset=School.objects.filter(is_active=True).order_by("name"),
        empty_label="— เลือกสถานศึกษา —",
        error_messages={"required": "กรุณาเลือกสถานศึกษา", "invalid_choice": "เลือกได้เฉพาะสถานศึกษาในรายการ"},
    )
    academic_year = forms.IntegerField(
        label="ปีการศึกษา (พ.ศ.)",
        min_value=2500,
        max_value=2700,
        error_messages={"min_value": "กรุณากรอกปี พ.ศ. เช่น 2568", "max_value": "กรุณากรอกปี พ.ศ. เช่น 2568"},
    )


class SarYearForm(forms.Form):
    academic_year = forms.IntegerField(
        label="ปีการศึกษา (พ.ศ.)",
        min_value=2500,
        max_value=2700,
        error_messages={"min_value": "กรุณากรอกปี พ.ศ. เช่น 2568", "max_value": "กรุณากรอกปี พ.ศ. เช่น 2568"},
    )
    deadline = BEDateField(label="กำหนดส่ง SAR", required=False, help_text="เช่น 31/05/2569 เว้นว่างถ้ายังไม่กำหนด")
    note = forms.CharField(label="หมายเหตุ / แนวปฏิบัติ", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SarFilterForm(forms.Form):
    status = forms.ChoiceField(label="สถานะ", required=False, choices=[("", "ทุกสถานะ"), *SarStatus.choices])
    q = forms.CharField(label="ค้นหาโรงเรียน", required=False)


class ExternalForm(forms.Form):
    school = forms.ModelChoiceField(
        label="สถานศึกษา",
        queryset=School.objects.order_by("name"),
        empty_label="— เลือกสถานศึกษา —",
        error_messages={"required": "กรุณาเลือกสถานศึกษา"},
    )
    round_name = forms.CharField(
        label="รอบการประเมิน",
        max_length=100,
        help_text="เช่น รอบที่ 5",
        error_messages={"required": "กรุณากรอกรอบการประเมิน"},
    )
    assessment_year = forms.IntegerField(
        label="ปีที่ประเมิน (พ.ศ.)",
        min_value=2500,
        max_value=2700,
        error_messages={"min_value": "กรุณากรอกปี พ.ศ.", "max_value": "กรุณากรอกปี พ.ศ."},
    )
    assessed_on = BEDateField(label="วันที่ประเมิน", required=False)
    overall_result = forms.CharField(label="ผลการประเมินโดยรวม", required=False, max_length=200)
    summary = forms.CharField(label="ข้อเสนอแนะของ สมศ.", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    file = PdfField(label="ไฟล์รายงานผลการประเมินภายนอก (PDF)", required=False)

    def __init__(self, *args: object, standards: list[Standard], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.standards = standards
        for std in standards:
            label = f"{std.standard_set.get_education_level_display()} {std.label} {std.name}"
            self.fields[f"level_{std.pk}"] = _level_field(label)

    def levels(self) -> dict[int, int | None]:
        return {s.pk: self.cleaned_data.get(f"level_{s.pk}") for s in self.standards}

    def level_fields(self) -> list:
        return [self[f"level_{s.pk}"] for s in self.standards]


class PlanFeedForm(forms.Form):
    """Which fiscal year's supervision plan the synthesis goes into; empty means the next one."""

    fiscal_year = forms.IntegerField(
        label="แผนนิเทศ ปีงบประมาณ",
        required=False,
        min_value=2500,
        max_value=2700,
        error_messages={
            "invalid": "กรุณากรอกปีงบประมาณ (พ.ศ.) เช่น 2570",
            "min_value": "กรุณากรอกปีงบประมาณ (พ.ศ.) เช่น 2570",
            "max_value": "กรุณากรอกปีงบประมาณ (พ.ศ.) เช่น 2570",
        },
    )
