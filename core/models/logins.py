"""Axes' login records under Thai names for the Django admin (proxies: no table of their own).

django-axes ships no Thai translation, so its admin index read "AXES", "Access attempts". These
proxies show the same rows under core's Thai app name; core/admin.py registers them in axes' place.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog


class LoginAttempt(AccessAttempt):
    class Meta:
        proxy = True
        verbose_name = "การเข้าสู่ระบบไม่สำเร็จ (นับเพื่อล็อก)"
        verbose_name_plural = "การเข้าสู่ระบบไม่สำเร็จ (นับเพื่อล็อก)"


class LoginLog(AccessLog):
    class Meta:
        proxy = True
        verbose_name = "ประวัติการเข้าสู่ระบบ"
        verbose_name_plural = "ประวัติการเข้าสู่ระบบ"


class LoginFailure(AccessFailureLog):
    class Meta:
        proxy = True
        verbose_name = "บันทึกการเข้าสู่ระบบล้มเหลว"
        verbose_name_plural = "บันทึกการเข้าสู่ระบบล้มเหลว"
