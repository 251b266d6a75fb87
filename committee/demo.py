"""Demo committee: members, four meetings around today with agendas, minutes and resolutions."""

from __future__ import annotations

import datetime as dt

from core import thaidate
from core.demo import is_working_day, next_working_day
from core.models import OfficeProfile, display_name
from core.roles import Role

from . import services
from .models import AttendanceKind, Category, Position, ResolutionStatus


def _order(ctx, secretary):  # noqa: ANN001, ANN202
    try:
        from correspondence.services import letter_issue_outgoing
    except ImportError:
        return None
    return letter_issue_outgoing(
        user=secretary, register_code="order", recipient_text="ผู้ได้รับแต่งตั้ง",
        subject="แต่งตั้งคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา",
    )  # fmt: skip


GROUP = "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"


def _members(ctx, secretary, start: dt.date) -> list:  # noqa: ANN001
    order = _order(ctx, secretary)
    office = OfficeProfile.get().office_name
    schools = ctx.extra.get("schools", [])[:3]
    specs = [
        (
            "นาย",
            "วิชาญ",
            "ธนสารวัฒน์",
            Position.CHAIR,
            Category.OFFICE,
            f"ผู้อำนวยการ{office}",
            ctx.users.get(Role.EXECUTIVE.value),
        ),
        ("นาย", "สมพงษ์", "อุดมศักดิ์", Position.VICE_CHAIR, Category.OFFICE, f"รองผู้อำนวยการ{office}", None),
        (
            "ดร.",
            "ชูชาติ",
            "บุญประเสริฐ",
            Position.MEMBER,
            Category.EXPERT,
            "ผู้ทรงคุณวุฒิด้านการศึกษา",
            ctx.users.get(Role.MEMBER.value),
        ),
        ("ผศ.ดร.", "พิมพ์ใจ", "ชลธาร", Position.MEMBER, Category.EXPERT, "อาจารย์ประจำคณะครุศาสตร์ มหาวิทยาลัยราชภัฏ", None),
    ]
    for school in schools:
        prefix, first, last = ctx.person()
        specs.append((prefix, first, last, Position.MEMBER, Category.SCHOOL_DIRECTOR,
                      f"ผู้อำนวยการ{school.name}", None))  # fmt: skip
    specs += [
        ("นาง", "อัญชลี", "พิมพ์ประไพ", Position.SECRETARY, Category.OFFICE, "ศึกษานิเทศก์ชำนาญการพิเศษ", secretary),
        (
            "นาย",
            "ธนพล",
            "ศรีวิเศษ",
            Position.ASSISTANT_SECRETARY,
            Category.OFFICE,
            f"ผู้อำนวยการ{GROUP}",
            ctx.users.get(Role.DIRECTOR.value),
        ),
    ]
    return [
        services.member_create(user=secretary, prefix=p, first_name=f, last_name=last, position=pos, category=cat,
                               job_title=job, term_start=start, appointment_order=order,
                               order_number="" if order else "12/2568", account=u)
        for p, f, last, pos, cat, job, u in specs
    ]  # fmt: skip


DECISIONS = [
    ("พิจารณาแผนการนิเทศ ติดตาม และประเมินผลการจัดการศึกษา", "เห็นชอบแผน ให้กลุ่มนิเทศฯ แจ้งสถานศึกษา"),
    ("พิจารณาเครื่องมือนิเทศการจัดการเรียนรู้", "เห็นชอบโดยให้ปรับข้อคำถามให้กระชับ"),
    ("พิจารณาผลการนิเทศภาคเรียนที่ 1 และแนวทางพัฒนา", "ให้จัดอบรมการวัดและประเมินผลระหว่างเรียน"),
    ("พิจารณาร่างรายงานผลการติดตามประจำปี", "เห็นชอบ ให้เผยแพร่ต่อสถานศึกษา"),
]


def _attend(secretary, meeting, members, ctx) -> None:  # noqa: ANN001
    for i, member in enumerate(members):
        if i == 3:
            services.attendance_set(user=secretary, meeting=meeting, member=member, kind=AttendanceKind.ABSENT,
                                    reason="ติดราชการ")  # fmt: skip
        elif i == 1:
            services.attendance_set(user=secretary, meeting=meeting, member=member, kind=AttendanceKind.SUBSTITUTE,
                                    name="นายประยุทธ สีหาราช", job_title="นักวิเคราะห์นโยบายและแผน")  # fmt: skip
        else:
            services.attendance_set(user=secretary, meeting=meeting, member=member, kind=AttendanceKind.PRESENT)
    services.guest_add(user=secretary, meeting=meeting, name="นางสุนีย์ แสงทองสุข", job_title="เจ้าพนักงานธุรการ")


