"""Default supervision tools shipped with the app (DOMAIN §4, seeds 000 and 004).

`install_default_tools(Tool, ToolSection, ToolItem)` takes the model classes so that the
data migration can pass its historical models; it is idempotent (matched by tool name).
"""

from __future__ import annotations

CLASSROOM = "แบบสังเกตการจัดการเรียนรู้ในชั้นเรียน"
INTERNAL = "แบบนิเทศ ติดตามระบบการนิเทศภายในสถานศึกษา"
QA_FOLLOW_UP = "แบบติดตามการประกันคุณภาพภายใน"

DEFAULT_TOOLS: list[dict] = [
    {
        "name": CLASSROOM, "scale": "0-3", "visit_type": "classroom",
        "description": "ระดับคุณภาพ 3 = ดีมาก 2 = ดี 1 = พอใช้ 0 = ปรับปรุง",
        "sections": [
            ("ก่อนสอน (การเตรียมการสอน)", [
                "มีแผนการจัดการเรียนรู้ที่สอดคล้องกับมาตรฐานและตัวชี้วัด",
                "เตรียมสื่อ อุปกรณ์ และแหล่งเรียนรู้พร้อมใช้",
                "กำหนดวิธีวัดและประเมินผลสอดคล้องกับจุดประสงค์การเรียนรู้",
            ]),
            ("ขณะสอน (การจัดกิจกรรมการเรียนรู้)", [
                "นำเข้าสู่บทเรียนได้น่าสนใจ เชื่อมโยงความรู้เดิม",
                "จัดกิจกรรมที่เน้นผู้เรียนเป็นสำคัญ ผู้เรียนได้ลงมือปฏิบัติ",
                "ใช้คำถามกระตุ้นการคิด วิเคราะห์",
                "ใช้สื่อ เทคโนโลยีได้เหมาะสม",
                "บริหารจัดการชั้นเรียนเชิงบวก ดูแลผู้เรียนทั่วถึง",
            ]),
            ("หลังสอน (การวัดผลและสะท้อนผล)", [
                "วัดและประเมินผลตามสภาพจริง",
                "ให้ข้อมูลย้อนกลับแก่ผู้เรียนเพื่อนำไปพัฒนา",
                "บันทึกผลหลังสอนและนำผลไปปรับปรุงการสอน",
            ]),
        ],
    },
    {
        "name": INTERNAL, "scale": "0-3", "visit_type": "internal",
        "description": "ระดับคุณภาพ 3 = ดีมาก 2 = ดี 1 = พอใช้ 0 = ปรับปรุง",
        "sections": [
            ("การวางแผนการนิเทศภายใน", [
                "ศึกษาสภาพปัญหาและความต้องการในการนิเทศ",
                "มีแผน/ปฏิทินการนิเทศภายในและคำสั่งคณะกรรมการ",
                "มีเครื่องมือนิเทศที่เหมาะสม",
            ]),
            ("การดำเนินการนิเทศภายใน", [
                "ดำเนินการนิเทศตามแผนอย่างต่อเนื่อง",
                "ใช้เทคนิคการนิเทศที่หลากหลาย เช่น PLC การสังเกตการสอน การโค้ช",
            ]),
            ("การประเมินผลและรายงาน", [
                "ประเมินผลและสรุปรายงานผลการนิเทศภายใน",
                "นำผลการนิเทศไปพัฒนาครูและปรับปรุงงาน",
            ]),
        ],
    },
    {
        "name": QA_FOLLOW_UP, "scale": "yes-no", "visit_type": "qa",
        "description": "นิเทศ ติดตามผลการดำเนินงานระบบการประกันคุณภาพภายในของสถานศึกษา (กฎกระทรวง พ.ศ. 2561)",
        "sections": [
            ("การกำหนดมาตรฐานและการวางแผน", [
                "กำหนดมาตรฐานการศึกษาของสถานศึกษาและค่าเป้าหมาย",
                "จัดทำแผนพัฒนาการจัดการศึกษาที่มุ่งคุณภาพตามมาตรฐาน",
            ]),
            ("การดำเนินงานและติดตาม", [
                "ดำเนินงานตามแผนพัฒนาการจัดการศึกษา",
                "ประเมินผลและตรวจสอบคุณภาพการศึกษาภายใน",
                "ติดตามผลการดำเนินการเพื่อพัฒนาสถานศึกษาอย่างต่อเนื่อง",
            ]),
            ("การรายงาน", [
                "จัดทำรายงานผลการประเมินตนเอง (SAR) และส่งหน่วยงานต้นสังกัด",
                "นำผลการประเมินไปใช้ปรับปรุงการดำเนินงาน",
            ]),
        ],
    },
]  # fmt: skip


def install_default_tools(Tool, ToolSection, ToolItem) -> int:  # noqa: ANN001, N803
    """Create any missing default tool; returns how many were created."""
    created = 0
    for spec in DEFAULT_TOOLS:
        if Tool.objects.filter(name=spec["name"]).exists():
            continue
        tool = Tool.objects.create(
            name=spec["name"], scale=spec["scale"], visit_type=spec["visit_type"], description=spec["description"]
        )
        for s_order, (title, items) in enumerate(spec["sections"], start=1):
            section = ToolSection.objects.create(tool=tool, order=s_order, title=title)
            for i_order, text in enumerate(items, start=1):
                ToolItem.objects.create(section=section, order=i_order, text=text)
        created += 1
    return created


def ensure_default_tools() -> int:
    from .models import Tool, ToolItem, ToolSection

    return install_default_tools(Tool, ToolSection, ToolItem)
