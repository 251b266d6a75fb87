# Attachments are stored under generated names; the name the user gave is kept for pages and downloads.
# Existing rows keep their stored file and take its base name as their original name.

import posixpath

from django.db import migrations, models


def backfill(apps, schema_editor):
    AgendaAttachment = apps.get_model("committee", "AgendaAttachment")
    for att in AgendaAttachment.objects.exclude(file="").filter(original_name="").only("pk", "file"):
        att.original_name = posixpath.basename(att.file.name)[:255]
        att.save(update_fields=["original_name"])


class Migration(migrations.Migration):

    dependencies = [
        ("committee", "0002_links_to_correspondence"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaattachment",
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="ชื่อไฟล์"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
