"""Demo visits (about 200) across every workflow status, with surveys answered for some."""

from __future__ import annotations

import datetime as dt

from core import services as core_services
from core import thaidate
from core.demo import DEMO_PASSWORD, DemoContext, is_working_day, office_after
from core.models import LearningArea, OfficeProfile
from core.roles import Role
from schools import services as school_services

from . import services
from .defaults import CLASSROOM, INTERNAL, QA_FOLLOW_UP
from .models import Tool, ToolItem, VisitType

STRENGTHS = ["ครูจัดกิจกรรมที่ผู้เรียนได้ลงมือปฏิบัติ", "มีแผนการนิเทศภายในและปฏิทินชัดเจน", "ผู้บริหารให้ความสำคัญกับการนิเทศ",
             "นักเรียนอ่านออกเสียงได้คล่อง", "ใช้สื่อเทคโนโลยีอย่างเหมาะสม", "มีการจัดทำ SAR ครบถ้วน"]  # fmt: skip
TO_DEVELOP = ["การวัดและประเมินผลระหว่างเรียน", "การใช้คำถามกระตุ้นการคิดขั้นสูง", "การนำผลการนิเทศไปพัฒนาครู",
              "การดูแลนักเรียนที่เรียนรู้ช้า", "การบันทึกผลหลังสอน"]  # fmt: skip
TYPE_TOOL = {VisitType.CLASSROOM: CLASSROOM, VisitType.INTERNAL: INTERNAL, VisitType.QA: QA_FOLLOW_UP,
             VisitType.POLICY: None, VisitType.ONLINE: CLASSROOM}  # fmt: skip
VISIT_TYPE_CODES = [VisitType.CLASSROOM, VisitType.INTERNAL, VisitType.POLICY, VisitType.QA, VisitType.ONLINE]


def _school_users(ctx: DemoContext, schools: list) -> dict[int, object]:
    users = {schools[0].pk: ctx.users[Role.SCHOOL.value]}
    for n, school in enumerate(schools[1:4], start=2):
        prefix, first, last = ctx.person()
        users[school.pk] = core_services.user_create(
            username=f"school{n}", password=DEMO_PASSWORD, first_name=first, last_name=last, roles=[Role.SCHOOL],
            prefix=prefix, position="ครูวิชาการ",
        )  # fmt: skip
        school_services.membership_set(user=None, member=users[school.pk], school=school, position="ครูวิชาการ")
    return users


def seed_visits(ctx: DemoContext, *, schools: list, plans: dict[int, object], count: int = 200) -> None:
    rng = ctx.rng
    tools = {t.name: t for t in Tool.objects.all()}
    items = {t.pk: list(ToolItem.objects.filter(section__tool=t).values_list("pk", flat=True)) for t in tools.values()}
    areas = list(LearningArea.objects.all())
    school_users = _school_users(ctx, schools)
    director = ctx.users[Role.DIRECTOR.value]
    today = thaidate.local_date(ctx.clock)
    year_now = thaidate.fiscal_year(today)
    days = {year: school_days(*thaidate.fiscal_year_range(year), today) for year in (year_now - 1, year_now)}
    for n in range(count):
        year = year_now if n % 5 < 2 and days[year_now] else year_now - 1
        date = rng.choice(days[year])
        written = office_after(dt.datetime.combine(date, dt.time(15), tzinfo=thaidate.BANGKOK), rng.randint(30, 900))
        with ctx.at(written):
            visit = _record(ctx, n, date, schools, plans[year], tools, items, areas)
        author = ctx.supervisors[n % len(ctx.supervisors)]
        _advance(ctx, visit, author, director, school_users, year == year_now, written=written)


def school_days(start: dt.date, end: dt.date, today: dt.date) -> list[dt.date]:
    """Working days in a semester (not the school breaks) from start to end, none after today."""
    calendar = OfficeProfile.get().academic_calendar
    last = min(end, today)
    every = (start + dt.timedelta(days=n) for n in range((last - start).days + 1))
    return [day for day in every if is_working_day(day) and thaidate.semester(day, calendar)[1] is not None]


def _record(ctx: DemoContext, n: int, date: dt.date, schools: list, plan, tools: dict, items: dict, areas: list):  # noqa: ANN001, ANN202
    """The visit on `date` as its author writes it up that afternoon or the next working day."""
    rng = ctx.rng
    school = rng.choice(schools[:6]) if n % 4 == 0 else rng.choice(schools)
    author = ctx.supervisors[n % len(ctx.supervisors)]
    visit_type = rng.choice(VISIT_TYPE_CODES)
    tool = tools.get(TYPE_TOOL[visit_type]) if TYPE_TOOL[visit_type] else None
    activities = [a for p in plan.projects.all() for a in p.activities.all()]
    visit = services.visit_create(
        user=author,
        school=school,
        date=date,
        visit_type=visit_type,
        tool=tool,
        activity=rng.choice(activities),
        policy="นโยบายด้านคุณภาพการศึกษา",
    )
    top = tool.max_score if tool else 0
    scores = {pk: (rng.randint(max(0, top - 2), top), "") for pk in items.get(tool.pk, [])} if tool else {}
    teachers = [{"name": " ".join(ctx.person()[1:]), "learning_area": rng.choice(areas), "grade": f"ป.{rng.randint(1, 6)}"}
                for _ in range(rng.randint(1, 2))] if visit_type == VisitType.CLASSROOM else []  # fmt: skip
    due = date + dt.timedelta(days=rng.randint(7, 45))
    services.visit_save(
        user=author, visit=visit, team=[rng.choice(ctx.supervisors)], teachers=teachers, scores=scores,
        fields={"strengths": rng.choice(STRENGTHS), "to_develop": rng.choice(TO_DEVELOP),
                "recommendations": "ส่งเสริมการใช้ PLC ในโรงเรียนเพื่อต่อยอดผลการนิเทศ"},
        follow_ups=[{"text": f"ติดตาม{rng.choice(TO_DEVELOP)}", "due_date": due}],
    )  # fmt: skip
    return visit


def _advance(ctx: DemoContext, visit, author, director, school_users: dict, this_year: bool, *, written) -> None:  # noqa: ANN001
    """Submit, approve (or return), acknowledge, answer the survey: each a while after the last, in office hours."""
    rng = ctx.rng
    roll = rng.random()
    if this_year and roll < 0.15:
        return  # draft
    when = office_after(written, rng.randint(10, 960))
    with ctx.at(when):
        services.visit_submit(user=author, visit=visit)
    if this_year and roll < 0.3:
        return  # waiting for the director
    when = office_after(when, rng.randint(30, 1440))
    if this_year and roll < 0.38:
        with ctx.at(when):
            services.visit_return(user=director, visit=visit, comment="กรุณาเพิ่มข้อเสนอแนะที่ปฏิบัติได้และแนบภาพกิจกรรม")
        return
    with ctx.at(when):
        services.visit_approve(user=director, visit=visit)
    staff = school_users.get(visit.school_id)
    if staff is None:
        return
    when = office_after(when, rng.randint(30, 1440))
    with ctx.at(when):
        services.visit_acknowledge(user=staff, visit=visit, note="รับทราบและจะดำเนินการตามข้อเสนอแนะ")
    if rng.random() < 0.8:
        ratings = [rng.choice([3, 4, 4, 5, 5]) for _ in range(5)]
        with ctx.at(office_after(when, rng.randint(10, 480))):
            services.survey_answer(token=visit.survey.token, ratings=ratings, comment="")
