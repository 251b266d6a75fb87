# The office logo is stored under a generated name (core.uploads.stored_name): a long Thai file name
# is over the 255-byte limit of most disks. State only: the column and existing files are unchanged.

import core.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0006_drop_plaintext_authtoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="officeprofile",
            name="logo",
            field=models.ImageField(blank=True, upload_to=core.models._logo_upload_to, verbose_name="ตราสัญลักษณ์"),
        ),
    ]
