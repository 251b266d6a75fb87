# A school user's school is now schools.SchoolMembership (copied over by schools 0003).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_staffprofile_school_moved'),
        ('schools', '0003_membership'),
    ]

    operations = [
        migrations.RemoveField(model_name='staffprofile', name='school'),
    ]
