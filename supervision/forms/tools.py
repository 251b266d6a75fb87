from __future__ import annotations

from django import forms

from ..models import Tool
from ..models.types import visit_type_choices


class ToolForm(forms.ModelForm):
    visit_type = forms.ChoiceField(
        choices=lambda: [("", "ทุกประเภท"), *visit_type_choices()], required=False, label="ใช้กับการนิเทศประเภท"
    )
    outline = forms.CharField(
        label="ตอนและรายการประเมิน",
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="บรรทัดที่ขึ้นต้นด้วย # คือชื่อตอน บรรทัดที่ขึ้นต้นด้วย - คือรายการประเมิน "
        "ต่อท้าย [ไม่มีความเห็น] ถ้าไม่ต้องการช่องความเห็นของข้อนั้น",
    )

    class Meta:
        model = Tool
        fields = ["name", "description", "scale", "visit_type", "is_active"]
        error_messages = {"name": {"unique": "มีเครื่องมือชื่อนี้อยู่แล้ว"}}
