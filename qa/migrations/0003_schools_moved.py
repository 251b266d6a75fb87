# School references now point at schools.School (state only: the table was renamed, not rebuilt).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('qa', '0002_standards_2561'),
        ('schools', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='externalassessment',
                    name='school',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='external_assessments', to='schools.school', verbose_name='สถานศึกษา'),
                ),
                migrations.AlterField(
                    model_name='historicalexternalassessment',
                    name='school',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schools.school', verbose_name='สถานศึกษา'),
                ),
                migrations.AlterField(
                    model_name='historicalselfassessmentreport',
                    name='school',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schools.school', verbose_name='สถานศึกษา'),
                ),
                migrations.AlterField(
                    model_name='selfassessmentreport',
                    name='school',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sars', to='schools.school', verbose_name='สถานศึกษา'),
                ),
            ],
        ),
    ]
