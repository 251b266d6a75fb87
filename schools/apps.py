from __future__ import annotations

from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "schools"
    verbose_name = "สถานศึกษา"

    def ready(self) -> None:
        from core.search import register_source as register_search

        from . import documents  # noqa: F401 - registers the school directory
        from .search import school_hits

        register_search(school_hits, order=30)
