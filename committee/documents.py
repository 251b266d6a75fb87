"""Background documents of the committee: agenda, minutes and the annual report."""

from __future__ import annotations

from core import documents, thaidate

from . import access, selectors
from .formatting import clock, meeting_day
from .information_figures import information_chapter
from .models import AttendanceKind, BodyKind, Meeting


def _meeting_params(data: dict) -> dict:
    value = str(data.get("meeting") or "")
    if not value.isdigit():
        raise documents.DocumentError("ไม่ได้ระบุการประชุม")
    return {"meeting": int(value)}


def _visible_meeting(user, params: dict) -> Meeting | None:  # noqa: ANN001
    pk = params.get("meeting")
    return selectors.meetings_visible_to(user).filter(pk=pk).first() if pk else None


def _meeting_for_job(job) -> Meeting:  # noqa: ANN001
    meeting = Meeting.objects.filter(pk=job.params.get("meeting")).first()
    if meeting is None:
        raise documents.DocumentError("ไม่พบการประชุมที่ขอ")
    return meeting


def committee_title(meeting: Meeting) -> dict:
    """The committee's name and the office's name as the title prints them (the office left out if already named)."""
    from core.models import OfficeProfile

    heading = meeting.title.removeprefix("การประชุม").strip()
    office = OfficeProfile.get().office_name.strip()
    return {"committee_name": heading, "committee_office": "" if office in heading else office}


def _meeting_context(meeting: Meeting) -> dict:
    return {"meeting": meeting, "day": meeting_day(meeting.date), "start": clock(meeting.start_time),
            **committee_title(meeting), "sections": selectors.agenda_tree(meeting)}  # fmt: skip


def _meeting_name(meeting: Meeting) -> str:
    """'การประชุม ก.ต.ป.น.' for the committee (as before); another body's meetings by their own title."""
    if meeting.body.kind == BodyKind.KTPN:
        return "การประชุม ก.ต.ป.น."
    return meeting.body.title_for_meetings


def _agenda_title(params: dict) -> str:
    meeting = Meeting.objects.filter(pk=params.get("meeting")).first()
    return f"ระเบียบวาระ{_meeting_name(meeting)} ครั้งที่ {meeting.number_display}" if meeting else "ระเบียบวาระการประชุม"


