from __future__ import annotations

from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "correspondence"
    verbose_name = "งานสารบรรณ"

    def ready(self) -> None:
        from core.calendar import register_source

        from .calendar import correspondence_entries

        register_source(correspondence_entries)

        from core import reminders

        from .notices import deadline_reminders

        reminders.register(deadline_reminders)
        from core import panels as core_panels

        from . import documents, panels

        documents.register_kinds()
        core_panels.register_panel(panels.inbox_panel, order=20)
        core_panels.register_panel(panels.school_inbox_panel, order=15)
        core_panels.register_panel(panels.clerk_panel, order=5)
        core_panels.register_panel(panels.instruct_action, order=10)
        core_panels.register_panel(panels.sign_action, order=11)
        from core.search import register_source as register_search

        from .search import letter_hits

        register_search(letter_hits, order=10)
