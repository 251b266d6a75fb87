# School and Cluster leave this app's state for the schools app (the tables stay, renamed by schools 0002).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_staffprofile_school_moved'),
        ('correspondence', '0006_schools_moved'),
        ('qa', '0003_schools_moved'),
        ('schools', '0001_initial'),
        ('supervision', '0003_default_tools'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='school',
                    name='cluster',
                ),
                migrations.AlterField(
                    model_name='historicalvisit',
                    name='school',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schools.school', verbose_name='สถานศึกษา'),
                ),
                migrations.AlterField(
                    model_name='visit',
                    name='school',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='visits', to='schools.school', verbose_name='สถานศึกษา'),
                ),
                migrations.AlterField(
                    model_name='planpriority',
                    name='school',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='plan_priorities', to='schools.school', verbose_name='สถานศึกษา'),
                ),
                migrations.AlterField(
                    model_name='schoolgroup',
                    name='schools',
                    field=models.ManyToManyField(blank=True, related_name='school_groups', to='schools.school', verbose_name='สถานศึกษา'),
                ),
                migrations.DeleteModel(
                    name='Cluster',
                ),
                migrations.DeleteModel(
                    name='School',
                ),
            ],
        ),
    ]
