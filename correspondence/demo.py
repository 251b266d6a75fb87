"""Demo correspondence: a few hundred entries across the four registers, built through the
services with ctx.rng, some urgent, some secret, many routed to the demo `supervisor`."""

from __future__ import annotations

import datetime as dt

from core import thaidate
from core.demo import DemoContext, next_working_day, office_after, office_moment, working_days

from . import keeping, services

TOPICS = ["ขอเชิญประชุม", "ขอความร่วมมือ", "แจ้งกำหนดการ", "ขอส่งรายงาน", "ขอเชิญเข้าร่วมอบรม", "ติดตามผลการดำเนินงาน",
          "ประชาสัมพันธ์", "ขอข้อมูล"]  # fmt: skip
THINGS = ["การนิเทศภายในสถานศึกษา", "หลักสูตรสถานศึกษา", "การประกันคุณภาพภายใน", "การทดสอบระดับชาติ O-NET",
          "โครงการอ่านออกเขียนได้", "การพัฒนาครูด้านสะเต็มศึกษา", "การวัดและประเมินผล", "สื่อนวัตกรรมการเรียนรู้"]  # fmt: skip
SENDERS = ["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "สำนักงานศึกษาธิการจังหวัดสุขใจ", "มหาวิทยาลัยราชภัฏสุขใจ",
           "กลุ่มบริหารงานบุคคล", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุขใจ"]  # fmt: skip
SECRET_SUBJECTS = ["ขอให้ตรวจสอบข้อเท็จจริงกรณีร้องเรียน", "รายงานผลการสอบสวนวินัย", "ข้อมูลผู้เข้าสอบคัดเลือก"]


def _times(ctx: DemoContext, count: int, start: dt.date, end: dt.datetime) -> list[dt.datetime]:
    """`count` moments in office hours on working days from `start` up to `end`, in order."""
    days = working_days(start, thaidate.local_date(end))
    return sorted(t for t in (office_moment(ctx.rng, days) for _ in range(count)) if t <= end) or [end]


def _subject(ctx: DemoContext) -> str:
    return f"{ctx.rng.choice(TOPICS)}{ctx.rng.choice(THINGS)}"


def _incoming(ctx: DemoContext, when: dt.datetime, **extra: object):  # noqa: ANN202
    rng = ctx.rng
    secret = rng.random() < 0.06
    return services.letter_register_incoming(
        user=ctx.users["clerk"], now=when, subject=rng.choice(SECRET_SUBJECTS) if secret else _subject(ctx),
        sender=rng.choice(SENDERS), recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
        external_no=f"ศธ 04{rng.randint(100, 999)}/{'ว ' if rng.random() < 0.3 else ''}{rng.randint(1, 3000)}",
        letter_date=thaidate.local_date(when) - dt.timedelta(days=rng.randint(0, 5)),
        urgency=rng.choice([0, 0, 0, 1, 2, 3]), secrecy=rng.choice([1, 2]) if secret else 0,
        channel=rng.choice(["paper", "electronic", "electronic", "email"]) if not secret else "paper", **extra,
    )  # fmt: skip


def _route(ctx: DemoContext, letter: object, recent: bool) -> None:
    """Present, instruct, acknowledge, report done: each a while after the step before, in office
    hours, and nothing after the demo's now (a letter whose next step falls later waits there)."""
    rng, clerk, director = ctx.rng, ctx.users["clerk"], ctx.users["director"]
    if recent and rng.random() < 0.3:
        return  # still waiting for the clerk
    when = office_after(letter.registered_at, rng.randint(10, 240))
    if when > ctx.clock:
        return
    with ctx.at(when):
        services.letter_present(user=clerk, letter=letter)
    if recent and rng.random() < 0.3:
        return  # waiting for the director
    people = [ctx.users["supervisor"]] if rng.random() < 0.5 else rng.sample(ctx.supervisors, rng.randint(1, 2))
    names = ", ".join(p.profile.display_name for p in people)
    when = office_after(when, rng.randint(30, 900))
    if when > ctx.clock:
        return
    with ctx.at(when):
        services.letter_instruct(user=director, letter=letter, instruction=f"มอบ {names} ดำเนินการ", assignees=people)
    for assignment in letter.assignments.order_by("pk"):
        _carry_out(ctx, assignment, when, skip=recent and rng.random() < 0.5)


def _carry_out(ctx: DemoContext, assignment: object, instructed: dt.datetime, *, skip: bool) -> None:
    seen = office_after(instructed, ctx.rng.randint(20, 600))
    done = office_after(seen, ctx.rng.randint(60, 2400))
    if seen > ctx.clock:
        return
    with ctx.at(seen):
        services.assignment_acknowledge(user=assignment.assignee, assignment=assignment)
    if skip or done > ctx.clock:
        return
    with ctx.at(done):
        services.assignment_complete(
            user=assignment.assignee, assignment=assignment, result="ดำเนินการและแจ้งสถานศึกษาแล้ว"
        )


def seed(ctx: DemoContext) -> None:
    now = ctx.clock
    year_start = min(dt.date(now.year, 1, 1), thaidate.local_date(now) - dt.timedelta(days=60))
    old = dt.date(now.year - 2, 3, 1)
    for i, when in enumerate(_times(ctx, 8, old, _end_of(old + dt.timedelta(days=200)))):
        with ctx.at(when):
            _incoming(ctx, when, retention_years=1, remarks="เรื่องทั่วไป เก็บ 1 ปี" if i % 2 else "")
    times = _times(ctx, 220, year_start, now)
    for n, when in enumerate(times):
        with ctx.at(when):
            letter = _incoming(ctx, when)
        _route(ctx, letter, recent=n > len(times) - 30)
    _outgoing(ctx, year_start, now)
    _written(ctx)


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(16, 30), tzinfo=thaidate.BANGKOK)


