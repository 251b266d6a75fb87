"""Search the subject without putting every subject read in capitals.

`Letter.subject_upper` is the subject in capitals, stored by the database (a generated column). A search
matches against it: on PostgreSQL `UPPER(subject)` for each row read cost more than the LIKE itself
(a common Thai word, about one letter in twelve, reads some 12,000 subjects to find its first 1,000).
Its trigram index replaces 0004's index on the expression UPPER(subject), which nothing reads any more.
"""

from __future__ import annotations

import django.db.models.functions.text
from django.db import migrations, models


def forwards(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS corr_letter_subject_upper_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS corr_letter_subject_search_trgm ON correspondence_letter "
        "USING gin (subject_upper gin_trgm_ops)"
    )


def backwards(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS corr_letter_subject_search_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS corr_letter_subject_upper_trgm ON correspondence_letter "
        "USING gin ((UPPER(subject::text)) gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0010_instruction_phrases")]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="subject_upper",
            field=models.GeneratedField(
                db_persist=True, expression=django.db.models.functions.text.Upper("subject"),
                output_field=models.TextField(), verbose_name="เรื่อง (สำหรับค้นหา)",
            ),  # fmt: skip
        ),
        migrations.RunPython(forwards, backwards),
    ]
