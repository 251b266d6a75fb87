"""Forms of the correspondence pages: they validate and clean input only."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from core.forms import BEDateField, BEDateInput, BEDateTimeField
from core.models import display_name
from core.roles import Role
from core.validators import validate_date_in_range, validate_long_text
from schools.models import Cluster, School

from . import selectors
from .attachments import check_upload
from .models import Channel, DocumentType, InstructionPhrase, Letter, Secrecy, Urgency

User = get_user_model()
REQUIRED = {"required": "กรุณากรอกช่องนี้"}
# Limits shared with the API (correspondence/api/serializers.py imports them): one rule for both doors.
SUBJECT_MAX = Letter._meta.get_field("subject").max_length  # เรื่อง, 500
SENDER_MAX = Letter._meta.get_field("sender").max_length  # จาก, 300
EXTERNAL_NO_MAX = Letter._meta.get_field("external_no").max_length  # ที่ ของผู้ส่ง, 100
RECIPIENT_MAX = 500  # ถึง, typed when registering a received letter; other free text: core.validators.LONG_TEXT_MAX
CORRECTION_FIELDS = (
    "external_no", "letter_date", "sender", "recipient_text", "subject", "urgency", "deadline", "secrecy",
    "document_type", "channel", "owner", "remarks", "retention_years",
)  # fmt: skip


def people_queryset(*roles: str) -> QuerySet:
    """Active people holding any of `roles` (every office role when none is given), by first name."""
    roles = roles or (Role.DIRECTOR, Role.EXECUTIVE, Role.SECRETARY, Role.SUPERVISOR, Role.CLERK, Role.ADMIN)
    return (
        User.objects.filter(groups__name__in=roles, is_active=True)
        .distinct()
        .select_related("profile")
        .order_by("first_name")
    )


def staff_queryset() -> QuerySet:
    return people_queryset(Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.CLERK)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several scans at once; each is checked by content and size."""

    widget = MultipleFileInput

    def clean(self, data: object, initial: object = None) -> list:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        errors = []
        for upload in files:
            try:
                check_upload(upload)
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return list(files)


