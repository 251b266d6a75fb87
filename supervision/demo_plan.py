"""Demo annual plan (seed 002 shape) and visits across every status, built through the services."""

from __future__ import annotations

from decimal import Decimal

from core.demo import DemoContext
from core.roles import Role

from . import services
from .models import Activity, Indicator, Phase, Project, SchoolGroup

PROJECTS = [
    ("การนิเทศฯ แบบบูรณาการโดยความร่วมมือของภาคีเครือข่ายเพื่อยกระดับคุณภาพการศึกษา", [
        ("กิจกรรมนิเทศแบบพบกลุ่ม “สวัสดีคุณครู”", "ต.ค. – พ.ย.", "ครูทุกคน, โรงเรียน", 0, 0, 0),
        ("กิจกรรมนิเทศยกระดับผลสัมฤทธิ์โรงเรียน กลุ่ม “สีดำ – สีแดง”", "ธ.ค.", "โรงเรียน", 6000, 10000, 4000),
        ("กิจกรรมส่งเสริมและนิเทศติดตามการดำเนินการนิเทศภายในของสถานศึกษา", "ต.ค. – ก.ย.", "โรงเรียน", 10000, 15000, 5000),
        ("กิจกรรมนิเทศระบบ Online", "ต.ค. – ก.ย.", "กลุ่มนิเทศฯ, โรงเรียน", 0, 40000, 10000),
    ]),
    ("นิเทศ ติดตามการอ่านออก เขียนได้ ของนักเรียนชั้นประถมศึกษาปีที่ 1–3", [
        ("ประเมินการอ่านออกเสียงและการอ่านรู้เรื่อง (RT) ป.1", "ก.พ. – มี.ค.", "นักเรียน ป.1", 5000, 8000, 2000),
        ("นิเทศการจัดการเรียนรู้ภาษาไทยในชั้นเรียน", "พ.ย. – ส.ค.", "ครูภาษาไทย ป.1–3", 0, 12000, 3000),
    ]),
    ("ส่งเสริมและพัฒนาระบบการประกันคุณภาพภายในสถานศึกษา", [
        ("นิเทศ ติดตามการจัดทำรายงานผลการประเมินตนเอง (SAR)", "พ.ค. – มิ.ย.", "โรงเรียน", 4000, 6000, 2000),
        ("สังเคราะห์จุดเด่น จุดที่ควรพัฒนาจาก SAR เพื่อวางแผน", "ก.ค.", "กลุ่มนิเทศฯ", 3000, 5000, 1000),
    ]),
    ("พัฒนาศึกษานิเทศก์โดยการแลกเปลี่ยนเรียนรู้ (KM/PLC ทุกวันอังคาร)", [
        ("PLC ศึกษานิเทศก์ทุกวันอังคาร", "ต.ค. – ก.ย.", "ศึกษานิเทศก์", 0, 10000, 5000),
        ("ประชุมปฏิบัติการจัดทำรายงานผลการนิเทศประจำปี", "ก.ย.", "กลุ่มนิเทศฯ", 8000, 15000, 2000),
    ]),
]  # fmt: skip


