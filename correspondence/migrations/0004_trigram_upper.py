"""Trigram indexes that Django's `icontains` can use on PostgreSQL.

Django writes `subject__icontains` as `UPPER(subject::text) LIKE UPPER('%…%')`, so the index
must be on that expression (0003 indexed the bare column, which the planner cannot use for
it). Thai has no letter case; the UPPER only matters for Latin text such as "O-NET".
SQLite is skipped: there icontains scans, which is correct and fast enough at its sizes.
"""

from __future__ import annotations

from django.db import migrations

COLUMNS = ("subject", "sender")


def forwards(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS corr_letter_{column}_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS corr_letter_{column}_upper_trgm ON correspondence_letter "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def backwards(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS corr_letter_{column}_upper_trgm")


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0003_subject_trigram")]

    operations = [migrations.RunPython(forwards, backwards)]
