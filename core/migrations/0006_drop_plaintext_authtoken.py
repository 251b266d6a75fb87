"""Drop DRF's authtoken table left over from before core.ApiToken.

Its keys were stored in plain text (an administrator could copy anyone's); rest_framework.authtoken
is no longer installed, so nothing else would ever remove them. Reversing this is a no-op: the
old keys are not brought back.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_jobs_heartbeat_api_tokens"),
    ]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token", reverse_sql=migrations.RunSQL.noop),
    ]
