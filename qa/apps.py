from __future__ import annotations

from django.apps import AppConfig


class QaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "qa"
    verbose_name = "งานประกันคุณภาพการศึกษา"

    def ready(self) -> None:
        from core.calendar import register_source

        from .calendar import qa_entries

        register_source(qa_entries)

        from core import reminders

        from .reminders import sar_deadline_reminders

        reminders.register(sar_deadline_reminders)
        from core.panels import register_panel

        from . import documents  # noqa: F401 - registers document kinds
        from .panels import qa_panel, school_panel

        register_panel(qa_panel, order=60)
        register_panel(school_panel, order=60, slot="school_detail")
