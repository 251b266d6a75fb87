from __future__ import annotations

from django.apps import AppConfig


class QaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "qa"
    verbose_name = "งานประกันคุณภาพการศึกษา"
