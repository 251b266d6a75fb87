"""The register printout (แบบที่ 13/14): columns, density, and entries as stored."""

from __future__ import annotations

import pytest

from core import documents, thaidate
from core import services as core_services
from core.models import DocumentJob
from correspondence import services
from tests.helpers import compact, pdf_compact, pdf_page_count

LONG_TO = "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"


def _print(user, register: str, django_capture_on_commit_callbacks) -> DocumentJob:
    today = thaidate.format_numeric(thaidate.today())
    params = documents.get_kind("correspondence.register").params_from(
        {"register": register, "date_from": today, "date_to": today}
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind="correspondence.register", params=params)
    job = DocumentJob.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    return job


def test_the_receive_register_prints_the_columns_of_form_13_in_order(
    users, incoming, django_capture_on_commit_callbacks
):
    incoming(subject="ขอเชิญประชุมคณะทำงาน")
    text = pdf_compact(_print(users["clerk"], "receive", django_capture_on_commit_callbacks).result.path)
    header_row = "วันที่ เลขทะเบียนรับ ที่ ลงวันที่ จาก ถึง เรื่อง การปฏิบัติ หมายเหตุ"
    assert "แบบที่13" + compact(header_row) in text  # the subtitle, then the header row in the form's order
    assert "ขอเชิญประชุมคณะทำงาน" in text


def test_the_send_register_names_its_number_column_for_sending(users, office, django_capture_on_commit_callbacks):
    services.letter_issue_outgoing(user=users["clerk"], register_code="send", subject="แจ้งผล", recipient_text="ผอ.")
    text = pdf_compact(_print(users["clerk"], "send", django_capture_on_commit_callbacks).result.path)
    assert "เลขทะเบียนส่ง" in text and "แบบที่14" in text and "ศธ04123/1" in text


def test_a_cancelled_entry_is_printed_with_its_number_and_reason(users, incoming, django_capture_on_commit_callbacks):
    letter = incoming(subject="หนังสือที่ลงซ้ำ")
    services.letter_cancel(user=users["clerk"], letter=letter, reason="ลงทะเบียนซ้ำกับเลข 9")
    text = pdf_compact(_print(users["clerk"], "receive", django_capture_on_commit_callbacks).result.path)
    assert "หนังสือที่ลงซ้ำ" in text and compact("ลงทะเบียนซ้ำกับเลข 9") in text


@pytest.mark.parametrize("entries", [40])
def test_at_least_ten_typical_entries_fit_on_a_landscape_page(
    entries, users, incoming, django_capture_on_commit_callbacks
):
    for n in range(entries):
        incoming(subject=f"แจ้งผลการประเมินการพัฒนาครูด้านสะเต็มศึกษา ครั้งที่ {n}/2569", recipient_text=LONG_TO,
                 sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", external_no=f"ศธ 04169/{3000 + n}")  # fmt: skip
    job = _print(users["clerk"], "receive", django_capture_on_commit_callbacks)
    assert pdf_page_count(job.result.path) <= entries // 10  # the issue's floor, met with real routing too
    text = pdf_compact(job.result.path)
    assert all(f"ศธ04169/{3000 + n}" in text for n in range(entries))  # every entry is there, none cut off
