"""The open entries of one register, through a partial index on (register, status).

Every letter sent stays "registered" for good (numbered and sent is its last status), so the partial index
on the open statuses alone (0009) grows with the archive of outgoing letters: the clerk's "to present"
(registered, in the receive register) read every one of them. With the register first, it reads only the
receive register's open entries. Partial indexes exist on PostgreSQL and SQLite alike (see 0009).

On PostgreSQL, statistics on the pair tell the planner how few open entries a register has: counted apart,
"registered" (every letter sent) and the receive register (most letters received) each look common, and
together they look like thousands of rows, enough to read the whole table instead of the index.
"""

from __future__ import annotations

from django.db import migrations

OPEN_STATUSES = "('draft', 'registered', 'presented', 'assigned')"
NAME = "corr_letter_open_by_register"
STATISTICS = "corr_letter_register_status"


def statistics_create(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} (mcv) ON register_id, status FROM correspondence_letter"
        )
        schema_editor.execute("ANALYZE correspondence_letter")


def statistics_drop(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0011_subject_upper")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON correspondence_letter (register_id, status) "
            f"WHERE status IN {OPEN_STATUSES}",
            f"DROP INDEX IF EXISTS {NAME}",
        ),
        migrations.RunPython(statistics_create, statistics_drop),
    ]
