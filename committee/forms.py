"""Forms of the committee app: validation and cleaning only; writes go through services."""

from __future__ import annotations

from django import forms

from core.forms import BEDateField

from .models import (
    AnnualReport,
    AttendanceKind,
    BodyKind,
    CommitteeMember,
    Meeting,
    MeetingBody,
    MeetingStatus,
    Minutes,
    ResolutionStatus,
)  # fmt: skip

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TIME_ERRORS = {"invalid": "กรุณากรอกเวลาในรูปแบบ ชช:นน"}


class MemberForm(forms.ModelForm):
    term_start = BEDateField(label="เริ่มวาระ")
    term_end = BEDateField(label="สิ้นสุดวาระ", required=False, help_text="เว้นว่างถ้ายังไม่กำหนด")

    class Meta:
        model = CommitteeMember
        fields = ["body", "prefix", "first_name", "last_name", "job_title", "position", "category", "term_start",
                  "term_end", "order_number", "appointment_order", "user", "note"]  # fmt: skip
        widgets = {"prefix": forms.TextInput(attrs={"list": "prefix-options"})}

    def __init__(self, *args: object, bodies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies if bodies is not None else MeetingBody.objects.all()
        self.fields["body"].empty_label = None
        if self.instance.pk:
            self.fields["body"].disabled = True  # an appointment belongs to one body


class MeetingForm(forms.ModelForm):
    body = forms.ModelChoiceField(
        label="คณะที่ประชุม", queryset=MeetingBody.objects.none(), empty_label=None, required=False,
        help_text="ไม่เลือก = ก.ต.ป.น.",
        error_messages=dict.fromkeys(("required", "invalid_choice"), "กรุณาเลือกคณะที่ประชุม"),
    )  # fmt: skip
    date = BEDateField(label="วันที่ประชุม")
    start_time = forms.TimeField(label="เวลานัดประชุม", widget=TIME, error_messages=TIME_ERRORS)
    title = forms.CharField(label="ชื่อการประชุม", max_length=300, required=False,
                            help_text="เว้นว่างเพื่อใช้ชื่อตามคณะที่ประชุม")  # fmt: skip
    confirm_date = forms.BooleanField(
        label="ยืนยันวันที่นี้ แม้จะอยู่ก่อนการประชุมครั้งก่อนหน้าของคณะเดียวกัน", required=False,
    )  # fmt: skip

    class Meta:
        model = Meeting
        fields = ["body", "title", "date", "start_time", "place", "online_link"]

    def __init__(self, *args: object, bodies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["body"]  # a meeting's number belongs to its body: it never moves
        else:
            self.fields["body"].queryset = bodies if bodies is not None else MeetingBody.objects.none()

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("place") or "").strip() and not data.get("online_link"):
            raise forms.ValidationError("กรุณาระบุสถานที่ประชุมหรือลิงก์ประชุมออนไลน์")
        return data


class BodyForm(forms.ModelForm):
    kind = forms.ChoiceField(label="ประเภท", choices=[])

    class Meta:
        model = MeetingBody
        fields = ["name", "kind", "meeting_title", "cluster", "secretary", "readers", "meetings_per_year", "is_active"]
        widgets = {"readers": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args: object, kinds: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(BodyKind.choices)
        self.fields["kind"].choices = [(k, labels[k]) for k in kinds]
        self.fields["cluster"].empty_label = "(ไม่เกี่ยวกับกลุ่มโรงเรียน)"
        self.fields["secretary"].empty_label = "(ผู้สร้างคณะนี้)"


class ItemForm(forms.Form):
    section = forms.TypedChoiceField(label="วาระที่", coerce=int, choices=[])
    title = forms.CharField(label="เรื่อง", max_length=500)
    presenter = forms.CharField(label="ผู้เสนอ/ผู้นำเสนอ", max_length=200, required=False)
    summary = forms.CharField(label="สรุปสาระสำคัญ", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    proposed_resolution = forms.CharField(label="ประเด็นเสนอที่ประชุม", required=False,
                                          widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args: object, section_fixed: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        from .models import Section

        self.fields["section"].choices = [(s.value, f"วาระที่ {s.value} {s.label}") for s in Section]
        if section_fixed:
            self.fields["section"].disabled = True


class AttachmentForm(forms.Form):
    title = forms.CharField(label="ชื่อเอกสาร", max_length=300, required=False)
    file = forms.FileField(label="ไฟล์ (PDF, รูปภาพ, Word, Excel, PowerPoint)")


ATTENDANCE_INCOMPLETE = dict.fromkeys(("required", "invalid", "invalid_choice"), "ข้อมูลการเข้าประชุมไม่ครบ")


class AttendanceForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput, error_messages=ATTENDANCE_INCOMPLETE)
    kind = forms.ChoiceField(label="การเข้าประชุม", choices=[c for c in AttendanceKind.choices if c[0] != "guest"],
                             error_messages=ATTENDANCE_INCOMPLETE)  # fmt: skip
    name = forms.CharField(label="ชื่อผู้มาประชุมแทน", max_length=200, required=False)
    job_title = forms.CharField(label="ตำแหน่งผู้มาแทน", max_length=300, required=False)
    reason = forms.CharField(label="เหตุที่ไม่มาประชุม", max_length=300, required=False)


class GuestForm(forms.Form):
    name = forms.CharField(label="ชื่อผู้เข้าร่วมประชุม", max_length=200,
                           error_messages={"required": "กรุณาระบุชื่อผู้เข้าร่วมประชุม"})  # fmt: skip
    job_title = forms.CharField(label="ตำแหน่ง", max_length=300, required=False)


class MinutesForm(forms.ModelForm):
    started_at = forms.TimeField(label="เริ่มประชุมเวลา", widget=TIME, required=False, error_messages=TIME_ERRORS)
    ended_at = forms.TimeField(label="เลิกประชุมเวลา", widget=TIME, required=False, error_messages=TIME_ERRORS)

    class Meta:
        model = Minutes
        fields = ["started_at", "ended_at", "recorder_name", "recorder_title", "checker_name", "checker_title"]


class ApproveForm(forms.Form):
    at_meeting = forms.ModelChoiceField(
        label="รับรองในการประชุมครั้งที่", queryset=Meeting.objects.none(),
        error_messages=dict.fromkeys(("required", "invalid_choice"), "กรุณาเลือกการประชุมที่รับรองรายงาน"),
    )  # fmt: skip

    def __init__(self, *args: object, meeting: Meeting, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        from core import thaidate

        qs = (  # later meetings of the same body that have already been held (minutes are adopted at one)
            Meeting.objects.filter(body_id=meeting.body_id, date__gte=meeting.date, date__lte=thaidate.today())
            .exclude(pk=meeting.pk)
            .filter(status__in=[MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED])
            .order_by("date", "number")
        )
        self.fields["at_meeting"].queryset = qs
        self.fields["at_meeting"].label_from_instance = lambda m: f"ครั้งที่ {m.number_display}"


class CorrectionForm(forms.Form):
    item = forms.ModelChoiceField(label="เรื่องที่แก้ไข", queryset=None, required=False,
                                  empty_label="(ทั้งรายงาน)")  # fmt: skip
    text = forms.CharField(label="ข้อความที่แก้ไข", widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "กรุณากรอกข้อความที่แก้ไข"})  # fmt: skip
    reason = forms.CharField(label="ที่มา", max_length=300, required=False, help_text="เช่น มติที่ประชุมครั้งที่ 4/2569")

    def __init__(self, *args: object, meeting: Meeting, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()


class ResolutionForm(forms.Form):
    text = forms.CharField(label="มติ", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="เว้นว่างเพื่อใช้มติที่บันทึกไว้ในรายงานการประชุม")  # fmt: skip
    responsible = forms.CharField(label="ผู้รับผิดชอบ", max_length=200, required=False)
    due_date = BEDateField(label="กำหนดเสร็จ", required=False)


class ResolutionUpdateForm(forms.Form):
    responsible = forms.CharField(label="ผู้รับผิดชอบ", max_length=200, required=False)
    due_date = BEDateField(label="กำหนดเสร็จ", required=False)
    status = forms.ChoiceField(label="สถานะ", choices=ResolutionStatus.choices)


class FollowUpForm(forms.Form):
    date = BEDateField(label="วันที่")
    note = forms.CharField(label="ผลการติดตาม", widget=forms.Textarea(attrs={"rows": 2}))
    status = forms.ChoiceField(label="ปรับสถานะเป็น", choices=[("", "(คงเดิม)"), *ResolutionStatus.choices],
                               required=False)  # fmt: skip


TARGET_ERRORS = dict.fromkeys(("required", "invalid", "min_value", "max_value"), "กรุณากรอกจำนวนครั้งเป็นตัวเลข 1–24")


class TargetForm(forms.Form):
    fiscal_year = forms.IntegerField(label="ปีงบประมาณ", min_value=2500, max_value=2700)
    meetings = forms.IntegerField(label="จำนวนครั้งที่กำหนด", min_value=1, max_value=24, error_messages=TARGET_ERRORS)


class ReportForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["preface", "executive_summary", "recommendations"]
        widgets = {f: forms.Textarea(attrs={"rows": 6}) for f in fields}


class CancelForm(forms.Form):
    reason = forms.CharField(label="เหตุผลที่ยกเลิก", max_length=300)
