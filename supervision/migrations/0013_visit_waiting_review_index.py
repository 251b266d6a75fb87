"""Index for the director's home card (issue 13): the oldest submitted visit waiting for a decision.

(submitted_at, id) over the submitted visits only: the card reads the first row in order instead of
sorting every visit waiting. Created by RunSQL like 0011 and left out of the models' state.
"""

from __future__ import annotations

from django.db import migrations

NAME = "supervision_visit_waiting_review"


class Migration(migrations.Migration):
    dependencies = [("supervision", "0012_visit_score_summaries")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON supervision_visit (submitted_at, id) WHERE status = 'submitted'",
            f"DROP INDEX IF EXISTS {NAME}",
        )
    ]
