# SAR and ONESQA reports are stored under generated names; the name the user gave is kept for pages and
# downloads. Existing rows take their stored base name without the "<school id>-" prefix the old names had.

import posixpath

from django.db import migrations, models


def backfill(apps, schema_editor):
    for name in ("SelfAssessmentReport", "ExternalAssessment"):
        model = apps.get_model("qa", name)
        for row in model.objects.exclude(file="").filter(original_name="").only("pk", "school_id", "file"):
            base = posixpath.basename(row.file.name)
            prefix = f"{row.school_id}-"
            row.original_name = (base[len(prefix):] if base.startswith(prefix) else base)[:255]
            model.objects.filter(pk=row.pk).update(original_name=row.original_name)


class Migration(migrations.Migration):

    dependencies = [
        ("qa", "0003_schools_moved"),
    ]

    operations = [
        migrations.AddField(
            model_name="externalassessment",
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="ชื่อไฟล์"),
        ),
        migrations.AddField(
            model_name="historicalexternalassessment",
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="ชื่อไฟล์"),
        ),
        migrations.AddField(
            model_name="historicalselfassessmentreport",
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="ชื่อไฟล์"),
        ),
        migrations.AddField(
            model_name="selfassessmentreport",
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="ชื่อไฟล์"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
