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
        from .panels import plan_approvals_panel, publications_panel

        register_panel(publications_panel, order=45)
        register_panel(plan_approvals_panel, order=40, slot="plan_detail")
        from .panels import meetings_figure

        register_panel(meetings_figure, order=12)
        from core.search import register_source as register_search

        from .search import meeting_hits

        register_search(meeting_hits, order=40)
        from supervision import measures

        from .measures import meetings_held_in

        measures.register(measures.MEETINGS, meetings_held_in)
