"""Roles (auth groups), the seven work units and the learning areas of the 2551 curriculum."""

from __future__ import annotations

from django.db import migrations

from core.reference import ensure_reference_data


def forwards(apps, schema_editor) -> None:  # noqa: ANN001
    ensure_reference_data(
        apps.get_model("auth", "Group"), apps.get_model("core", "WorkUnit"), apps.get_model("core", "LearningArea")
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
