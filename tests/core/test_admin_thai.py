"""The Django admin reads Thai wherever the project's own models and the login records appear."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

THAI = re.compile("[\u0e00-\u0e7f]")


def test_every_model_in_the_admin_has_a_thai_name():
    english = [
        model._meta.label
        for model in admin.site._registry
        if not (THAI.search(str(model._meta.verbose_name)) and THAI.search(str(model._meta.verbose_name_plural)))
    ]
    assert english == []


def test_the_admin_index_shows_no_english_app_or_list_names(users, client_for):
    page = client_for(users["administrator"]).get(reverse("admin:index")).content.decode()
    for english in ("AXES", "Axes", "Access attempts", "Access logs", "Access failures", "AUTH TOKEN", "Auth Token"):
        assert english not in page
    assert "ผู้ดูแลระบบ กลุ่มนิเทศ" in page
    assert "ประวัติการเข้าสู่ระบบ" in page and "การเข้าสู่ระบบไม่สำเร็จ (นับเพื่อล็อก)" in page


@pytest.mark.parametrize("model", ["loginattempt", "loginlog", "loginfailure"])
def test_the_login_records_open_under_their_thai_names_with_thai_columns(model, users, client_for):
    when = timezone.now()
    row = {"username": "somchai.p", "ip_address": "10.0.0.7", "user_agent": "Chrome", "path_info": "/accounts/login/"}
    AccessAttempt.objects.create(**row, attempt_time=when, failures_since_start=5, get_data="", post_data="")
    AccessLog.objects.create(**row, attempt_time=when)
    AccessFailureLog.objects.create(**row, attempt_time=when, locked_out=True)
    response = client_for(users["administrator"]).get(reverse(f"admin:core_{model}_changelist"))
    page = response.content.decode()
    assert response.status_code == 200 and "somchai.p" in page
    assert "ชื่อผู้ใช้" in page and "หมายเลข IP" in page
    for english in ("AXES", "Attempt Time", "IP Address", "Failed Logins", "Access lock out", "Locked Out"):
        assert english not in page
