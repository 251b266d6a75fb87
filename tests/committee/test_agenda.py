from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from committee import selectors, services
from committee.models import ResolutionStatus, Section
from core import documents

from .conftest import hold

BROKEN_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_new_agenda_has_five_sections_and_links_the_previous_minutes(make_meeting):
    first = make_meeting(dt.date(2026, 2, 1))
    second = make_meeting(dt.date(2026, 4, 1))
    tree = selectors.agenda_tree(second)
    assert [s["label"] for s in tree] == [
        "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "เรื่องรับรองรายงานการประชุม",
        "เรื่องสืบเนื่อง",
        "เรื่องเพื่อพิจารณา",
        "เรื่องอื่น ๆ",
    ]
    (minutes_item,) = tree[1]["items"]
    assert minutes_item.previous_meeting == first
    assert "ครั้งที่ 1/2569" in minutes_item.title
    assert selectors.agenda_tree(first)[1]["items"] == []


def test_the_previous_minutes_skip_a_cancelled_meeting(secretary, make_meeting):
    first = make_meeting(dt.date(2026, 2, 1))
    cancelled = make_meeting(dt.date(2026, 3, 1))
    services.meeting_cancel(user=secretary, meeting=cancelled, reason="เลื่อน")
    third = make_meeting(dt.date(2026, 4, 1))
    assert third.items.get(section=Section.MINUTES).previous_meeting == first


def test_unfinished_resolutions_are_carried_into_section_3(secretary, make_meeting):
    earlier = make_meeting(dt.date(2026, 1, 10))
    item = services.item_add(user=secretary, meeting=earlier, section=4, title="แผนนิเทศภาคเรียนที่ 2")
    hold(secretary, earlier)
    services.item_record(user=secretary, item=item, record="อภิปราย", resolution="เห็นชอบ ให้ปรับปฏิทิน")
    open_one = services.resolution_add(user=secretary, item=item, responsible="นางอัญชลี เลขาดี")
    in_progress = services.resolution_add(user=secretary, item=item, text="จัดทำคู่มือ")
    services.followup_add(
        user=secretary,
        resolution=in_progress,
        date=dt.date(2026, 2, 1),
        note="ร่างเสร็จร้อยละ 50",
        status=ResolutionStatus.IN_PROGRESS,
    )
    done = services.resolution_add(user=secretary, item=item, text="แจ้งโรงเรียน")
    services.resolution_update(
        user=secretary, resolution=done, responsible="", due_date=None, status=ResolutionStatus.DONE
    )

    later = make_meeting(dt.date(2026, 3, 10))
    carried = list(later.items.filter(section=Section.CARRIED_OVER))
    assert {i.carried_from for i in carried} == {open_one, in_progress}
    by_source = {i.carried_from: i for i in carried}
    assert "มติที่ประชุมครั้งที่ 1/2569: เห็นชอบ ให้ปรับปฏิทิน" in by_source[open_one].summary
    assert by_source[open_one].presenter == "นางอัญชลี เลขาดี"
    assert "ร่างเสร็จร้อยละ 50" in by_source[in_progress].summary
    assert services.agenda_carry_over(user=secretary, meeting=later) == 0  # never twice


def test_a_resolution_opened_after_the_agenda_was_drafted_can_be_pulled_in(secretary, make_meeting):
    earlier = make_meeting(dt.date(2026, 1, 10))
    item = services.item_add(user=secretary, meeting=earlier, section=4, title="เรื่องหนึ่ง")
    later = make_meeting(dt.date(2026, 3, 10))
    hold(secretary, earlier)
    services.resolution_add(user=secretary, item=item, text="ติดตามผล")
    assert later.items.filter(section=Section.CARRIED_OVER).count() == 0
    assert services.agenda_carry_over(user=secretary, meeting=later) == 1


def test_sub_items_are_numbered_under_their_item(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 5, 1))
    first = services.item_add(user=secretary, meeting=meeting, section=4, title="ก")
    second = services.item_add(user=secretary, meeting=meeting, section=4, title="ข")
    sub = services.item_add(user=secretary, meeting=meeting, section=1, title="ข ย่อย", parent=second)
    assert (first.number, second.number, sub.number) == ("4.1", "4.2", "4.2.1")
    with pytest.raises(ValidationError, match="เรื่องย่อยต้องอยู่ใต้เรื่องหลัก"):
        services.item_add(user=secretary, meeting=meeting, section=4, title="ลึกเกิน", parent=sub)
    services.item_move(user=secretary, item=second, up=True)
    second.refresh_from_db()
    first.refresh_from_db()
    assert (second.number, first.number) == ("4.1", "4.2")


def test_a_pdf_attachment_is_checked_by_its_content(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 5, 1))
    item = services.item_add(user=secretary, meeting=meeting, section=4, title="ก")
    fake = SimpleUploadedFile("แผน.pdf", b"MZ this is an exe renamed", content_type="application/pdf")
    with pytest.raises(ValidationError, match="ไม่ใช่ PDF จริง"):
        services.attachment_add(user=secretary, item=item, upload=fake)
    text = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    with pytest.raises(ValidationError, match="ไม่ใช่ชนิดที่รับได้"):
        services.attachment_add(user=secretary, item=item, upload=text)
    broken = SimpleUploadedFile("broken.pdf", BROKEN_PDF)
    with pytest.raises(ValidationError, match="อ่านไฟล์ PDF “broken.pdf” ไม่ได้"):
        services.attachment_add(user=secretary, item=item, upload=broken)
    pdf = documents.html_to_pdf("<p>แผน</p>")
    real = services.attachment_add(
        user=secretary, item=item, upload=SimpleUploadedFile("plan.pdf", pdf), title="แผนนิเทศ"
    )
    assert real.is_pdf and real.mime == "application/pdf" and real.size == len(pdf)


def test_a_published_agenda_keeps_its_items(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 5, 1))
    item = services.item_add(user=secretary, meeting=meeting, section=4, title="ก")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    with pytest.raises(ValidationError, match="ลบเรื่องได้เฉพาะระเบียบวาระที่ยังเป็นร่าง"):
        services.item_remove(user=secretary, item=item)
