"""Demo QA data: SARs for most schools this and last academic year, deadlines, a few ONESQA results."""

from __future__ import annotations

import datetime as dt

from core import thaidate
from core.demo import DemoContext
from core.models import OfficeProfile

from . import services
from .models import Standard

STRENGTHS = [
    "ผู้เรียนมีคุณลักษณะที่พึงประสงค์", "ครูทุ่มเทและเอาใจใส่ผู้เรียน", "ชุมชนมีส่วนร่วมในการจัดการศึกษา",
    "มีระบบดูแลช่วยเหลือนักเรียนที่เข้มแข็ง", "สภาพแวดล้อมร่มรื่น เอื้อต่อการเรียนรู้", "ผู้เรียนมีสุขภาวะที่ดี",
    "ผู้บริหารมีวิสัยทัศน์และภาวะผู้นำ", "มีแหล่งเรียนรู้ที่หลากหลาย",
]  # fmt: skip
NEEDS = [
    "ผลสัมฤทธิ์ทางการเรียนคณิตศาสตร์", "ความสามารถในการอ่านและการเขียน", "การใช้เทคโนโลยีในการจัดการเรียนรู้",
    "การคิดวิเคราะห์และการแก้ปัญหา", "การวัดและประเมินผลตามสภาพจริง", "การให้ข้อมูลย้อนกลับแก่ผู้เรียน",
    "ความสามารถในการสร้างนวัตกรรม",
]  # fmt: skip
PLANS = [
    "โครงการยกระดับผลสัมฤทธิ์ทางการเรียน", "โครงการส่งเสริมการอ่าน", "โครงการพัฒนาครูด้านเทคโนโลยี",
    "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)", "โครงการนิเทศภายในแบบกัลยาณมิตร",
]  # fmt: skip


def _fill(ctx: DemoContext, sar, user) -> None:  # noqa: ANN001
    rng = ctx.rng
    base = rng.choice([2, 3, 3, 4, 4, 4, 5])
    levels = {r.standard_id: max(1, min(5, base + rng.choice([-1, 0, 0, 0, 1]))) for r in sar.ratings.all()}
    services.sar_update(
        user=user, sar=sar, levels=levels, strengths="\n".join(rng.sample(STRENGTHS, 2)),
        to_develop="\n".join(rng.sample(NEEDS, 2)), development_plan="\n".join(rng.sample(PLANS, 2)),
    )  # fmt: skip


def _seed_year(ctx: DemoContext, year: int, weights: dict[str, float]) -> None:
    """weights: share of schools ending as none / draft / submitted / reviewed."""
    office_user, school_user = ctx.users["supervisor"], ctx.users["school"]
    reviewers = [ctx.users["supervisor"], ctx.users["director"]]
    for school in ctx.extra["schools"]:
        outcome = ctx.rng.choices(list(weights), weights=list(weights.values()))[0]
        if outcome == "none":
            continue
        user = school_user if school.pk == school_user.school_membership.school_id else office_user
        sar = services.sar_start(user=user, school=school, academic_year=year)
        _fill(ctx, sar, user)
        if outcome in ("submitted", "reviewed"):
            services.sar_submit(user=user, sar=sar)
        if outcome == "reviewed":
            comment = ctx.rng.choice(["รายงานครบถ้วน หลักฐานชัดเจน", "ควรเพิ่มหลักฐานเชิงประจักษ์ของมาตรฐานที่ 3",
                                      "แผนพัฒนาสอดคล้องกับจุดที่ควรพัฒนา"])  # fmt: skip
            services.sar_review(user=ctx.rng.choice(reviewers), sar=sar, comment=comment)


def seed(ctx: DemoContext) -> None:
    current = thaidate.academic_year(thaidate.today(), OfficeProfile.get().academic_calendar)
    previous = current - 1
    director = ctx.users["director"]
    _seed_year(ctx, previous, {"none": 0.05, "draft": 0.03, "submitted": 0.12, "reviewed": 0.8})
    school_user = ctx.users["school"]
    own = next(s for s in ctx.extra["schools"] if s.pk == school_user.school_membership.school_id)
    _seed_year(ctx, current, {"none": 0.25, "draft": 0.4, "submitted": 0.25, "reviewed": 0.1})
    services.sar_start(user=school_user, school=own, academic_year=current)  # the demo school has a SAR to fill
    services.sar_year_set(user=director, academic_year=previous, deadline=dt.date(thaidate.to_ce(current), 5, 31),
                          note="ส่งผ่านระบบพร้อมไฟล์ PDF")  # fmt: skip
    services.sar_year_set(user=director, academic_year=current, deadline=dt.date(thaidate.to_ce(current) + 1, 5, 31),
                          note="ส่งผ่านระบบพร้อมไฟล์ PDF")  # fmt: skip
    _seed_external(ctx)


def _seed_external(ctx: DemoContext) -> None:
    standards = list(Standard.objects.filter(standard_set__education_level="basic", parent=None).order_by("order"))
    for school in ctx.rng.sample(ctx.extra["schools"], 12):
        services.external_save(
            user=ctx.users["supervisor"], school=school, round_name="รอบที่ 5",
            assessment_year=ctx.rng.choice([2565, 2566, 2567]),
            levels={s.pk: ctx.rng.choice([3, 3, 4, 4, 5]) for s in standards},
            overall_result="ได้รับการรับรองมาตรฐาน", summary="ควรพัฒนาการใช้เทคโนโลยีในการจัดการเรียนรู้อย่างต่อเนื่อง",
        )  # fmt: skip