def _build_agenda(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    meeting = _meeting_for_job(job)
    progress(20, "กำลังรวบรวมระเบียบวาระ")
    attachments = selectors.pdf_attachments(meeting)
    html = documents.render_html("documents/committee_agenda.html", {
        **_meeting_context(meeting), "title": job.title, "bundled": attachments,
    })  # fmt: skip
    progress(50, f"กำลังรวมเอกสารประกอบ {len(attachments)} ไฟล์")
    return documents.RenderedDocument(
        html=html, filename=f"agenda-{meeting.year}-{meeting.number}.pdf",
        append_pdfs=[a.file for a in attachments],
    )  # fmt: skip


def _minutes_title(params: dict) -> str:
    meeting = Meeting.objects.filter(pk=params.get("meeting")).first()
    return f"รายงาน{_meeting_name(meeting)} ครั้งที่ {meeting.number_display}" if meeting else "รายงานการประชุม"


def attendance_groups(meeting: Meeting) -> dict:
    rows = list(meeting.attendance.select_related("member"))
    rank = {m.pk: i for i, m in enumerate(selectors.members_ordered())}
    rows.sort(key=lambda r: (rank.get(r.member_id, 999), r.pk))
    present_kinds = (AttendanceKind.PRESENT, AttendanceKind.SUBSTITUTE)
    return {
        "present": [r for r in rows if r.kind in present_kinds],
        "absent": [r for r in rows if r.kind == AttendanceKind.ABSENT],
        "guests": [r for r in rows if r.kind == AttendanceKind.GUEST],
    }


def attendance_lists(meeting: Meeting) -> dict:
    """Form 11's three lists, each line as name | position | role."""
    return {key: [_person(r) for r in rows] for key, rows in attendance_groups(meeting).items()}


def _spaced_name(member) -> str:  # noqa: ANN001
    """A rank or academic title ('ว่าที่ร้อยตรี', 'ผศ.ดร.') set off by a space, so a narrow cell may wrap after it."""
    if member.prefix in ("นาย", "นาง", "นางสาว"):
        return member.full_name
    return f"{member.prefix} {member.first_name} {member.last_name}"


def _person(row) -> dict:  # noqa: ANN001
    """One line of form 11's lists as name | position | role (ชื่อ | ตำแหน่ง | ตำแหน่งในคณะกรรมการ)."""
    member = row.member
    if row.kind == AttendanceKind.SUBSTITUTE:
        return {"name": row.name, "position": row.job_title, "role": f"แทน {member.full_name}",
                "note": member.get_position_display()}  # fmt: skip
    if row.kind == AttendanceKind.GUEST:
        return {"name": row.name, "position": row.job_title, "role": "", "note": ""}
    note = row.reason if row.kind == AttendanceKind.ABSENT else ""
    return {"name": _spaced_name(member), "position": member.job_title, "role": member.get_position_display(),
            "note": note}  # fmt: skip


def _build_minutes(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    meeting = _meeting_for_job(job)
    minutes = getattr(meeting, "minutes", None)
    if minutes is None:
        raise documents.DocumentError("การประชุมครั้งนี้ยังไม่มีรายงานการประชุม")
    progress(30, "กำลังจัดทำรายงานการประชุม")
    html = documents.render_html("documents/committee_minutes.html", {
        **_meeting_context(meeting), **attendance_lists(meeting), "title": job.title, "minutes": minutes,
        "meeting_date": thaidate.format_full(meeting.date),
        "started": clock(minutes.started_at), "ended": clock(minutes.ended_at),
        "corrections": minutes.corrections.select_related("item").filter(item__isnull=True),
        "signers": [
            {"name": minutes.recorder_name, "position": minutes.recorder_title, "role": "ผู้จดรายงานการประชุม"},
            {"name": minutes.checker_name, "position": minutes.checker_title, "role": "ผู้ตรวจรายงานการประชุม"},
        ],
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"minutes-{meeting.year}-{meeting.number}.pdf")


def _can_request_minutes(user, params: dict) -> bool:  # noqa: ANN001
    meeting = _visible_meeting(user, params)
    return meeting is not None and access.can_see_minutes(user, meeting)


documents.register(documents.DocumentKind(
    kind="committee.agenda", label="ระเบียบวาระการประชุม ก.ต.ป.น.", build=_build_agenda,
    can_request=lambda user, params: _visible_meeting(user, params) is not None,
    title=_agenda_title, parse_params=_meeting_params, publishable=True,
))  # fmt: skip
documents.register(documents.DocumentKind(
    kind="committee.minutes", label="รายงานการประชุม ก.ต.ป.น.", build=_build_minutes,
    can_request=_can_request_minutes, title=_minutes_title, parse_params=_meeting_params, archival=True,
    publishable=True,
))  # fmt: skip


def _report_params(data: dict) -> dict:
    value = str(data.get("report") or "")
    if not value.isdigit():
        raise documents.DocumentError("ไม่ได้ระบุรายงาน")
    return {"report": int(value)}


def _report_title(params: dict) -> str:
    from .models import AnnualReport

    report = AnnualReport.objects.filter(pk=params.get("report")).first()
    base = "รายงานผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา"
    return f"{base} ปีงบประมาณ {report.fiscal_year}" if report else base


def build_annual_report_html(report, progress=None) -> str:  # noqa: ANN001
    from .annual_report import report_context

    ctx = report_context(report, progress)
    return documents.render_html(
        "documents/committee_annual_report.html", {**ctx, "title": _report_title({"report": report.pk})}
    )


def _build_report(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    from .models import AnnualReport

    report = AnnualReport.objects.filter(pk=job.params.get("report")).first()
    if report is None:
        raise documents.DocumentError("ไม่พบรายงานที่ขอ")
    html = build_annual_report_html(report, progress)
    progress(70, "กำลังจัดหน้ารายงาน")
    return documents.RenderedDocument(html=html, filename=f"annual-report-{report.fiscal_year}.pdf")


documents.register(documents.DocumentKind(
    kind="committee.annual_report", label="รายงานประจำปี ก.ต.ป.น.", build=_build_report,
    can_request=lambda user, params: selectors.reports_visible_to(user).filter(pk=params.get("report") or 0).exists(),
    title=_report_title, parse_params=_report_params, archival=True, publishable=True,
))  # fmt: skip


# --- The information system in four domains (สารสนเทศ 4 ด้าน) as its own document -------------------


def _information_params(data: dict) -> dict:
    year = thaidate.be_year(data.get("fiscal_year"))
    if year is None:
        raise documents.DocumentError("กรุณาระบุปีงบประมาณเป็นปี พ.ศ. เช่น 2569")
    return {"fiscal_year": year}


def _information_title(params: dict) -> str:
    return f"สารสนเทศการจัดการศึกษา 4 ด้าน ปีงบประมาณ {params.get('fiscal_year', '')}".strip()


def _build_information(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    year = job.params["fiscal_year"]
    progress(20, "กำลังรวบรวมข้อมูลจากระบบ")
    html = documents.render_html("documents/committee_information.html", {
        "fiscal_year": year, "information": information_chapter(year), "title": _information_title(job.params),
    })  # fmt: skip
    progress(70, "กำลังจัดหน้าเอกสาร")
    return documents.RenderedDocument(html=html, filename=f"information-{year}.pdf")


documents.register(documents.DocumentKind(
    kind="committee.information", label="สารสนเทศการจัดการศึกษา 4 ด้าน", build=_build_information,
    can_request=lambda user, params: access.can_read(user), title=_information_title,
    parse_params=_information_params, publishable=True,
))  # fmt: skip
