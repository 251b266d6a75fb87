"""Every form that sets a new password speaks Thai, without changing Django's own forms (the admin's)."""

from __future__ import annotations

from django.contrib.auth.forms import AdminPasswordChangeForm, SetPasswordForm
from django.urls import reverse

from core.forms import ThaiPasswordChangeForm
from core.forms_people import AdminSetPasswordForm
from tests.conftest import PASSWORD


def test_a_user_changing_their_own_password_is_told_in_thai_why_a_weak_one_is_refused(users, client_for):
    response = client_for(users["clerk"]).post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "ใช้กันทั่วไป" in text and "ตัวเลขล้วน" in text
    assert "This password" not in text


def test_the_own_password_change_keeps_its_thai_labels_and_mismatch_message(users):
    form = ThaiPasswordChangeForm(
        users["clerk"], {"old_password": PASSWORD, "new_password1": "ศน-2569-ก", "new_password2": "ศน-2569-ข"}
    )
    assert not form.is_valid()
    assert form.errors["new_password2"] == ["รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"]
    labels = [form.fields[name].label for name in ("old_password", "new_password1", "new_password2")]
    assert labels == ["รหัสผ่านเดิม", "รหัสผ่านใหม่", "ยืนยันรหัสผ่านใหม่"]


def test_the_administrators_thai_form_leaves_djangos_shared_messages_in_the_admin_alone(users):
    before = dict(SetPasswordForm.error_messages)
    form = AdminSetPasswordForm(users["clerk"], {"new_password1": "ศน-2569-ก", "new_password2": "ศน-2569-ข"})
    assert not form.is_valid()
    assert form.errors["new_password2"] == ["รหัสผ่านทั้งสองช่องไม่ตรงกัน"]
    assert SetPasswordForm.error_messages == before
    assert AdminPasswordChangeForm.error_messages["password_mismatch"] == before["password_mismatch"]
