from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from committee import services
from committee.models import AttendanceKind
from core import documents
from core import services as core_services
from core.models import JobStatus
from tests.helpers import compact, pdf_compact, pdf_page_count

from .conftest import hold


def _pdf(text: str) -> bytes:
    return documents.html_to_pdf(f'<html><body style="font-family: Sarabun"><p>{text}</p></body></html>')


def _render(django_capture_on_commit_callbacks, user, kind: str, meeting):
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind=kind, params={"meeting": meeting.pk})
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job.result.path


def test_agenda_pdf_lists_the_sections_and_bundles_pdf_attachments(
    django_capture_on_commit_callbacks, secretary, make_meeting
):
    make_meeting(dt.date(2026, 1, 15))
    meeting = make_meeting(dt.date(2026, 2, 20), place="ห้องประชุมราชพฤกษ์")
    item = services.item_add(
        user=secretary,
        meeting=meeting,
        section=4,
        title="พิจารณาแผนการนิเทศ ปีการศึกษา 2569",
        presenter="กลุ่มนิเทศฯ",
        proposed_resolution="เพื่อโปรดพิจารณาให้ความเห็นชอบ",
    )
    services.item_add(user=secretary, meeting=meeting, section=4, title="ปฏิทินการนิเทศ", parent=item)
    services.attachment_add(
        user=secretary, item=item, title="ร่างแผนนิเทศ", upload=SimpleUploadedFile("plan.pdf", _pdf("ภาคผนวกแผนนิเทศ"))
    )
    services.attachment_add(
        user=secretary,
        item=item,
        title="ภาพกิจกรรม",
        upload=SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    )
    path = _render(django_capture_on_commit_callbacks, secretary, "committee.agenda", meeting)
    found = pdf_compact(path)
    assert compact("ระเบียบวาระการประชุม") in found and compact("ครั้งที่ 2/2569") in found
    assert compact("วันศุกร์ที่ 20 กุมภาพันธ์ 2569") in found and compact("ห้องประชุมราชพฤกษ์") in found
    for heading in (
        "ระเบียบวาระที่1เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "ระเบียบวาระที่2เรื่องรับรองรายงานการประชุม",
        "ระเบียบวาระที่3เรื่องสืบเนื่อง",
        "ระเบียบวาระที่4เรื่องเพื่อพิจารณา",
        "ระเบียบวาระที่5เรื่องอื่นๆ",
    ):
        assert compact(heading) in found
    assert compact("4.1พิจารณาแผนการนิเทศปีการศึกษา2569") in found and compact("4.1.1ปฏิทินการนิเทศ") in found
    assert compact("รับรองรายงานการประชุมครั้งที่1/2569") in found
    assert compact("ร่างแผนนิเทศ(แนบท้าย)") in found and compact("ภาพกิจกรรม(แนบท้าย)") not in found
    assert compact("ภาคผนวกแผนนิเทศ") in found  # the attachment's own text, appended
    assert pdf_page_count(path) == 2


