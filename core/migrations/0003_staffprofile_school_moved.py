# StaffProfile.school now points at schools.School (state only: the table was renamed, not rebuilt).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_reference_data'),
        ('schools', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='staffprofile',
                    name='school',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='staff_profiles', to='schools.school', verbose_name='สถานศึกษา (สำหรับบุคลากรสถานศึกษา)'),
                ),
            ],
        ),
    ]
