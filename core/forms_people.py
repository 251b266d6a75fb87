"""Forms of the administrator's people pages: a login with its profile and roles, a new password."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from .models import AcademicRank, LearningArea, NamePrefix, WorkUnit
from .roles import Role

username_validator = RegexValidator(
    r"^[A-Za-z0-9._@+-]{3,150}$", "ชื่อผู้ใช้ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข และ . _ @ + - ยาว 3 ตัวขึ้นไป"
)


class AccountForm(forms.Form):
    """Name, e-mail, the position and rank printed on documents, work units and roles."""

    prefix = forms.ChoiceField(label="คำนำหน้าชื่อ", choices=[("", "ไม่ระบุ"), *NamePrefix.choices], required=False)
    first_name = forms.CharField(label="ชื่อ", max_length=150, error_messages={"required": "กรุณากรอกชื่อ"})
    last_name = forms.CharField(label="นามสกุล", max_length=150, error_messages={"required": "กรุณากรอกนามสกุล"})
    email = forms.EmailField(label="อีเมล", required=False, error_messages={"invalid": "รูปแบบอีเมลไม่ถูกต้อง"})
    position = forms.CharField(
        label="ตำแหน่ง (พิมพ์ในเอกสาร)", max_length=200, required=False, help_text="เช่น ศึกษานิเทศก์ ผู้อำนวยการกลุ่มนิเทศฯ"
    )
    academic_rank = forms.ChoiceField(label="วิทยฐานะ", choices=[("", "ไม่มี"), *AcademicRank.choices[1:]], required=False)
    phone = forms.CharField(label="โทรศัพท์", max_length=60, required=False)
    roles = forms.MultipleChoiceField(
        label="บทบาท", choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    work_units = forms.ModelMultipleChoiceField(
        label="กลุ่มงาน", queryset=WorkUnit.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    learning_areas = forms.ModelMultipleChoiceField(
        label="กลุ่มสาระการเรียนรู้ที่รับผิดชอบ",
        queryset=LearningArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class AccountCreateForm(AccountForm):
    username = forms.CharField(
        label="ชื่อผู้ใช้ (สำหรับเข้าสู่ระบบ)",
        max_length=150,
        validators=[username_validator],
        error_messages={"required": "กรุณากรอกชื่อผู้ใช้"},
    )
    password = forms.CharField(
        label="รหัสผ่านเริ่มต้น",
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="เว้นว่างได้ แล้วสร้างลิงก์ตั้งรหัสผ่านครั้งเดียวส่งให้เจ้าของบัญชี",
    )
    field_order = ["username", "password"]


def account_initial(member: object) -> dict:
    """The form's starting values from a login and its profile."""
    profile = getattr(member, "profile", None)
    initial = {name: getattr(member, name) for name in ("first_name", "last_name", "email")}
    initial["roles"] = list(member.groups.filter(name__in=Role.values).values_list("name", flat=True))
    if profile is not None:
        initial |= {name: getattr(profile, name) for name in ("prefix", "position", "academic_rank", "phone")}
        initial |= {"work_units": profile.work_units.all(), "learning_areas": profile.learning_areas.all()}
    return initial


# Django's password checks speak English; the same checks in Thai, by their codes.
PASSWORD_MESSAGES = {
    "password_too_short": "รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย 8 ตัวอักษร",
    "password_too_common": "รหัสผ่านนี้ใช้กันทั่วไป เดาง่าย กรุณาตั้งใหม่",
    "password_entirely_numeric": "รหัสผ่านต้องไม่เป็นตัวเลขล้วน",
    "password_too_similar": "รหัสผ่านคล้ายชื่อผู้ใช้หรือชื่อ-นามสกุลเกินไป",
}


def validate_password_thai(password: str, user: object = None) -> None:
    """Django's password validators, their messages in Thai."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError([PASSWORD_MESSAGES.get(e.code, " ".join(e.messages)) for e in exc.error_list]) from None


class ThaiNewPasswordMixin:
    """The two new-password boxes of Django's SetPasswordForm family in Thai: labels and the checks'
    messages (validate_password_thai). Used by the administrator's form, the one-time link's and the
    user's own password change (core.forms.ThaiPasswordChangeForm)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "รหัสผ่านใหม่"
        self.fields["new_password2"].label = "ยืนยันรหัสผ่านใหม่"

    def validate_password_for_user(self, user: object, password_field_name: str = "new_password2") -> None:
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                validate_password_thai(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, error)


class AdminSetPasswordForm(ThaiNewPasswordMixin, SetPasswordForm):
    """The administrator types a new password for someone (Django's checks, Thai labels and messages);
    the person's own one-time link uses it too."""

    # A dict of its own: SetPasswordForm's is Django's shared SetPasswordMixin.error_messages.
    error_messages = {**SetPasswordForm.error_messages, "password_mismatch": "รหัสผ่านทั้งสองช่องไม่ตรงกัน"}