class SchoolPickerWidget(forms.SelectMultiple):
    """The plain multi-select (it works without script), marked for static/js/school-picker.js, which
    turns it into a search box, the chosen schools, and every school grouped by its cluster."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__({"size": 8, "data-school-picker": "1", **(attrs or {})})

    def create_option(self, *args: object, **kwargs: object) -> dict:
        option = super().create_option(*args, **kwargs)
        school = getattr(option["value"], "instance", None)
        if school is not None:
            option["attrs"]["data-cluster"] = school.cluster.name if school.cluster_id else "ไม่สังกัดกลุ่มโรงเรียน"
        return option


def picker_schools() -> QuerySet:
    return School.objects.filter(is_active=True).select_related("cluster").order_by("name")


class _LetterFields(forms.Form):
    urgency = forms.TypedChoiceField(label="ชั้นความเร็ว", choices=Urgency.choices, coerce=int, initial=Urgency.NORMAL)
    deadline = BEDateTimeField(label="ด่วนภายใน (ถ้ามี)", required=False, validators=[validate_date_in_range])
    secrecy = forms.TypedChoiceField(label="ชั้นความลับ", choices=Secrecy.choices, coerce=int, initial=Secrecy.NORMAL)
    document_type = forms.ChoiceField(label="ชนิดของหนังสือ", choices=DocumentType.choices, initial=DocumentType.EXTERNAL)
    channel = forms.ChoiceField(label="ช่องทาง", choices=Channel.choices, initial=Channel.PAPER)
    remarks = forms.CharField(
        label="หมายเหตุ", required=False, widget=forms.Textarea(attrs={"rows": 2}), validators=[validate_long_text]
    )
    retention_years = forms.IntegerField(
        label="อายุการเก็บ (ปี)", required=False, min_value=1, max_value=99,
        help_text="เว้นว่างเพื่อใช้ค่าปกติของสำนักงาน",
        error_messages={"min_value": "อายุการเก็บต้องอย่างน้อย 1 ปี", "invalid": "กรุณากรอกตัวเลข"},
    )  # fmt: skip
    keep_forever = forms.BooleanField(label="เก็บไว้ตลอดไป (ห้ามทำลาย)", required=False)


class IncomingForm(_LetterFields):
    """ลงทะเบียนหนังสือรับ (แบบที่ 13)."""

    external_no = forms.CharField(label="ที่ (เลขที่หนังสือของผู้ส่ง)", max_length=EXTERNAL_NO_MAX, required=False)
    letter_date = BEDateField(label="ลงวันที่", required=False, validators=[validate_date_in_range])
    sender = forms.CharField(label="จาก", max_length=SENDER_MAX, error_messages=REQUIRED)
    recipient_text = forms.CharField(label="ถึง", max_length=RECIPIENT_MAX, error_messages=REQUIRED)
    subject = forms.CharField(label="เรื่อง", max_length=SUBJECT_MAX, error_messages=REQUIRED)
    files = MultipleFileField(label="ไฟล์สแกน (PDF, JPEG, PNG)", required=False)
    present_now = forms.BooleanField(
        label="เสนอ ผอ.กลุ่มทันทีเมื่อบันทึก", required=False,
        help_text="ไม่ต้องเปิดรายการเพื่อกดเสนออีกครั้ง",
    )  # fmt: skip

    # The paper receive stamp's order (เลขรับ is issued on saving): ที่ ลงวันที่ จาก ถึง เรื่อง การปฏิบัติ,
    # then the details of the right-hand column; the tab order follows it.
    STAMP_FIELDS = ("external_no", "letter_date", "sender", "recipient_text", "subject", "present_now")
    DETAIL_FIELDS = ("urgency", "deadline", "secrecy", "document_type", "channel", "remarks", "retention_years",
                     "keep_forever", "files")  # fmt: skip
    field_order = [*STAMP_FIELDS, *DETAIL_FIELDS]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
        self.fields["files"].help_text = f"เลือกได้หลายไฟล์ ไฟล์ละไม่เกิน {limit} MB"
        self.fields["external_no"].widget.attrs.update(autofocus=True, placeholder="เช่น ศธ 04010/ว 1234")
        self.fields["letter_date"].widget.attrs.setdefault("placeholder", "วว/ดด/ปปปป")
        self.fields["sender"].widget.attrs.setdefault("placeholder", "เช่น สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")
        for name in ("external_no", "sender", "recipient_text", "subject"):
            self.fields[name].widget.attrs.setdefault("autocomplete", "off")

    def stamp_fields(self) -> list:
        return [self[name] for name in self.STAMP_FIELDS]

    def detail_fields(self) -> list:
        return [self[name] for name in self.DETAIL_FIELDS]


class DraftForm(_LetterFields):
    """A supervisor's outgoing letter to one or many recipients, numbered by the clerk on dispatch."""

    register_code = forms.ChoiceField(
        label="ทะเบียน", choices=[("send", "หนังสือส่ง"), ("circular", "หนังสือเวียน (ว)"), ("order", "คำสั่ง")]
    )
    subject = forms.CharField(label="เรื่อง", max_length=SUBJECT_MAX, error_messages=REQUIRED)
    recipient_text = forms.CharField(
        label="ถึง (ผู้รับอื่น ๆ)", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_long_text],
        help_text="เช่น ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา หากเลือกสถานศึกษาด้านล่างแล้วเว้นว่างได้",
    )  # fmt: skip
    clusters = forms.ModelMultipleChoiceField(
        label="ทุกโรงเรียนในกลุ่มโรงเรียน", queryset=Cluster.objects.order_by("name"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    schools = forms.ModelMultipleChoiceField(
        label="สถานศึกษา (เลือกได้หลายแห่ง)", queryset=picker_schools(), required=False, widget=SchoolPickerWidget,
        error_messages={"invalid_choice": "ไม่พบสถานศึกษาที่เลือก (%(value)s)", "invalid_pk_value": "ไม่พบสถานศึกษา “%(pk)s”"},
    )  # fmt: skip

    field_order = ["register_code", "subject", "clusters", "schools", "recipient_text", "urgency", "deadline",
                   "secrecy", "document_type", "channel", "remarks", "retention_years", "keep_forever"]  # fmt: skip

    def clean(self) -> dict:
        data = super().clean()
        schools = set(data.get("schools") or [])
        for cluster in data.get("clusters") or []:
            schools.update(cluster.schools.filter(is_active=True))
        data["all_schools"] = sorted(schools, key=lambda s: s.name)
        if not schools and not (data.get("recipient_text") or "").strip():
            raise forms.ValidationError("กรุณาระบุผู้รับอย่างน้อยหนึ่งราย: เลือกสถานศึกษา กลุ่มโรงเรียน หรือพิมพ์ชื่อผู้รับ")
        return data


class CorrectionForm(_LetterFields):
    """แก้ไขรายการในทะเบียน: the entry's columns; never its register, year or number. A reason is required."""

    external_no = forms.CharField(label="ที่ (เลขที่หนังสือของผู้ส่ง)", max_length=EXTERNAL_NO_MAX, required=False)
    letter_date = BEDateField(label="ลงวันที่", required=False, validators=[validate_date_in_range])
    sender = forms.CharField(label="จาก", max_length=SENDER_MAX, error_messages=REQUIRED)
    recipient_text = forms.CharField(
        label="ถึง", widget=forms.Textarea(attrs={"rows": 2}), error_messages=REQUIRED, validators=[validate_long_text]
    )
    subject = forms.CharField(label="เรื่อง", max_length=SUBJECT_MAX, error_messages=REQUIRED)
    owner = forms.ModelChoiceField(
        label="เจ้าของเรื่อง", queryset=User.objects.none(), required=False, empty_label="ไม่ระบุเจ้าของเรื่อง",
        error_messages={"invalid_choice": "ไม่พบผู้ใช้ที่เลือก"},
    )  # fmt: skip
    reason = forms.CharField(
        label="เหตุผลที่แก้ไข", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="บันทึกไว้ในประวัติการแก้ไขพร้อมผู้แก้ไข วันเวลา และค่าก่อน/หลังแก้ไข",
        error_messages={"required": "กรุณาระบุเหตุผลที่แก้ไข"},
    )  # fmt: skip

    field_order = ["external_no", "letter_date", "sender", "recipient_text", "subject", "urgency", "deadline",
                   "secrecy", "document_type", "channel", "owner", "remarks", "retention_years", "keep_forever",
                   "reason"]  # fmt: skip

    def __init__(self, *args: object, letter: object, **kwargs: object) -> None:
        initial = {name: getattr(letter, name) for name in CORRECTION_FIELDS if name != "owner"}
        initial.update(owner=letter.owner_id, keep_forever=letter.retention_years is None)
        super().__init__(*args, initial=initial, **kwargs)
        if not letter.register.is_incoming:
            del self.fields["external_no"]  # an outgoing entry's ที่ is built from its number
        self.fields["owner"].queryset = staff_queryset()
        self.fields["owner"].label_from_instance = display_name
        self.fields["retention_years"].help_text = "หรือเลือก “เก็บไว้ตลอดไป”"

    def clean(self) -> dict:
        data = super().clean()
        if data.get("keep_forever"):
            data["retention_years"] = None
        elif data.get("retention_years") is None and "retention_years" not in self.errors:
            self.add_error("retention_years", "กรุณากรอกอายุการเก็บ หรือเลือก “เก็บไว้ตลอดไป”")
        return data

    def changes(self) -> dict:
        """The cleaned columns to hand to services.letter_update (without the reason)."""
        return {name: self.cleaned_data[name] for name in CORRECTION_FIELDS if name in self.fields}


class DispatchForm(forms.Form):
    letter_date = BEDateField(label="ลงวันที่", required=False, help_text="เว้นว่าง = วันนี้")


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="เหตุผลที่ยกเลิก", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "กรุณาระบุเหตุผลที่ยกเลิก"},
    )  # fmt: skip