def _outgoing(ctx: DemoContext, start: dt.date, now: dt.datetime) -> None:
    rng, clerk = ctx.rng, ctx.users["clerk"]
    clusters, schools = ctx.extra.get("clusters", []), ctx.extra.get("schools", [])
    plan = [("send", 80), ("circular", 25), ("order", 15)]
    for code, count in plan:
        for when in _times(ctx, count, start, now):
            owner = rng.choice(ctx.supervisors)
            targets = (
                list(rng.choice(clusters).schools.all())
                if clusters and code == "circular"
                else rng.sample(schools, min(len(schools), rng.randint(1, 3)))
            )
            with ctx.at(when):  # drafted and numbered the same working day
                draft = services.letter_draft_outgoing(
                    user=owner, register_code=code, subject=_subject(ctx) if code != "order" else f"แต่งตั้งคณะกรรมการ{rng.choice(THINGS)}",
                    schools=targets if code != "order" else [], recipient_text="ผู้เกี่ยวข้อง" if code == "order" else "",
                    document_type="directive" if code == "order" else "external", channel=rng.choice(["paper", "electronic"]),
                )  # fmt: skip
                services.letter_dispatch(user=clerk, letter=draft, now=when)
    for _ in range(3):  # drafts still waiting for a number
        services.letter_draft_outgoing(
            user=ctx.users["supervisor"], register_code="send", subject=_subject(ctx), schools=rng.sample(schools, 2)
        )
    _keeping(ctx)


def _keeping(ctx: DemoContext) -> None:
    from .models import Letter

    clerk = ctx.users["clerk"]
    some = list(Letter.objects.filter(register__code="receive", secrecy=0, status="done").order_by("pk")[:3])
    today = thaidate.local_date(ctx.clock)
    days = working_days(today - dt.timedelta(days=40), today)
    due = [days[-5], days[-1], next_working_day(next_working_day(today))]  # overdue, due today, not yet due
    for i, letter in enumerate(some):
        borrowing = keeping.borrowing_record(
            user=clerk, letter=letter, borrower=ctx.supervisors[i].profile.display_name, received_by=ctx.users["clerk"].profile.display_name,
            borrowed_on=days[-15 + i], due_on=due[i],
        )  # fmt: skip
        if i == 0:
            keeping.borrowing_return(user=clerk, borrowing=borrowing, returned_by=borrowing.borrower, returned_on=today)
    wrong = Letter.objects.filter(register__code="receive", status="registered").order_by("pk").first()
    if wrong:
        services.letter_cancel(user=clerk, letter=wrong, reason="ลงทะเบียนซ้ำกับเลขก่อนหน้า")
    typo = Letter.objects.filter(register__code="receive", status="done", secrecy=0).order_by("-pk").first()
    if typo:
        services.letter_update(user=clerk, letter=typo, reason="แก้ชื่อผู้ส่งให้ตรงกับต้นฉบับ", sender=f"{typo.sender} (ฉบับแก้ไข)")
    _destroy(ctx, today)


def _destroy(ctx: DemoContext, today: dt.date) -> None:
    """Half of last year's destruction list destroyed this year, after the committee's approval."""
    from .models import Letter

    list_year = thaidate.calendar_year_be(today) - 1
    listed = keeping.destruction_candidates(Letter.objects.filter(secrecy=0), list_year)
    order = Letter.objects.filter(register__code="order", number__isnull=False).order_by("year", "number").first()
    entries = list(listed[:4])
    if entries:
        keeping.destruction_record(
            user=ctx.users["clerk"], list_year=list_year, destroyed_on=today,
            approval_text=f"คำสั่งที่ {order.document_no if order else '1'}", approval_letter=order, letters=entries,
            committee="นายสมชาย ศรีสุวรรณ\nนางสาวสมศรี ประทุมวงศ์\nนายวิชัย เกษมสุข",
        )  # fmt: skip


