from __future__ import annotations

from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "supervision"
    verbose_name = "งานนิเทศ"

    def ready(self) -> None:
        from core.calendar import register_day_action, register_source

        from .calendar import plan_visit_action, supervision_entries

        register_source(supervision_entries)
        register_day_action(plan_visit_action)

        from core import reminders

        from .notices import follow_up_reminders

        reminders.register(follow_up_reminders)
        from core.panels import register_panel

        from . import documents  # noqa: F401 - registers document kinds
        from .panels import school_panel, supervision_panel
        from .reports import result  # noqa: F401 - registers the project result report

        register_panel(supervision_panel, order=20)
        from . import home_figures, panels

        register_panel(panels.review_action, order=12)
        register_panel(panels.returned_action, order=13)
        register_panel(panels.acknowledge_action, order=12)
        register_panel(panels.survey_panel, order=16)
        register_panel(home_figures.coverage_figure, order=10)
        register_panel(home_figures.satisfaction_figure, order=11)
        register_panel(home_figures.budget_figure, order=13)
        register_panel(school_panel, order=20, slot="school_detail")
        from core.search import register_source as register_search

        from .search import visit_hits

        register_search(visit_hits, order=20)
        from .search import register_hits

        register_search(register_hits, order=25)
