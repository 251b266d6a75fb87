"""Forms of the registers (networks, good practice, research and KM): they clean input only."""

from __future__ import annotations

from django import forms

from core import thaidate
from core.forms import BEDateField
from schools.models import Cluster, School

from ..models import GoodPractice, Network, NetworkKind, PracticeKind, Study, StudyKind
from ..selectors import supervision_team
from ..services.registers import MEMBER_LINE_HELP


def _this_year() -> int:
    return thaidate.fiscal_year(thaidate.today())


def _default_year(form: forms.ModelForm) -> None:
    """A new row starts in this fiscal year (the instance's empty year would otherwise win)."""
    if form.initial.get("year") is None:
        form.initial["year"] = _this_year()


def _no_blank_choice(form: forms.ModelForm, name: str, choices: list[tuple[str, str]]) -> None:
    form.fields[name].choices = choices


class NetworkForm(forms.ModelForm):
    members = forms.CharField(
        label="สมาชิกเครือข่าย", required=False, help_text=MEMBER_LINE_HELP, widget=forms.Textarea(attrs={"rows": 8})
    )

    class Meta:
        model = Network
        fields = ["year", "kind", "name", "focus", "cluster", "coordinator", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _no_blank_choice(self, "kind", NetworkKind.choices)
        _default_year(self)
        self.fields["cluster"].queryset = Cluster.objects.order_by("name")
        self.fields["cluster"].empty_label = "— ไม่ระบุกลุ่มโรงเรียน —"
        self.fields["coordinator"].queryset = supervision_team()
        self.fields["coordinator"].empty_label = "— ไม่ระบุ —"
        if self.instance.pk and not self.is_bound:
            self.initial["members"] = "\n".join(
                " | ".join([m.name, m.school.code if m.school_id else m.school_text, m.role]).rstrip(" |")
                for m in self.instance.members.select_related("school")
            )


class GoodPracticeForm(forms.ModelForm):
    file = forms.FileField(label="ไฟล์ผลงาน", required=False, help_text="PDF รูปภาพ หรือไฟล์ Word/Excel/PowerPoint")

    class Meta:
        model = GoodPractice
        fields = ["year", "kind", "school", "title", "owner", "summary", "published", "published_where"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _no_blank_choice(self, "kind", PracticeKind.choices)
        _default_year(self)
        self.fields["school"].queryset = School.objects.filter(is_active=True).order_by("name")
        self.fields["school"].empty_label = "— เลือกสถานศึกษา —"


class StudyForm(forms.ModelForm):
    date = BEDateField(label="วันที่ (ทำ KM/เสร็จสิ้น)", required=False)
    file = forms.FileField(label="ไฟล์", required=False, help_text="PDF รูปภาพ หรือไฟล์ Word/Excel/PowerPoint")

    class Meta:
        model = Study
        fields = ["year", "kind", "title", "author", "co_authors", "date", "summary", "published"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, user: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _no_blank_choice(self, "kind", StudyKind.choices)
        _default_year(self)
        self.fields["author"].queryset = supervision_team()
        self.fields["author"].empty_label = "— เลือกศึกษานิเทศก์ —"
        if user is not None and self.initial.get("author") is None:
            self.initial["author"] = user.pk
