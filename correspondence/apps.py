from __future__ import annotations

from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "correspondence"
    verbose_name = "งานสารบรรณ"

    def ready(self) -> None:
        from core import home

        from . import documents, panels

        documents.register_kinds()
        home.register_panel(panels.inbox_panel, order=20)
