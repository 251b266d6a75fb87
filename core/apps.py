from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate, pre_save


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "ระบบกลาง"

    def ready(self) -> None:
        from . import text

        # One text-cleaning rule for every model and every form (see core/text.py).
        pre_save.connect(text.clean_before_save, dispatch_uid="core.text.clean_before_save")
        text.install_form_cleaning()
        from . import search

        search.register_source(search.document_hits, order=90)
        from . import pagecache

        # The data generation's triggers: off while migrating (a deferred trigger's pending events
        # would refuse an ALTER TABLE in the same migration), on again for every table afterwards.
        pre_migrate.connect(pagecache.commit_triggers_drop, sender=self, dispatch_uid="core.pagecache.drop")
        post_migrate.connect(pagecache.triggers_install, sender=self, dispatch_uid="core.pagecache.install")