class InstructForm(forms.Form):
    instruction = forms.CharField(
        label="เกษียนหนังสือ (ข้อสั่งการ)", widget=forms.Textarea(attrs={"rows": 3, "class": "form-control mb-2"}),
        error_messages={"required": "กรุณาเขียนข้อสั่งการ"},
    )  # fmt: skip
    assignees = forms.ModelMultipleChoiceField(
        label="มอบให้", queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "กรุณาเลือกผู้รับมอบอย่างน้อยหนึ่งคน", "invalid_choice": "ไม่พบผู้รับมอบที่เลือก"},
    )  # fmt: skip

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        people = list(staff_queryset())
        self.fields["assignees"].queryset = staff_queryset()
        self.fields["assignees"].label_from_instance = display_name
        self.fields["assignees"].widget.attrs["class"] = "form-check-input"
        self.people = people
        self._phrases: list[str] | None = None
        for person in people:  # กำหนดเสร็จ, one box per person, read only for the ticked ones
            self.fields[f"due_{person.pk}"] = BEDateField(
                label=f"กำหนดเสร็จของ {display_name(person)}", required=False, validators=[validate_date_in_range],
                widget=BEDateInput(attrs={"class": "be-date form-control form-control-sm",
                                          "aria-label": f"กำหนดเสร็จของ {display_name(person)}"}),
            )  # fmt: skip

    def phrases(self) -> list[str]:
        """The quick phrases offered as buttons (the office's list, /correspondence/instruction-phrases/)."""
        if self._phrases is None:
            self._phrases = selectors.instruction_phrases()
        return self._phrases

    def assignee_rows(self) -> list[tuple]:
        """(checkbox, person's due-date box) per person, for the table of the เกษียน card."""
        boxes = {str(box.data["value"]): box for box in self["assignees"]}
        return [(boxes.get(str(p.pk)), self[f"due_{p.pk}"]) for p in self.people if str(p.pk) in boxes]

    def clean(self) -> dict:
        data = super().clean()
        data["due_dates"] = {
            person.pk: data[f"due_{person.pk}"]
            for person in data.get("assignees") or []
            if data.get(f"due_{person.pk}")
        }
        return data