# --- letters written in the system (chain.py): templates, and one letter in each state ----------------
VISIT_BODY = (
    "ด้วย{group} กำหนดออกนิเทศ ติดตามการจัดการเรียนรู้และการนิเทศภายในสถานศึกษา ภาคเรียนที่ 2 "
    "ปีการศึกษา {year} ในโรงเรียนของกลุ่มโรงเรียน ตามกำหนดการที่ส่งมาพร้อมนี้\n\n"
    "ในการนี้ จึงขอให้โรงเรียนเตรียมเอกสารหลักฐานการนิเทศภายใน แผนการจัดการเรียนรู้ และผลงานนักเรียน "
    "เพื่อรับการนิเทศตามวันและเวลาดังกล่าว\n\nจึงเรียนมาเพื่อโปรดทราบและดำเนินการ"
)
MEETING_BODY = (
    "ด้วย{group} จะจัดประชุมชี้แจงแนวทางการนิเทศ ติดตามและประเมินผลการจัดการศึกษา "
    "ในวันที่ ... เวลา 09.00 น. ณ ห้องประชุมสำนักงานเขตพื้นที่การศึกษา\n\n"
    "จึงขอเชิญท่านเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว\n\nจึงเรียนมาเพื่อโปรดทราบและเข้าร่วมประชุม"
)


def _templates(ctx: DemoContext) -> tuple:
    from core.models import OfficeProfile

    from . import chain
    from .models import LetterKind, LetterTemplate

    group, year = OfficeProfile.get().group_name, thaidate.academic_year(ctx.clock)
    clerk = ctx.users["clerk"]
    visit = chain.template_save(
        user=clerk, template=LetterTemplate(), name="แจ้งกำหนดการนิเทศ", kind=LetterKind.EXTERNAL,
        register_code="circular", subject="แจ้งกำหนดการนิเทศ ติดตามการจัดการเรียนรู้", addressee="",
        enclosures="กำหนดการนิเทศ จำนวน 1 ฉบับ", body=VISIT_BODY.format(group=group, year=year),
    )  # fmt: skip
    meeting = chain.template_save(
        user=clerk, template=LetterTemplate(), name="ขอเชิญประชุม", kind=LetterKind.EXTERNAL, register_code="send",
        subject="ขอเชิญประชุมชี้แจงแนวทางการนิเทศ", addressee="ผู้อำนวยการโรงเรียน",
        body=MEETING_BODY.format(group=group),
    )  # fmt: skip
    return visit, meeting


def _written(ctx: DemoContext) -> None:
    """Templates, and one written letter in each state: editing, in review, returned, signed (awaiting
    its number), a voided version with its correction, and one numbered and sent to a cluster."""
    from . import chain
    from .models import ApprovalRole

    clusters = ctx.extra.get("clusters", [])
    school_user = ctx.users.get("school")
    home = school_user.school_membership.school.cluster if school_user and clusters else None
    users, check, sign = ctx.users, ApprovalRole.CHECK, ApprovalRole.SIGN
    with ctx.at(ctx.clock):
        visit, meeting = _templates(ctx)

        def write(template: object, cluster: object, **parts: object) -> object:
            schools = list(cluster.schools.all()) if cluster else []
            return chain.letter_write(
                user=users["supervisor"], register_code=template.register_code, kind=template.kind, subject="",
                schools=schools, recipient_text="" if schools else "ผู้อำนวยการโรงเรียนในสังกัด", template=template,
                signer=users["executive"], **parts,
            )  # fmt: skip

        def submit(content: object) -> object:
            return chain.content_submit(
                user=users["supervisor"],
                content=content,
                chain=[(check, users["director"]), (sign, users["executive"])],
            )

        def approve_and_sign(content: object) -> object:
            first, last = content.approvals.filter(decision="pending").order_by("order")
            chain.approval_approve(user=users["director"], step=first, comment="ถูกต้อง เสนอลงนาม")
            return chain.approval_sign(user=users["executive"], step=last)

        others = [c for c in clusters if c != home] or [None]
        write(meeting, None)  # editing
        submit(write(visit, others[0 % len(others)]))  # waiting for the group director
        returned = submit(write(meeting, None))
        chain.approval_return(
            user=users["director"], step=returned.approvals.get(order=1), reason="ระบุวัน เวลา และสถานที่ประชุมให้ชัดเจน"
        )
        approve_and_sign(submit(write(visit, others[1 % len(others)])))  # signed, waiting for its number
        voided = approve_and_sign(submit(write(visit, others[2 % len(others)])))
        chain.content_new_version(user=users["supervisor"], content=voided, reason="แก้ไขวันนิเทศตามปฏิทินใหม่")
        sent = approve_and_sign(submit(write(visit, home)))
        paper = [] if home else [("ผู้อำนวยการโรงเรียนในสังกัด", "")]
        services.letter_dispatch(user=users["clerk"], letter=sent.letter, electronic=bool(home), paper=paper)
