"""Score summaries for the dashboard (issue 13): each visit's score sum and count, and the year's tally
per tool item over counted visits; filled here from the scores already recorded."""

from __future__ import annotations

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

COUNTED = ["submitted", "returned", "approved", "acknowledged"]


def summaries_fill(apps, schema_editor) -> None:  # noqa: ANN001
    Visit, VisitScore = apps.get_model("supervision", "Visit"), apps.get_model("supervision", "VisitScore")
    ItemScoreTally = apps.get_model("supervision", "ItemScoreTally")
    scored = VisitScore.objects.filter(visit=OuterRef("pk"), value__isnull=False).values("visit")
    Visit.objects.update(
        score_total=Coalesce(Subquery(scored.annotate(x=Sum("value")).values("x")), 0),
        score_count=Coalesce(Subquery(scored.annotate(x=Count("id")).values("x")), 0),
    )
    rows = (
        VisitScore.objects.filter(value__isnull=False, visit__status__in=COUNTED)
        .values("visit__fiscal_year", "item_id")
        .annotate(t=Sum("value"), n=Count("id"))
        .order_by()
    )
    ItemScoreTally.objects.bulk_create(
        ItemScoreTally(fiscal_year=r["visit__fiscal_year"], item_id=r["item_id"], total=r["t"], count=r["n"])
        for r in rows
    )


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0011_year_and_open_status_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="visit",
            name="score_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="จำนวนข้อที่ให้คะแนน"),
        ),
        migrations.AddField(
            model_name="visit",
            name="score_total",
            field=models.IntegerField(default=0, editable=False, verbose_name="คะแนนรวม"),
        ),
        migrations.CreateModel(
            name="ItemScoreTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("fiscal_year", models.PositiveIntegerField(verbose_name="ปีงบประมาณ")),
                ("total", models.BigIntegerField(default=0, verbose_name="คะแนนรวม")),
                ("count", models.PositiveIntegerField(default=0, verbose_name="จำนวนคะแนน")),
                (
                    "item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tallies",
                        to="supervision.toolitem",
                        verbose_name="ข้อ",
                    ),
                ),
            ],
            options={
                "verbose_name": "สรุปคะแนนรายข้อประจำปี",
                "verbose_name_plural": "สรุปคะแนนรายข้อประจำปี",
                "constraints": [
                    models.UniqueConstraint(fields=("fiscal_year", "item"), name="itemscoretally_one_per_year")
                ],
            },
        ),
        migrations.RunPython(summaries_fill, migrations.RunPython.noop),
    ]