def seed_plan(ctx: DemoContext, *, fiscal_year: int, schools: list) -> object:
    director = ctx.users[Role.DIRECTOR.value]
    plan = services.plan_get_or_create(fiscal_year=fiscal_year, user=director)
    plan.vision = "นิเทศเชิงรุก สร้างเครือข่าย ยกระดับคุณภาพผู้เรียนทุกโรงเรียน"
    plan.mission = "นิเทศ ติดตาม และประเมินผลการจัดการศึกษาอย่างเป็นระบบ\nส่งเสริมการนิเทศภายในและเครือข่ายสถานศึกษา"
    plan.goals = "สถานศึกษาทุกแห่งได้รับการนิเทศตามเป้าหมาย\nสถานศึกษาร้อยละ 80 พึงพอใจต่อการนิเทศ"
    plan.strategies = "กลยุทธ์ที่ 1 พัฒนาคุณภาพผู้เรียนทุกระดับทุกประเภท\nกลยุทธ์ที่ 4 พัฒนาระบบการบริหารจัดการ"
    plan.visits_per_school_target = 2
    plan.save()
    group = SchoolGroup.objects.create(plan=plan, name="โรงเรียนกลุ่มสีดำ–สีแดง", visits_per_school_target=4)
    group.schools.set([s for s in schools if s.pupils < 120][:12])
    for order, (name, activities) in enumerate(PROJECTS, start=1):
        project = Project.objects.create(
            plan=plan, order=order, name=name, policies="นโยบาย สพป. ด้านคุณภาพการศึกษา ข้อที่ 1–8\nจุดเน้น สพฐ. ด้านผู้เรียน",
            rationale="การนิเทศเป็นกระบวนการเสริมคุณภาพการจัดการเรียนการสอน มุ่งสนับสนุนครูให้จัดการเรียนรู้ที่ส่งผลต่อผู้เรียน",
            objectives="เพื่อส่งเสริมการนิเทศภายในของสถานศึกษา\nเพื่อนิเทศ ติดตาม และประเมินผลการดำเนินงานตามนโยบาย",
            quantitative_targets="สถานศึกษาทุกแห่งได้รับการนิเทศอย่างน้อย 2 ครั้ง/ปี\nประชุมคณะกรรมการ ก.ต.ป.น. 6 ครั้ง/ปีงบประมาณ",
            qualitative_targets="สถานศึกษาร้อยละ 100 ผ่านเกณฑ์การนิเทศภายใน\nสถานศึกษาอย่างน้อยร้อยละ 80 พึงพอใจต่อการนิเทศ",
            expected_outcomes="สถานศึกษาจัดกิจกรรมการเรียนรู้ได้อย่างมีคุณภาพ\nสำนักงานเขตพื้นที่มีข้อมูลเพื่อการบริหาร",
        )  # fmt: skip
        for a_order, (a_name, period, target, comp, oper, mat) in enumerate(activities, start=1):
            activity = Activity.objects.create(
                project=project, order=a_order, name=a_name, period=period, target_group=target,
                responsible="ศึกษานิเทศก์", compensation=Decimal(comp), operating=Decimal(oper), materials=Decimal(mat),
            )  # fmt: skip
            activity.responsible_users.set(ctx.rng.sample(ctx.supervisors, 2))
        indicators = [
            ("ร้อยละของสถานศึกษาที่ได้รับการนิเทศตามเป้าหมาย", "ประเมินผล", "แบบบันทึกการนิเทศ", "ร้อยละ 100"),
            ("ร้อยละของสถานศึกษาพึงพอใจต่อการนิเทศ", "สำรวจ", "แบบสอบถามความพึงพอใจ", "ร้อยละ 80"),
        ]
        for i_order, (name, method, tool, target) in enumerate(indicators, start=1):
            Indicator.objects.create(project=project, order=i_order, name=name, method=method, tool=tool, target=target)
    return plan


def advance_projects(ctx: DemoContext, plan, phases: list[str]) -> None:  # noqa: ANN001
    user = ctx.users[Role.DIRECTOR.value]
    notes = {
        Phase.DO: "ประชุมชี้แจงและจัดทำเครื่องมือแล้ว",
        Phase.CHECK: "ดำเนินการนิเทศตามปฏิทินแล้ว",
        Phase.ACT: "สรุปผลการนิเทศ วิเคราะห์จุดที่ควรพัฒนา",
        Phase.PLAN: "รายงานผลและนำไปวางแผนปีถัดไป",
    }
    for project, target in zip(plan.projects.order_by("order"), phases, strict=False):
        order = [Phase.PLAN, Phase.DO, Phase.CHECK, Phase.ACT]
        for phase in order[1 : order.index(target) + 1]:
            project = services.project_move_phase(user=user, project=project, to=phase, note=notes[phase])
        for activity in project.activities.all()[:2]:
            if target != Phase.PLAN:
                services.activity_move_phase(user=user, activity=activity, to=Phase.DO, note="เริ่มดำเนินกิจกรรม")
