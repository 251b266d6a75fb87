"""Reference data every installation has: role groups, work units, learning areas.

Used by the data migration (with historical models) and by seed_demo (with real
models), so a database flushed by tests or restored from elsewhere gets it back.
"""

from __future__ import annotations

from .roles import Role

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


def ensure_reference_data(group_model, work_unit_model, learning_area_model) -> None:  # noqa: ANN001
    for role in Role:
        group_model.objects.get_or_create(name=role.value)
    for order, name in enumerate(WORK_UNITS, start=1):
        work_unit_model.objects.get_or_create(name=name, defaults={"order": order})
    for order, name in enumerate(LEARNING_AREAS, start=1):
        learning_area_model.objects.get_or_create(name=name, defaults={"order": order})
