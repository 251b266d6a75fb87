from __future__ import annotations

from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "schools"
    verbose_name = "สถานศึกษา"

    def ready(self) -> None:
        from . import documents  # noqa: F401 - registers the school directory
