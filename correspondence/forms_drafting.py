"""Forms of letters written in the system: write, edit, the chain, decisions, dispatch channels, templates.

They validate and clean input only; chain.py and services.py decide.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import validate_email

from core.forms import BEDateField
from core.models import display_name
from core.roles import Role
from core.validators import validate_long_text
from schools.models import Cluster

from .forms import REQUIRED, SUBJECT_MAX, SchoolPickerWidget, people_queryset, picker_schools
from .models import ApprovalRole, LetterContent, LetterKind, LetterTemplate, Secrecy, Urgency

User = get_user_model()
BODY_ROWS = 14


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: object) -> str:
        position = getattr(getattr(obj, "profile", None), "position_line", "")
        return f"{display_name(obj)} ({position})" if position else display_name(obj)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: object) -> str:
        return display_name(obj)


class _Parts(forms.Form):
    """The regulation's parts of a letter (หนังสือภายนอก, บันทึกข้อความ, คำสั่ง, ประกาศ …)."""

    kind = forms.ChoiceField(label="รูปแบบหนังสือ", choices=LetterKind.choices)
    subject = forms.CharField(label="เรื่อง", max_length=SUBJECT_MAX, error_messages=REQUIRED)
    salutation = forms.CharField(label="คำขึ้นต้น", max_length=100, initial="เรียน", required=False)
    addressee = forms.CharField(label="เรียน (ผู้รับ)", max_length=500, required=False, help_text="เว้นว่าง = ตามผู้รับที่เลือก")
    reference_text = forms.CharField(
        label="อ้างถึง", required=False, widget=forms.Textarea(attrs={"rows": 2}), validators=[validate_long_text]
    )
    enclosures = forms.CharField(
        label="สิ่งที่ส่งมาด้วย", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="บรรทัดละหนึ่งรายการ ตามลำดับ", validators=[validate_long_text],
    )  # fmt: skip
    body = forms.CharField(
        label="ข้อความ", widget=forms.Textarea(attrs={"rows": BODY_ROWS}), error_messages=REQUIRED,
        help_text="เว้นบรรทัดว่างหนึ่งบรรทัดระหว่างย่อหน้า",
    )  # fmt: skip
    closing = forms.CharField(label="คำลงท้าย", max_length=100, initial="ขอแสดงความนับถือ", required=False)
    signer = PersonChoiceField(
        label="ผู้ลงนาม", queryset=User.objects.none(), empty_label="เลือกผู้ลงนาม",
        error_messages={"required": "กรุณาเลือกผู้ลงนาม", "invalid_choice": "ไม่พบผู้ใช้ที่เลือก"},
    )  # fmt: skip
    owner_unit = forms.CharField(label="ส่วนราชการเจ้าของเรื่อง", max_length=200, required=False)
    owner_phone = forms.CharField(label="โทรศัพท์", max_length=60, required=False)
    owner_email = forms.CharField(label="อีเมล", max_length=200, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = people_queryset(Role.DIRECTOR, Role.EXECUTIVE, Role.ADMIN)


class LetterWriteForm(_Parts):
    """เขียนหนังสือ: a new letter, prefilled from a template; recipients as the draft form picks them."""

    register_code = forms.ChoiceField(
        label="ทะเบียน", choices=[("send", "หนังสือส่ง"), ("circular", "หนังสือเวียน (ว)"), ("order", "คำสั่ง")]
    )
    clusters = forms.ModelMultipleChoiceField(
        label="ทุกโรงเรียนในกลุ่มโรงเรียน", queryset=Cluster.objects.order_by("name"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    schools = forms.ModelMultipleChoiceField(
        label="สถานศึกษา (เลือกได้หลายแห่ง)", queryset=picker_schools(), required=False, widget=SchoolPickerWidget,
        error_messages={"invalid_choice": "ไม่พบสถานศึกษาที่เลือก (%(value)s)", "invalid_pk_value": "ไม่พบสถานศึกษา “%(pk)s”"},
    )  # fmt: skip
    recipient_text = forms.CharField(
        label="ถึง (ผู้รับอื่น ๆ)", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_long_text], help_text="หากเลือกสถานศึกษาแล้วเว้นว่างได้",
    )  # fmt: skip
    urgency = forms.TypedChoiceField(label="ชั้นความเร็ว", choices=Urgency.choices, coerce=int, initial=Urgency.NORMAL)
    secrecy = forms.TypedChoiceField(label="ชั้นความลับ", choices=Secrecy.choices, coerce=int, initial=Secrecy.NORMAL)

    field_order = ["kind", "register_code", "subject", "clusters", "schools", "recipient_text", "salutation",
                   "addressee", "reference_text", "enclosures", "body", "closing", "signer", "urgency", "secrecy",
                   "owner_unit", "owner_phone", "owner_email"]  # fmt: skip

    def clean(self) -> dict:
        data = super().clean()
        schools = set(data.get("schools") or [])
        for cluster in data.get("clusters") or []:
            schools.update(cluster.schools.filter(is_active=True))
        data["all_schools"] = sorted(schools, key=lambda s: s.name)
        if not schools and not (data.get("recipient_text") or "").strip():
            raise forms.ValidationError("กรุณาระบุผู้รับอย่างน้อยหนึ่งราย: เลือกสถานศึกษา กลุ่มโรงเรียน หรือพิมพ์ชื่อผู้รับ")
        return data


def template_initial(template: LetterTemplate | None) -> dict:
    if template is None:
        return {}
    names = ("kind", "register_code", "subject", "salutation", "addressee", "enclosures", "body", "closing")
    return {name: getattr(template, name) for name in names}


def content_initial(content: LetterContent) -> dict:
    names = [name for name in _Parts.base_fields if name != "subject"]
    return {"subject": content.letter.subject, **{name: getattr(content, name) for name in names}}


class ContentForm(_Parts):
    """แก้ไขร่าง: the parts of an editing (or returned) version."""


class ChainStepForm(forms.Form):
    role = forms.ChoiceField(label="หน้าที่", choices=ApprovalRole.choices)
    approver = PersonChoiceField(label="ผู้ดำเนินการ", queryset=User.objects.none(), required=False, empty_label="-")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approver"].queryset = people_queryset()


ChainFormSet = forms.formset_factory(ChainStepForm, extra=1, can_delete=True, max_num=8)


def chain_from(formset: forms.BaseFormSet) -> list[tuple[str, object]]:
    """The chain in order: the rows with a person, not ticked for removal."""
    rows = [f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    return [(row["role"], row["approver"]) for row in rows if row.get("approver")]


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="ความเห็น (ถ้ามี)", required=False, widget=forms.Textarea(attrs={"rows": 2}), validators=[validate_long_text]
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="เหตุผล", widget=forms.Textarea(attrs={"rows": 2}), validators=[validate_long_text],
        error_messages={"required": "กรุณาระบุเหตุผล"},
    )  # fmt: skip


class DispatchChannelsForm(forms.Form):
    """ออกเลขและส่ง: the date, and the channels to send a signed letter on."""

    letter_date = BEDateField(label="ลงวันที่", required=False, help_text="เว้นว่าง = วันนี้")
    electronic = forms.BooleanField(label="ส่งทางระบบถึงสถานศึกษาผู้รับ", required=False, initial=True)
    people = PeopleChoiceField(
        label="ส่งทางระบบถึงบุคคล (เมื่อเลือกส่งทางระบบ)", queryset=User.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )  # fmt: skip
    emails = forms.CharField(
        label="ส่งทางอีเมล", required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="บรรทัดละหนึ่งที่อยู่"
    )
    paper = forms.CharField(
        label="ส่งเป็นกระดาษ (ไปรษณีย์/นำส่ง)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="บรรทัดละหนึ่งราย: ชื่อผู้รับ | ที่อยู่", validators=[validate_long_text],
    )  # fmt: skip

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people_queryset()

    def clean_emails(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["emails"].splitlines() if line.strip()]
        for line in lines:
            try:
                validate_email(line)
            except forms.ValidationError:
                raise forms.ValidationError(f"อีเมลไม่ถูกต้อง: {line}") from None
        return lines

    def clean_paper(self) -> list[tuple[str, str]]:
        rows = []
        for line in self.cleaned_data["paper"].splitlines():
            if not line.strip():
                continue
            name, _, address = line.partition("|")
            if not name.strip():
                raise forms.ValidationError(f"กรุณาระบุชื่อผู้รับ: {line.strip()}")
            rows.append((name.strip(), address.strip()))
        return rows


class LetterTemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = ["name", "kind", "register_code", "subject", "salutation", "addressee", "enclosures", "body",
                  "closing", "is_active"]  # fmt: skip
        widgets = {
            "register_code": forms.Select(
                choices=[("send", "หนังสือส่ง"), ("circular", "หนังสือเวียน (ว)"), ("order", "คำสั่ง")]
            ),
            "body": forms.Textarea(attrs={"rows": BODY_ROWS}),
            "enclosures": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"name": {"required": "กรุณาตั้งชื่อแม่แบบ", "unique": "มีแม่แบบชื่อนี้แล้ว"}}
