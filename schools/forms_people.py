"""The school of a school-staff login, set by the administrator from the people pages."""

from __future__ import annotations

from django import forms

from core.collation import thai_order

from .models import School


class MembershipForm(forms.Form):
    school = forms.ModelChoiceField(
        label="สถานศึกษา",
        queryset=School.objects.none(),
        required=False,
        empty_label="ไม่สังกัดสถานศึกษา",
        help_text="เลือกโรงเรียนที่บุคลากรผู้นี้สังกัด เขาจะเห็นเฉพาะข้อมูลของโรงเรียนนี้",
    )
    position = forms.CharField(label="ตำแหน่งในสถานศึกษา", max_length=200, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = thai_order(School.objects.filter(is_active=True), "name", "code")