def _outcome(it, decided, resolution: str) -> dict:  # noqa: ANN001
    """What the minutes record for an item: วาระที่ 2 adopts the last minutes, the decision item its resolution."""
    if it.previous_meeting_id:
        number = it.previous_meeting.number_display
        return {"record": f"ฝ่ายเลขานุการได้ส่งรายงานการประชุม ครั้งที่ {number} ให้กรรมการพิจารณาล่วงหน้าแล้ว "
                          "ไม่มีกรรมการขอแก้ไข",
                "resolution": f"ที่ประชุมรับรองรายงานการประชุม ครั้งที่ {number} โดยไม่มีการแก้ไข"}  # fmt: skip
    if it.pk == decided.pk:
        return {"record": "ที่ประชุมร่วมอภิปรายและให้ข้อสังเกต", "resolution": resolution}
    return {"record": "ประธานแจ้งให้ที่ประชุมทราบ", "resolution": "ที่ประชุมรับทราบ"}


def _held_meeting(ctx, secretary, members, day: dt.date, n: int):  # noqa: ANN001, ANN202
    meeting = services.meeting_create(user=secretary, date=day, start_time=dt.time(9, 30),
                                      place="ห้องประชุมสำนักงานเขตพื้นที่การศึกษา")  # fmt: skip
    services.item_add(user=secretary, meeting=meeting, section=1, title="ประธานแจ้งนโยบายการจัดการศึกษา",
                      presenter="ประธานกรรมการ")  # fmt: skip
    title, resolution = DECISIONS[n % len(DECISIONS)]
    item = services.item_add(user=secretary, meeting=meeting, section=4, title=title, presenter=GROUP,
                             summary="ฝ่ายเลขานุการนำเสนอรายละเอียดตามเอกสารประกอบ",
                             proposed_resolution="เพื่อโปรดพิจารณา")  # fmt: skip
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    _attend(secretary, meeting, members, ctx)
    services.meeting_mark_held(user=secretary, meeting=meeting)
    for it in meeting.items.all():
        services.item_record(user=secretary, item=it, **_outcome(it, item, resolution))
    services.minutes_update(user=secretary, minutes=meeting.minutes, started_at=dt.time(9, 30), ended_at=dt.time(12, 0),
                            recorder_name=display_name(secretary), recorder_title="ศึกษานิเทศก์ชำนาญการพิเศษ",
                            checker_name="นายธนพล ศรีวิเศษ", checker_title=f"ผู้อำนวยการ{GROUP}")  # fmt: skip
    res = services.resolution_add(user=secretary, item=item, responsible=display_name(secretary),
                                  due_date=working_day(day, 60))  # fmt: skip
    return meeting, res


def working_day(start: dt.date, days: int) -> dt.date:
    """`days` after `start` (negative: before it), moved on to a working day (no weekend or fixed holiday)."""
    day = start + dt.timedelta(days=days)
    return day if is_working_day(day) else next_working_day(day)


def seed(ctx) -> None:  # noqa: ANN001
    secretary = ctx.users[Role.SECRETARY.value]
    today = thaidate.today()
    members = _members(ctx, secretary, working_day(today, -400))
    previous = None
    for n, days_ago in enumerate((270, 180, 90)):
        meeting, res = _held_meeting(ctx, secretary, members, working_day(today, -days_ago), n)
        if previous:
            services.minutes_approve(user=secretary, minutes=previous.minutes, at_meeting=meeting)
        if n == 0:
            services.followup_add(user=secretary, resolution=res, date=working_day(today, -200),
                                  note="แจ้งสถานศึกษาครบทุกแห่งแล้ว", status=ResolutionStatus.DONE)  # fmt: skip
        elif n == 1:
            services.followup_add(user=secretary, resolution=res, date=working_day(today, -100),
                                  note="จัดทำกำหนดการอบรมแล้ว", status=ResolutionStatus.IN_PROGRESS)  # fmt: skip
        previous = meeting
    upcoming = services.meeting_create(user=secretary, date=working_day(today, 14), start_time=dt.time(13, 30),
                                       place="ห้องประชุมสำนักงานเขตพื้นที่การศึกษา",
                                       online_link="https://meet.example.go.th/ktpn")  # fmt: skip
    services.item_add(user=secretary, meeting=upcoming, section=4, title=DECISIONS[3][0], presenter=GROUP,
                      proposed_resolution="เพื่อโปรดพิจารณาให้ความเห็นชอบ")  # fmt: skip
    services.meeting_publish_agenda(user=secretary, meeting=upcoming,
                                    send_invitation=services.invitation_available())  # fmt: skip
    report = services.report_get_or_create(user=secretary, fiscal_year=thaidate.fiscal_year(today))
    services.report_update(user=secretary, report=report,
                           preface="รายงานฉบับนี้สรุปผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษาของปีงบประมาณ",
                           executive_summary="การนิเทศครอบคลุมสถานศึกษาส่วนใหญ่ตามแผน",
                           recommendations="ควรเพิ่มการนิเทศแบบเครือข่ายสำหรับโรงเรียนขนาดเล็ก")  # fmt: skip
    from .demo_bodies import seed_bodies

    seed_bodies(ctx, today, working_day)