class InstructionPhraseForm(forms.Form):
    """One quick phrase of the เกษียน (a button's words): one line, spaces tidied, at most 200 characters."""

    text = forms.CharField(
        label="ข้อความ", max_length=InstructionPhrase.TEXT_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text="ข้อความที่ผู้อำนวยการกลุ่มกดเพื่อเติมลงในช่องเกษียน แล้วพิมพ์ต่อหรือแก้ได้",
        error_messages={
            "required": "กรุณาพิมพ์ข้อความ",
            "max_length": "ข้อความยาวได้ไม่เกิน %(limit_value)d ตัวอักษร (พิมพ์มา %(show_value)d ตัวอักษร)",
        },
    )  # fmt: skip

    def clean_text(self) -> str:
        return " ".join(self.cleaned_data["text"].split())


class ResultForm(forms.Form):
    result = forms.CharField(
        label="ผลการปฏิบัติ", widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "กรุณาบันทึกผลการปฏิบัติ"},
    )  # fmt: skip


class AttachForm(forms.Form):
    files = MultipleFileField(label="แนบไฟล์ (PDF, JPEG, PNG)", error_messages={"required": "กรุณาเลือกไฟล์"})


class StartNumberForm(forms.Form):
    register = forms.ChoiceField(label="ทะเบียน")
    year = forms.IntegerField(label="ปี พ.ศ.", min_value=2500, max_value=2700)
    start_number = forms.IntegerField(
        label="เลขเริ่มต้น", min_value=1, error_messages={"min_value": "เลขเริ่มต้นต้องตั้งแต่ 1 ขึ้นไป"}
    )


