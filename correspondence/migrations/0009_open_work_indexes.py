"""Partial indexes for the pages whose cost must follow the open work, not the archive (issue 13).

- open assignments by assignee: "งานของฉัน" reads the letters someone still has to act on;
- letters in an open status: the clerk's (registered, drafts) and the director's (presented) inboxes.
Partial indexes exist on PostgreSQL and SQLite alike; they are not in the models' Meta (a condition on a
status list would tie the model to this migration), so RunSQL creates them and the state is unchanged.
"""

from __future__ import annotations

from django.db import migrations

OPEN_STATUSES = "('draft', 'registered', 'presented', 'assigned')"

INDEXES = [
    (
        "corr_assignment_open_by_assignee",
        "correspondence_assignment (assignee_id, letter_id) WHERE done_at IS NULL",
    ),
    ("corr_letter_open_status", f"correspondence_letter (status) WHERE status IN {OPEN_STATUSES}"),
]


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0008_assignment_due_on")]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {target}", f"DROP INDEX IF EXISTS {name}")
        for name, target in INDEXES
    ]