def test_minutes_pdf_follows_form_11(django_capture_on_commit_callbacks, secretary, make_meeting, committee_members):
    chair, principal, expert, _ = committee_members
    meeting = make_meeting(dt.date(2026, 3, 2), place="ห้องประชุมสำนักงานเขต")
    item = services.item_add(user=secretary, meeting=meeting, section=4, title="ผลการนิเทศภาคเรียนที่ 2")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    services.attendance_set(user=secretary, meeting=meeting, member=chair, kind=AttendanceKind.PRESENT)
    services.attendance_set(
        user=secretary,
        meeting=meeting,
        member=principal,
        kind=AttendanceKind.SUBSTITUTE,
        name="นายสมปอง แทนดี",
        job_title="รองผู้อำนวยการโรงเรียน",
    )
    services.attendance_set(
        user=secretary, meeting=meeting, member=expert, kind=AttendanceKind.ABSENT, reason="ติดภารกิจต่างประเทศ"
    )
    services.guest_add(user=secretary, meeting=meeting, name="นางสาวรับเชิญ ร่วมประชุม", job_title="นักวิเคราะห์นโยบาย")
    hold(secretary, meeting)
    services.item_record(
        user=secretary, item=item, record="ฝ่ายเลขานุการรายงานผลการนิเทศ", resolution="ที่ประชุมรับทราบและให้ขยายผล"
    )
    services.minutes_update(
        user=secretary,
        minutes=meeting.minutes,
        started_at=dt.time(9, 0),
        ended_at=dt.time(11, 45),
        recorder_name="นางอัญชลี เลขาดี",
        checker_name="นายธนพล นำทาง",
    )
    found = pdf_compact(_render(django_capture_on_commit_callbacks, secretary, "committee.minutes", meeting))
    for part in (
        "รายงานการประชุมคณะกรรมการติดตามตรวจสอบประเมินผลและนิเทศการศึกษา",
        "ครั้งที่1/2569",
        "เมื่อวันที่2มีนาคม2569",
        "ณห้องประชุมสำนักงานเขต",
        "ผู้มาประชุม",
        "นายวิชาญศึกษาดี",
        "นายสมปองแทนดี",
        "แทนนางมาลีใจงาม",
        "ผู้ไม่มาประชุม",
        "ติดภารกิจต่างประเทศ",
        "ผู้เข้าร่วมประชุม",
        "นางสาวรับเชิญร่วมประชุม",
        "เริ่มประชุมเวลา09.00น.",
        "มติที่ประชุมที่ประชุมรับทราบและให้ขยายผล",
        "เลิกประชุมเวลา11.45น.",
        "ผู้จดรายงานการประชุม",
        "ผู้ตรวจรายงานการประชุม",
        "นายธนพลนำทาง",
        "(ร่างยังไม่ได้รับรอง)",
    ):
        assert compact(part) in found, part


def test_approved_minutes_print_the_approval_and_corrections(
    django_capture_on_commit_callbacks, secretary, make_meeting
):
    first = make_meeting(dt.date(2026, 3, 2))
    item = services.item_add(user=secretary, meeting=first, section=4, title="เรื่องหนึ่ง")
    hold(secretary, first)
    services.item_record(user=secretary, item=item, record="บันทึก", resolution="เห็นชอบ")
    services.minutes_update(user=secretary, minutes=first.minutes, ended_at=dt.time(12, 0))
    second = make_meeting(dt.date(2026, 4, 2))
    hold(secretary, second)
    services.minutes_approve(user=secretary, minutes=first.minutes, at_meeting=second)
    services.minutes_add_correction(
        user=secretary, minutes=first.minutes, item=item, text="แก้คำว่าเห็นชอบเป็นเห็นชอบในหลักการ"
    )
    found = pdf_compact(_render(django_capture_on_commit_callbacks, secretary, "committee.minutes", first))
    assert compact("ที่ประชุมรับรองรายงานการประชุมนี้ในการประชุมครั้งที่2/2569") in found
    assert compact("มติที่ประชุมเห็นชอบ") in found and compact("แก้คำว่าเห็นชอบเป็นเห็นชอบในหลักการ") in found
    assert compact("(ร่างยังไม่ได้รับรอง)") not in found


def test_members_cannot_request_a_draft_agenda_or_unapproved_minutes(users, secretary, make_meeting):
    from django.core.exceptions import PermissionDenied

    meeting = make_meeting(dt.date(2026, 3, 2))
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(user=users["member"], kind="committee.agenda", params={"meeting": meeting.pk})
    hold(secretary, meeting)
    core_services.document_request(user=users["member"], kind="committee.agenda", params={"meeting": meeting.pk})
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(user=users["member"], kind="committee.minutes", params={"meeting": meeting.pk})
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(user=users["school"], kind="committee.agenda", params={"meeting": meeting.pk})
