"""The small forms posted from a group event's page: cancelling, attaching evidence (checked like a visit's)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from supervision.models import EventEvidence, GroupEvent

from .test_events import SUP, event, types  # noqa: F401 - the fixture is used by name
from .test_evidence_uploads import PDF

CAPTION = "  ภาพบรรยากาศการนิเทศแบบพบกลุ่ม “สวัสดีคุณครู” ณ หอประชุมโรงเรียนบ้านหนองบัวแดงวิทยาคาร  "


def test_cancelling_through_the_page_keeps_the_event_with_its_reason(users, types, school, client_for):  # noqa: F811
    e = event(users, types, schools=[school], hold=False)
    response = client_for(users[SUP]).post(
        reverse("supervision:event_cancel", args=[e.pk]), {"reason": "ฝนตกหนัก น้ำท่วมเส้นทางเข้าโรงเรียน"}, follow=True
    )
    e = GroupEvent.objects.get(pk=e.pk)
    assert (e.status, e.cancel_reason) == ("cancelled", "ฝนตกหนัก น้ำท่วมเส้นทางเข้าโรงเรียน")
    assert "ยกเลิกกิจกรรมแล้ว" in response.content.decode()


def test_cancelling_without_a_reason_is_refused_in_thai(users, types, school, client_for):  # noqa: F811
    e = event(users, types, schools=[school], hold=False)
    response = client_for(users[SUP]).post(
        reverse("supervision:event_cancel", args=[e.pk]), {"reason": ""}, follow=True
    )
    assert GroupEvent.objects.get(pk=e.pk).status == "draft"
    assert "ฟิลด์นี้จำเป็น" in response.content.decode()


def test_an_event_evidence_keeps_its_thai_name_and_a_trimmed_caption(users, types, school, client_for):  # noqa: F811
    e = event(users, types, schools=[school], hold=False)
    upload = SimpleUploadedFile("สรุปผลการประชุมเครือข่าย.pdf", PDF, content_type="application/pdf")
    response = client_for(users[SUP]).post(
        reverse("supervision:event_evidence_upload", args=[e.pk]), {"file": upload, "caption": CAPTION}, follow=True
    )
    evidence = EventEvidence.objects.get(event=e)
    assert (evidence.original_name, evidence.content_type) == ("สรุปผลการประชุมเครือข่าย.pdf", "application/pdf")
    assert evidence.caption == CAPTION.strip() and evidence.uploaded_by == users[SUP]
    assert "แนบหลักฐานแล้ว" in response.content.decode()


def test_a_file_dressed_up_as_a_pdf_is_refused_in_thai_and_nothing_is_stored(users, types, school, client_for):  # noqa: F811
    e = event(users, types, schools=[school], hold=False)
    upload = SimpleUploadedFile("รายงาน.pdf", b"just some text, not a PDF" * 10, content_type="application/pdf")
    response = client_for(users[SUP]).post(
        reverse("supervision:event_evidence_upload", args=[e.pk]), {"file": upload}, follow=True
    )
    assert not EventEvidence.objects.filter(event=e).exists()
    assert "ไม่ใช่ PDF จริง" in response.content.decode()
