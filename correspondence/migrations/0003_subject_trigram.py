"""Fast Thai substring search on PostgreSQL: a pg_trgm GIN index on the subject.

PostgreSQL's full-text search cannot split Thai into words, so `icontains` is served by
trigrams instead. SQLite has no pg_trgm; there the index is skipped and icontains scans.
"""

from __future__ import annotations

from django.db import migrations

INDEX = "corr_letter_subject_trgm"


def forwards(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON correspondence_letter USING gin (subject gin_trgm_ops)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS corr_letter_sender_trgm ON correspondence_letter USING gin (sender gin_trgm_ops)"
    )


def backwards(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute("DROP INDEX IF EXISTS corr_letter_sender_trgm")


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0002_registers")]

    operations = [migrations.RunPython(forwards, backwards)]
