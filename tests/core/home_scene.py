"""One working day of the office, built through the services, for the role home-page tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core import thaidate
from correspondence import services as letters
from supervision import services as supervision
from supervision.defaults import CLASSROOM, ensure_default_tools
from supervision.models import Activity, Project, Tool, ToolItem, Visit

FOLLOW_UP_SOON = "ติดตามการใช้สื่อการสอนคณิตศาสตร์ของครูชั้นประถมศึกษาปีที่ ๓ ที่ปรับปรุงแล้ว"
FOLLOW_UP_RECENT = "ตรวจสอบบันทึกหลังการสอนที่ครูผู้ช่วยปรับปรุงตามข้อเสนอแนะ"
FOLLOW_UP_ANCIENT = "ส่งแผนการจัดการเรียนรู้ภาษาไทยฉบับปรับปรุงของปีการศึกษาที่แล้ว"
LETTER_TO_INSTRUCT = "ขอเชิญประชุมเชิงปฏิบัติการขับเคลื่อนการนิเทศภายในสถานศึกษา ปีงบประมาณ ๒๕๗๐"
PROJECT_NAME = "โครงการนิเทศ ติดตาม และประเมินผลการจัดการศึกษาเพื่อยกระดับผลสัมฤทธิ์ทางการเรียน"


def _visit(users: dict, school, *, date: dt.date, status: str, follow_ups: tuple = ()) -> Visit:  # noqa: ANN001
    tool = Tool.objects.get(name=CLASSROOM)
    by, director = users["supervisor"], users["director"]
    visit = supervision.visit_create(user=by, school=school, date=date, visit_type="classroom", tool=tool, team=[])
    scores = {item.pk: (2, "") for item in ToolItem.objects.filter(section__tool=tool)}
    fields = {"school": school, "date": date, "visit_type": "classroom", "tool": tool,
              "strengths": "ครูใช้คำถามกระตุ้นการคิดและสื่อที่หลากหลาย", "to_develop": "การวัดผลระหว่างเรียน",
              "recommendations": "ใช้คำถามปลายเปิดและบันทึกผลหลังสอน"}  # fmt: skip
    items = [{"text": text, "due_date": due} for text, due in follow_ups]
    supervision.visit_save(user=by, visit=visit, fields=fields, team=[], teachers=[], scores=scores, follow_ups=items)
    if status != "draft":
        supervision.visit_submit(user=by, visit=visit)
    if status in ("approved", "acknowledged"):
        supervision.visit_approve(user=director, visit=visit)
    if status == "acknowledged":
        supervision.visit_acknowledge(user=users["school"], visit=visit)
    visit.refresh_from_db()
    return visit


def _budget(users: dict) -> None:
    plan = supervision.plan_get_or_create(fiscal_year=thaidate.fiscal_year(thaidate.today()), user=users["director"])
    project = Project.objects.create(plan=plan, order=1, name=PROJECT_NAME)
    activity = Activity.objects.create(project=project, order=1, name="นิเทศชั้นเรียนครูผู้ช่วย", amount=Decimal("20000"))
    supervision.spending_record(
        user=users["director"], activity=activity, amount=Decimal("6050.50"), date=thaidate.today(),
        category="operating", purpose="ค่าอาหารว่างและเครื่องดื่มผู้เข้าประชุม",
    )  # fmt: skip


def build(users: dict, school) -> dict:  # noqa: ANN001
    """Letters, visits, follow-ups near and far, a survey, a plan with spending; returns what the tests open."""
    ensure_default_tools()
    today = thaidate.today()
    day = dt.timedelta(days=1)
    letter = letters.letter_register_incoming(
        user=users["clerk"], subject=LETTER_TO_INSTRUCT, sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
        recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", external_no="ศธ 04010/ว 4567",
    )  # fmt: skip
    letters.letter_present(user=users["clerk"], letter=letter)
    planned = _visit(users, school, date=today + 3 * day, status="draft")
    follow_ups = ((FOLLOW_UP_SOON, today + 5 * day), (FOLLOW_UP_RECENT, today - 10 * day),
                  (FOLLOW_UP_ANCIENT, today - 400 * day))  # fmt: skip
    waiting = _visit(users, school, date=today - 12 * day, status="approved", follow_ups=follow_ups)
    later = _visit(users, school, date=today - 6 * day, status="approved")  # a second one for the school to acknowledge
    submitted = _visit(users, school, date=today - 2 * day, status="submitted")
    answered = _visit(users, school, date=today - 20 * day, status="acknowledged")
    _budget(users)
    return {
        "letter": letter, "planned": planned, "waiting": waiting, "waiting_later": later, "submitted": submitted,
        "surveyed": answered,
    }  # fmt: skip
