"""Roles (auth groups), the seven work units and the learning areas of the 2551 curriculum."""

from __future__ import annotations

from django.db import migrations

ROLES = ["administrator", "clerk", "supervisor", "director", "secretary", "member", "executive", "school"]
WORK_UNITS = [
    "กลุ่มงานพัฒนาหลักสูตรการศึกษาขั้นพื้นฐานและกระบวนการเรียนรู้",
    "กลุ่มงานวัดและประเมินผลการศึกษา",
    "กลุ่มงานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา",
    "กลุ่มงานนิเทศ ติดตามและประเมินผลระบบบริหารและการจัดการศึกษา",
    "กลุ่มงานส่งเสริมและพัฒนาสื่อ นวัตกรรมและเทคโนโลยีทางการศึกษา",
    "กลุ่มงานเลขานุการคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา",
    "กลุ่มงานธุรการ",
]
LEARNING_AREAS = [
    "ภาษาไทย",
    "คณิตศาสตร์",
    "วิทยาศาสตร์และเทคโนโลยี",
    "สังคมศึกษา ศาสนาและวัฒนธรรม",
    "สุขศึกษาและพลศึกษา",
    "ศิลปะ",
    "การงานอาชีพ",
    "ภาษาต่างประเทศ",
    "กิจกรรมพัฒนาผู้เรียน",
]


def forwards(apps, schema_editor) -> None:  # noqa: ANN001
    Group = apps.get_model("auth", "Group")
    WorkUnit = apps.get_model("core", "WorkUnit")
    LearningArea = apps.get_model("core", "LearningArea")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for order, name in enumerate(WORK_UNITS, start=1):
        WorkUnit.objects.get_or_create(name=name, defaults={"order": order})
    for order, name in enumerate(LEARNING_AREAS, start=1):
        LearningArea.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
