# Evidence is stored under generated names; a PDCA note's evidence_name (the name the user gave) is what
# pages and downloads show. Old notes without one take their stored file's base name.

import posixpath

from django.db import migrations


def backfill(apps, schema_editor):
    PhaseNote = apps.get_model("supervision", "PhaseNote")
    for note in PhaseNote.objects.exclude(evidence="").filter(evidence_name="").only("pk", "evidence"):
        PhaseNote.objects.filter(pk=note.pk).update(evidence_name=posixpath.basename(note.evidence.name)[:255])


class Migration(migrations.Migration):

    dependencies = [
        ("supervision", "0004_schools_moved_out"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
