from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from . import thaidate
from .forms_people import ThaiNewPasswordMixin
from .models import OfficeProfile


class BEDateInput(forms.TextInput):
    """A text box showing dates as 'วว/ดด/ปปปป' in the Buddhist Era."""

    input_type = "text"

    def __init__(self, attrs: dict | None = None) -> None:
        base = {"placeholder": "วว/ดด/ปปปป", "inputmode": "numeric", "autocomplete": "off", "class": "be-date"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value: object) -> str | None:
        if isinstance(value, dt.date):
            return thaidate.format_numeric(value)
        return super().format_value(value)


class BEDateField(forms.DateField):
    """Accepts '21/11/2569' (BE, Thai or Arabic digits) and rejects impossible dates in Thai."""

    widget = BEDateInput
    default_error_messages = {"invalid": "กรุณากรอกวันที่ในรูปแบบ วว/ดด/ปปปป (พ.ศ.)"}

    def to_python(self, value: object) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return thaidate.parse_be_date(str(value))
        except thaidate.ThaiDateError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class BEDateTimeField(forms.MultiValueField):
    """A BE date plus a 'HH:MM' time, e.g. for 'ด่วนภายใน' deadlines."""

    widget = forms.MultiWidget

    def __init__(self, **kwargs: object) -> None:
        fields = (BEDateField(), forms.TimeField(error_messages={"invalid": "กรุณากรอกเวลาในรูปแบบ ชช:นน"}))
        widget = forms.MultiWidget(
            widgets=[BEDateInput(), forms.TimeInput(attrs={"type": "time", "aria-label": "เวลา"})]
        )
        super().__init__(fields=fields, widget=widget, require_all_fields=False, **kwargs)
        self.widget.decompress = self._decompress

    @staticmethod
    def _decompress(value: dt.datetime | None) -> list:
        if value:
            local = value.astimezone(thaidate.BANGKOK) if value.tzinfo else value
            return [local.date(), local.time().replace(second=0, microsecond=0)]
        return [None, None]

    def compress(self, data_list: list) -> dt.datetime | None:
        if not data_list or data_list[0] is None:
            return None
        time = data_list[1] or dt.time(16, 30)
        return dt.datetime.combine(data_list[0], time, tzinfo=thaidate.BANGKOK)


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ตัวพิมพ์เล็ก-ใหญ่มีผล)",
        "inactive": "บัญชีนี้ถูกระงับการใช้งาน",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "ชื่อผู้ใช้"
        self.fields["password"].label = "รหัสผ่าน"


class ThaiPasswordChangeForm(ThaiNewPasswordMixin, PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": "รหัสผ่านเดิมไม่ถูกต้อง กรุณากรอกใหม่",
        "password_mismatch": "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "รหัสผ่านเดิม"


class OfficeProfileForm(forms.ModelForm):
    class Meta:
        model = OfficeProfile
        fields = [
            "office_name", "office_type", "group_name", "letter_code", "address", "phone", "email",
            "director_name", "logo", "thai_numerals", "default_retention_years", "academic_year_start",
        ]  # fmt: skip

    def clean_academic_year_start(self) -> str:
        value = self.cleaned_data["academic_year_start"].strip()
        try:
            day, month = (int(x) for x in value.split("/"))
            dt.date(2024, month, day)
        except (ValueError, TypeError):
            raise forms.ValidationError("กรุณากรอกวันและเดือนในรูปแบบ วว/ดด เช่น 16/05") from None
        return f"{day:02d}/{month:02d}"

    def clean_logo(self):  # noqa: ANN201
        logo = self.cleaned_data.get("logo")
        if logo and getattr(logo, "size", 0) > 2 * 1024 * 1024:
            raise forms.ValidationError("ไฟล์ตราสัญลักษณ์ต้องมีขนาดไม่เกิน 2 MB")
        return logo


class ApiTokenForm(forms.Form):
    """A new personal API token: what it is for, and how many days it lives."""

    name = forms.CharField(label="ชื่อโทเค็น (ใช้ทำอะไร)", max_length=100, error_messages={"required": "กรุณาตั้งชื่อโทเค็น"})
    days = forms.IntegerField(
        label="อายุ (วัน)",
        min_value=1,
        max_value=365,
        error_messages={
            "required": "กรุณาระบุอายุโทเค็นเป็นจำนวนวัน",
            "invalid": "อายุโทเค็นต้องเป็นจำนวนวันเต็ม",
            "min_value": "อายุโทเค็นต้องอยู่ระหว่าง 1 ถึง 365 วัน",
            "max_value": "อายุโทเค็นต้องอยู่ระหว่าง 1 ถึง 365 วัน",
        },
    )
