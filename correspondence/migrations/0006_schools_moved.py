# Recipient schools now point at schools.School (state only: the table was renamed, not rebuilt).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('correspondence', '0005_destruction_batches'),
        ('schools', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='letter',
                    name='recipient_schools',
                    field=models.ManyToManyField(blank=True, related_name='letters_received', to='schools.school', verbose_name='สถานศึกษาผู้รับ'),
                ),
            ],
        ),
    ]
