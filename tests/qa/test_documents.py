from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from core import services as core_services
from core.models import JobStatus
from tests.helpers import pdf_compact, pdf_text

from .test_synthesis import YEAR, district  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_the_district_sar_synthesis_is_rendered_to_a_pdf_with_thai_text(
    django_capture_on_commit_callbacks,
    users,
    district,  # noqa: F811
):
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=users["supervisor"], kind="qa.sar_synthesis", params={"year": YEAR})
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    text, compact = pdf_text(job.result.path), pdf_compact(job.result.path)
    assert "ปีการศึกษา 2567" in text
    assert "สรุปผลการประเมินตนเองของสถานศึกษา" in compact
    assert "สถานศึกษาส่งรายงานผลการประเมินตนเอง4แห่งจากทั้งหมด7แห่ง" in compact
    assert "กระบวนการจัดการเรียนการสอนที่เน้นผู้เรียนเป็นสำคัญ" in compact
    assert "โรงเรียนส1" in compact and "โรงเรียนส3" in compact
    # recurring phrases with their school counts (phrases chosen without stacked marks, which
    # PDF text extraction reorders)
    assert "การใช้เทคโนโลยี2" in compact and "ผลสัมฤทธิ์คณิตศาสตร์ต่ำ2" in compact and "อาคารสถานที่สะอาด1" in compact
    assert "กลุ่มเอ" in compact and "ดีเลิศ" in compact
    # standard 1: กำลังพัฒนา 0, ปานกลาง 2, ดี 0, ดีเลิศ 1, ยอดเยี่ยม 1, total 4 (see test_synthesis)
    assert "มาตรฐานที่1คุณภาพของผู้เรียน020114" in compact


def test_a_year_without_sent_sars_fails_with_a_reason(django_capture_on_commit_callbacks, users):
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=users["director"], kind="qa.sar_synthesis", params={"year": 2500})
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "ยังไม่มี SAR ปีการศึกษา 2500" in job.error


def test_school_staff_cannot_request_the_district_synthesis(users):
    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        core_services.document_request(user=users["school"], kind="qa.sar_synthesis", params={"year": YEAR})
