# The tables take the schools app's names; foreign keys from other tables follow the rename.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('schools', '0001_initial'),
        ('supervision', '0004_schools_moved_out'),
    ]

    operations = [
        migrations.AlterModelTable(name='cluster', table=None),
        migrations.AlterModelTable(name='school', table=None),
    ]
