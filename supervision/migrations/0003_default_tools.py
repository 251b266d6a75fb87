from django.db import migrations


def forwards(apps, schema_editor):
    from supervision.defaults import install_default_tools

    install_default_tools(
        apps.get_model("supervision", "Tool"),
        apps.get_model("supervision", "ToolSection"),
        apps.get_model("supervision", "ToolItem"),
    )


class Migration(migrations.Migration):
    dependencies = [("supervision", "0002_surveyinvitation_tool_activity_annualplan_and_more")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
