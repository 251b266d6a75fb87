"""Indexes for the pages whose cost must follow the year and the open work (issue 13).

- the visit list: one fiscal year, newest first, 30 a page; (fiscal_year, date DESC, id DESC) gives the
  page in order instead of sorting every visit of the year;
- the home panels: visits still open (draft, submitted, returned), a small part of the years' archive.
Created by RunSQL (PostgreSQL and SQLite alike) and left out of the models' state, like correspondence 0009.
"""

from __future__ import annotations

from django.db import migrations

INDEXES = [
    ("supervision_visit_year_newest", "supervision_visit (fiscal_year, date DESC, id DESC)"),
    (
        "supervision_visit_open_status",
        "supervision_visit (status, date) WHERE status IN ('draft', 'submitted', 'returned')",
    ),
]


class Migration(migrations.Migration):
    dependencies = [("supervision", "0010_visit_types_group_events")]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {target}", f"DROP INDEX IF EXISTS {name}")
        for name, target in INDEXES
    ]
