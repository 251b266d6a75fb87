from __future__ import annotations

from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "correspondence"
    verbose_name = "งานสารบรรณ"

    def ready(self) -> None:
        from core import panels as core_panels

        from . import documents, panels

        documents.register_kinds()
        core_panels.register_panel(panels.inbox_panel, order=20)