class BorrowForm(forms.Form):
    borrower = forms.CharField(label="ผู้ยืม", max_length=200, error_messages=REQUIRED)
    received_by = forms.CharField(label="ผู้รับ (ผู้ให้ยืม)", max_length=200, error_messages=REQUIRED)
    borrowed_on = BEDateField(label="วันยืม")
    due_on = BEDateField(label="กำหนดส่งคืน")

    def clean(self) -> dict:
        data = super().clean()
        if data.get("borrowed_on") and data.get("due_on") and data["due_on"] < data["borrowed_on"]:
            self.add_error("due_on", "กำหนดส่งคืนต้องไม่ก่อนวันยืม")
        return data


class ReturnForm(forms.Form):
    returned_by = forms.CharField(label="ผู้ส่งคืน", max_length=200, error_messages=REQUIRED)
    returned_on = BEDateField(label="วันส่งคืน")


class RangeForm(forms.Form):
    """A BE date range for printouts."""

    date_from = BEDateField(label="ตั้งแต่วันที่")
    date_to = BEDateField(label="ถึงวันที่")

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น")
        return data


class DestructionForm(forms.Form):
    """บันทึกการทำลายหนังสือ: the listed entries destroyed after the committee's approval."""

    list_year = forms.IntegerField(widget=forms.HiddenInput, min_value=2400, max_value=2700)
    destroyed_on = BEDateField(label="วันที่ทำลาย", error_messages={"required": "กรุณากรอกวันที่ทำลาย"})
    approval_text = forms.CharField(
        label="คำสั่ง/หนังสืออนุมัติให้ทำลาย", max_length=300, error_messages={"required": "กรุณาระบุคำสั่งอนุมัติ"},
        help_text="เช่น คำสั่งสำนักงานเขตพื้นที่การศึกษา ที่ 12/2570 ลงวันที่ 20 มีนาคม 2570",
    )  # fmt: skip
    approval_letter = forms.ModelChoiceField(
        label="เชื่อมกับคำสั่งในทะเบียนคำสั่ง (ถ้ามี)", queryset=Letter.objects.none(), required=False,
        empty_label="ไม่เชื่อมกับคำสั่งในทะเบียน", error_messages={"invalid_choice": "ไม่พบคำสั่งที่เลือกในทะเบียนคำสั่ง"},
    )  # fmt: skip
    committee = forms.CharField(
        label="คณะกรรมการทำลายหนังสือ", widget=forms.Textarea(attrs={"rows": 3}),
        help_text="ชื่อละหนึ่งบรรทัด ประธานกรรมการก่อน แล้วกรรมการอย่างน้อยสองคน",
        error_messages={"required": "กรุณาระบุรายชื่อคณะกรรมการทำลายหนังสือ"},
    )  # fmt: skip
    remarks = forms.CharField(label="หมายเหตุ", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    letters = forms.ModelMultipleChoiceField(
        label="รายการที่ทำลาย", queryset=Letter.objects.none(), widget=forms.MultipleHiddenInput,
        error_messages={"required": "กรุณาเลือกรายการที่ทำลายอย่างน้อยหนึ่งรายการ",
                        "invalid_choice": "รายการที่เลือก (%(value)s) ไม่อยู่ในบัญชีหนังสือขอทำลายปีนี้"},
    )  # fmt: skip

    def __init__(self, *args: object, orders: QuerySet, candidates: QuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approval_letter"].queryset = orders
        self.fields["approval_letter"].label_from_instance = lambda o: f"{o.document_no} {o.subject}"[:120]
        self.fields["letters"].queryset = candidates

    def checked(self) -> set[str]:
        """The entries ticked in the posted form, kept when the form comes back with an error."""
        return set(self.data.getlist("letters")) if self.is_bound else set()
