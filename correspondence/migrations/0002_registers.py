"""Ship the four registers of the 2526 regulation: receive, send, circulars (ว) and orders."""

from __future__ import annotations

from django.db import migrations

REGISTERS = [
    ("receive", "ทะเบียนหนังสือรับ", "in", "sender", "", 1),
    ("send", "ทะเบียนหนังสือส่ง", "out", "code_number", "", 2),
    ("circular", "ทะเบียนหนังสือเวียน (ว)", "out", "code_series", "ว", 3),
    ("order", "ทะเบียนคำสั่ง", "out", "number_year", "", 4),
]


def create_registers(apps, schema_editor) -> None:  # noqa: ANN001
    Register = apps.get_model("correspondence", "Register")
    for code, name, direction, number_format, series, order in REGISTERS:
        Register.objects.update_or_create(
            code=code,
            defaults={"name": name, "direction": direction, "number_format": number_format, "series": series,
                      "order": order},
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0001_initial")]

    operations = [migrations.RunPython(create_registers, migrations.RunPython.noop)]
