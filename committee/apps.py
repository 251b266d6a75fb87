from __future__ import annotations

from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committee"
    verbose_name = "ก.ต.ป.น."

    def ready(self) -> None:
        from . import documents  # noqa: F401 - registers document kinds
