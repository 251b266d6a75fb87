"""Demo meeting bodies beyond ก.ต.ป.น.: the group's monthly meeting (run by the clerk) and a cluster principals' one."""

from __future__ import annotations

import datetime as dt

from core.roles import Role

from . import services
from .models import AttendanceKind, BodyKind, Category, Position

GROUP_BODY = "ประชุมประจำเดือนกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"


def _group_members(clerk, ctx, start: dt.date, body) -> list:  # noqa: ANN001
    specs = [(Role.DIRECTOR, Position.CHAIR, "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
             (Role.SUPERVISOR, Position.MEMBER, "ศึกษานิเทศก์ชำนาญการพิเศษ"),
             (Role.SECRETARY, Position.MEMBER, "ศึกษานิเทศก์ชำนาญการพิเศษ"),
             (Role.CLERK, Position.SECRETARY, "เจ้าพนักงานธุรการชำนาญงาน")]  # fmt: skip
    members = []
    for role, position, job in specs:
        user = ctx.users.get(role.value)
        first, last = (user.first_name, user.last_name) if user else ctx.person()[1:]
        members.append(services.member_create(
            user=clerk, body=body, account=user, prefix="นาง" if position == Position.SECRETARY else "นาย",
            first_name=first, last_name=last, position=position, category=Category.OFFICE, job_title=job,
            term_start=start,
        ))  # fmt: skip
    return members


def _group_meetings(clerk, body, members, past: dt.date, ahead: dt.date) -> None:  # noqa: ANN001
    held = services.meeting_create(user=clerk, body=body, date=past, start_time=dt.time(13, 30),
                                   place="ห้องประชุมกลุ่มนิเทศฯ")  # fmt: skip
    item = services.item_add(user=clerk, meeting=held, section=4, title="ปฏิทินการนิเทศ ติดตาม ประจำเดือน",
                             presenter="ผู้อำนวยการกลุ่มนิเทศฯ")  # fmt: skip
    services.meeting_publish_agenda(user=clerk, meeting=held)
    rows = [{"member": m, "kind": AttendanceKind.PRESENT} for m in members]
    rows[1] = {"member": members[1], "kind": AttendanceKind.ABSENT, "reason": "นิเทศโรงเรียนตามแผน"}
    services.attendance_save_all(user=clerk, meeting=held, rows=rows)
    services.meeting_mark_held(user=clerk, meeting=held)
    services.minutes_save(user=clerk, minutes=held.minutes, fields={
        "started_at": dt.time(13, 30), "ended_at": dt.time(15, 0), "recorder_name": members[-1].full_name,
        "recorder_title": "เจ้าพนักงานธุรการชำนาญงาน",
    }, items={item.pk: ("ที่ประชุมร่วมกันกำหนดโรงเรียนเป้าหมายของแต่ละคน", "เห็นชอบปฏิทินตามที่เสนอ")})  # fmt: skip
    upcoming = services.meeting_create(user=clerk, body=body, date=ahead, start_time=dt.time(13, 30),
                                       place="ห้องประชุมกลุ่มนิเทศฯ")  # fmt: skip
    services.item_add(user=clerk, meeting=upcoming, section=1, title="ผู้อำนวยการกลุ่มแจ้งเพื่อทราบ")


def _cluster_body(ctx, secretary, start: dt.date) -> None:  # noqa: ANN001
    clusters = ctx.extra.get("clusters") or []
    if not clusters:
        return
    cluster = clusters[0]
    body = services.body_create(user=secretary, name=f"ประชุมประธานกลุ่มเครือข่าย{cluster.name}", kind=BodyKind.CLUSTER,
                                cluster=cluster, secretary=ctx.users.get(Role.SUPERVISOR.value), meetings_per_year=4)  # fmt: skip
    for i, school in enumerate(cluster.schools.all()[:5]):
        prefix, first, last = ctx.person()
        services.member_create(user=body.secretary or secretary, body=body, prefix=prefix, first_name=first, last_name=last,
                               position=Position.CHAIR if i == 0 else Position.MEMBER,
                               category=Category.SCHOOL_DIRECTOR, job_title=f"ผู้อำนวยการ{school.name}",
                               term_start=start)  # fmt: skip


def seed_bodies(ctx, today: dt.date, working_day) -> None:  # noqa: ANN001
    clerk = ctx.users.get(Role.CLERK.value)
    if clerk is not None:
        body = services.body_create(user=clerk, name=GROUP_BODY, kind=BodyKind.INTERNAL, meetings_per_year=12)
        members = _group_members(clerk, ctx, working_day(today, -400), body)
        _group_meetings(clerk, body, members, working_day(today, -20), working_day(today, 10))
    _cluster_body(ctx, ctx.users[Role.SECRETARY.value], working_day(today, -400))
