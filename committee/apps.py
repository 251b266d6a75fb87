from __future__ import annotations

from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committee"
    verbose_name = "ก.ต.ป.น."

    def ready(self) -> None:
        from core.calendar import register_source

        from .calendar import committee_entries

        register_source(committee_entries)

        from core import reminders

        from .notices import resolution_reminders

        reminders.register(resolution_reminders)
        from core.panels import register_panel

        from . import documents  # noqa: F401 - registers document kinds
        from .panels import committee_panel

        register_panel(committee_panel, order=40)
        from core.search import register_source as register_search

        from .search import meeting_hits

        register_search(meeting_hits, order=40)
