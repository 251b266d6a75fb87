from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import thaidate
from qa import access, selectors, services
from qa.models import SarStatus

from .conftest import fill_sar

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_school_staff_open_fill_and_submit_their_own_sar(draft, school_user):
    assert draft.status == SarStatus.DRAFT
    assert draft.ratings.count() == 16  # the basic-education standards and sub-standards
    fill_sar(draft, school_user, levels={"1.1": 2})
    sar = services.sar_submit(user=school_user, sar=draft)
    assert sar.status == SarStatus.SUBMITTED and sar.submitted_by == school_user
    assert sar.ratings.get(standard__code="1.1").level == 2


def test_submitting_needs_every_level_and_the_texts_and_says_what_is_missing(draft, school_user):
    with pytest.raises(ValidationError, match="ยังไม่ได้ระบุระดับคุณภาพของมาตรฐาน") as exc:
        services.sar_submit(user=school_user, sar=draft)
    text = " ".join(exc.value.messages)
    assert "1.1" in text and "จุดเด่น" in text and "แผนพัฒนา" in text
    draft.refresh_from_db()
    assert draft.status == SarStatus.DRAFT


def test_school_staff_cannot_edit_after_submission(submitted, school_user):
    with pytest.raises(PermissionDenied, match="ส่งแล้ว"):
        fill_sar(submitted, school_user, default=5)
    assert submitted.ratings.filter(level=5).count() == 0


def test_school_staff_cannot_edit_or_submit_after_the_deadline(draft, school_user, past_deadline):
    with pytest.raises(PermissionDenied, match="เลยกำหนดส่ง"):
        fill_sar(draft, school_user)
    with pytest.raises(PermissionDenied, match="เลยกำหนดส่ง"):
        services.sar_submit(user=school_user, sar=draft)


def test_school_staff_can_edit_up_to_and_including_the_deadline_day(draft, school_user, users, year):
    services.sar_year_set(user=users["director"], academic_year=year, deadline=thaidate.today())
    fill_sar(draft, school_user)
    assert services.sar_submit(user=school_user, sar=draft).status == SarStatus.SUBMITTED


def test_school_staff_cannot_start_a_sar_after_the_deadline(school, school_user, past_deadline, year):
    with pytest.raises(ValidationError, match="เลยกำหนดส่ง"):
        services.sar_start(user=school_user, school=school, academic_year=year)


def test_school_staff_cannot_touch_another_schools_sar(other_school, school_user, users, year):
    other = services.sar_start(user=users["supervisor"], school=other_school, academic_year=year)
    with pytest.raises(PermissionDenied, match="คุณจัดทำ SAR ได้เฉพาะของสถานศึกษาของคุณ"):
        services.sar_start(user=school_user, school=other_school, academic_year=year + 1)
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูรายงานนี้เท่านั้น"):
        fill_sar(other, school_user)
    from django.http import Http404

    with pytest.raises(Http404, match="No SelfAssessmentReport matches the given query"):
        access.get_sar_for_user(school_user, other.pk)


def test_a_supervisor_reviews_with_comments_and_the_school_reads_them(submitted, users, school_user, client_for):
    sar = services.sar_review(user=users["supervisor"], sar=submitted, comment="ควรเพิ่มหลักฐานมาตรฐานที่ 3")
    assert sar.status == SarStatus.REVIEWED and sar.reviewed_by == users["supervisor"]
    page = client_for(school_user).get(reverse("qa:sar_detail", args=[sar.pk])).content.decode()
    assert "ควรเพิ่มหลักฐานมาตรฐานที่ 3" in page and "ตรวจแล้ว" in page


def test_a_draft_cannot_be_reviewed_and_a_review_needs_a_comment(draft, submitted, users):
    with pytest.raises(ValidationError, match="กรุณากรอกความเห็น"):
        services.sar_review(user=users["supervisor"], sar=submitted, comment="  ")


def test_reviewing_a_draft_is_refused(draft, users):
    with pytest.raises(ValidationError, match="เฉพาะรายงานที่สถานศึกษาส่งแล้ว"):
        services.sar_review(user=users["supervisor"], sar=draft, comment="ดี")


def test_only_supervisors_review(submitted, users):
    for role in ("clerk", "executive", "member", "school"):
        with pytest.raises(PermissionDenied, match="เฉพาะศึกษานิเทศก์ตรวจ SAR ได้"):
            services.sar_review(user=users[role], sar=submitted, comment="ดี")


def test_a_returned_sar_can_be_corrected_even_after_the_deadline(submitted, users, school_user, year):
    services.sar_year_set(user=users["director"], academic_year=year, deadline=thaidate.today() - dt.timedelta(days=1))
    sar = services.sar_return(user=users["supervisor"], sar=submitted, comment="แนบไฟล์ SAR ด้วย")
    assert sar.status == SarStatus.DRAFT
    fill_sar(sar, school_user, default=4)
    assert services.sar_submit(user=school_user, sar=sar).status == SarStatus.SUBMITTED


def test_the_sar_file_must_really_be_a_pdf(draft, school_user):
    fake = SimpleUploadedFile("report.pdf", b"PK\x03\x04 this is a zip", content_type="application/pdf")
    with pytest.raises(ValidationError, match="PDF"):
        services.sar_update(user=school_user, sar=draft, levels={}, file=fake)
    real = SimpleUploadedFile("รายงาน.pdf", PDF_BYTES, content_type="application/pdf")
    sar = services.sar_update(user=school_user, sar=draft, levels={}, file=real)
    assert sar.file.name.endswith(".pdf")


def test_the_sar_file_may_not_exceed_the_upload_limit(draft, school_user, settings):
    settings.UPLOAD_MAX_BYTES = 20
    big = SimpleUploadedFile("big.pdf", PDF_BYTES, content_type="application/pdf")
    with pytest.raises(ValidationError, match="เกินที่กำหนด"):
        services.sar_update(user=school_user, sar=draft, levels={}, file=big)


def test_the_edit_form_keeps_what_was_typed_when_the_file_is_refused(draft, school_user, client_for):
    rating = draft.ratings.first()
    response = client_for(school_user).post(
        reverse("qa:sar_edit", args=[draft.pk]),
        {
            f"level_{rating.standard_id}": "4",
            "strengths": "ห้องสมุดมีชีวิต",
            "action": "save",
            "file": SimpleUploadedFile("x.pdf", b"not a pdf at all", content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ไฟล์ SAR ไม่ใช่ PDF จริง" in page and "ห้องสมุดมีชีวิต" in page


def test_saving_and_submitting_through_the_form(draft, school_user, client_for):
    data = {f"level_{r.standard_id}": "3" for r in draft.ratings.all()}
    data.update(
        strengths="ครูทุ่มเท\nชุมชนมีส่วนร่วม", to_develop="การอ่าน", development_plan="โครงการรักการอ่าน", action="submit"
    )
    response = client_for(school_user).post(reverse("qa:sar_edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == SarStatus.SUBMITTED and draft.strengths == "ครูทุ่มเท\nชุมชนมีส่วนร่วม"


def test_the_not_submitted_list_shows_schools_without_a_sent_sar(submitted, other_school, users, client_for, year):
    missing = list(selectors.schools_not_submitted(users["supervisor"], year))
    assert missing == [other_school]
    page = client_for(users["supervisor"]).get(reverse("qa:sar_missing") + f"?year={year}").content.decode()
    assert other_school.name in page and submitted.school.name not in page.split("<tbody>")[1]


def test_changes_are_kept_in_the_audit_trail(submitted):
    statuses = list(submitted.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[0] == SarStatus.DRAFT and statuses[-1] == SarStatus.SUBMITTED
