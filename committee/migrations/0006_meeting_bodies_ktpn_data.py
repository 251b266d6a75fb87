"""Every existing ก.ต.ป.น. meeting, member and counter goes into a ก.ต.ป.น. body (numbers unchanged)."""

from django.db import migrations

KTPN_NAME = "คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา (ก.ต.ป.น.)"
KTPN_TITLE = "การประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา"


def put_into_ktpn_body(apps, schema_editor):
    """Every existing meeting, member and counter belongs to the ก.ต.ป.น. body; numbers stay as they are."""
    MeetingBody = apps.get_model("committee", "MeetingBody")
    Meeting = apps.get_model("committee", "Meeting")
    Member = apps.get_model("committee", "CommitteeMember")
    Counter = apps.get_model("committee", "MeetingCounter")
    Target = apps.get_model("committee", "FiscalYearTarget")
    if not (Meeting.objects.exists() or Member.objects.exists() or Counter.objects.exists()):
        return
    target = Target.objects.order_by("-fiscal_year").first()
    body, _ = MeetingBody.objects.get_or_create(
        kind="ktpn",
        defaults={"name": KTPN_NAME, "meeting_title": KTPN_TITLE, "meetings_per_year": target.meetings if target else 6},
    )
    Meeting.objects.filter(body__isnull=True).update(body=body)
    Member.objects.filter(body__isnull=True).update(body=body)
    Counter.objects.filter(body__isnull=True).update(body=body)


class Migration(migrations.Migration):
    dependencies = [("committee", "0005_meeting_bodies")]

    operations = [migrations.RunPython(put_into_ktpn_body, migrations.RunPython.noop)]
