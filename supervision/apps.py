from __future__ import annotations

from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "supervision"
    verbose_name = "งานนิเทศ"

    def ready(self) -> None:
        from core.home import register_panel

        from . import documents  # noqa: F401 - registers document kinds
        from .home import supervision_panel

        register_panel(supervision_panel, order=20)
