from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from core import documents, services
from core.models import DocumentJob, JobStatus, OfficeProfile
from tests.helpers import pdf_compact, pdf_text


def _wait_done(job: DocumentJob) -> DocumentJob:
    job.refresh_from_db()
    return job


@pytest.fixture
def failing_kind():
    def build(job, progress):
        raise documents.DocumentError("ข้อมูลไม่พอสำหรับสร้างเอกสาร")

    documents.register(
        documents.DocumentKind(kind="test.failing", label="เอกสารที่สร้างไม่ได้", build=build, can_request=lambda u, p: True)
    )
    yield "test.failing"
    documents._REGISTRY.pop("test.failing")


def test_school_directory_is_rendered_to_a_pdf_with_thai_text(
    django_capture_on_commit_callbacks, users, school, other_school
):
    office = OfficeProfile.get()
    office.office_name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 1"
    office.save()
    with django_capture_on_commit_callbacks(execute=True):
        job = services.document_request(user=users["supervisor"], kind="schools.school_directory")
    job = _wait_done(job)
    assert job.status == JobStatus.DONE, job.error
    assert job.progress == 100
    text = pdf_text(job.result.path)
    compact = pdf_compact(job.result.path)
    assert "ทำเนียบสถานศึกษาแยกตามกลุ่มโรงเรียน" in text
    assert "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 1" in text
    assert "โรงเรียนบ้านทดสอบ" in compact and "โรงเรียนบ้านอื่น" in compact
    assert "กลุ่มทดสอบหนึ่ง" in text
    assert "พิมพ์เมื่อ" not in text  # an official record carries no print-time footer
    assert "รวม 2 แห่ง" in text


def test_office_setting_prints_thai_numerals(django_capture_on_commit_callbacks, users, school):
    office = OfficeProfile.get()
    office.thai_numerals = True
    office.save()
    with django_capture_on_commit_callbacks(execute=True):
        job = services.document_request(user=users["supervisor"], kind="schools.school_directory")
    text = pdf_text(_wait_done(job).result.path)
    assert "๑๐๙๙๐๐๐๐๐๑" in text  # the school code
    assert "1099000001" not in text


def test_a_job_is_enqueued_only_when_the_transaction_commits(django_capture_on_commit_callbacks, users):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = services.document_request(user=users["supervisor"], kind="schools.school_directory")
    assert len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED


def test_a_failed_job_says_why_and_can_be_retried(django_capture_on_commit_callbacks, users, failing_kind, client_for):
    user = users["supervisor"]
    with django_capture_on_commit_callbacks(execute=True):
        job = services.document_request(user=user, kind=failing_kind)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "ข้อมูลไม่พอสำหรับสร้างเอกสาร"
    client = client_for(user)
    page = client.get(reverse("core:documents")).content.decode()
    assert "ข้อมูลไม่พอสำหรับสร้างเอกสาร" in page and "ลองใหม่" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:document_retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 2


def test_retrying_a_finished_job_is_refused(users):
    job = DocumentJob.objects.create(
        kind="schools.school_directory", title="x", requested_by=users["clerk"], status=JobStatus.DONE
    )
    with pytest.raises(Exception, match="ลองใหม่ได้เฉพาะงานที่ไม่สำเร็จ"):
        services.document_job_retry(user=users["clerk"], job=job)


def test_the_sweeper_fails_jobs_stuck_past_their_limit(users, settings):
    now = timezone.now()
    user = users["clerk"]
    stuck = DocumentJob.objects.create(
        kind="k",
        title="ค้าง",
        requested_by=user,
        status=JobStatus.RUNNING,
        started_at=now - dt.timedelta(seconds=settings.DOCUMENT_TIME_LIMIT + 300),
        heartbeat_at=now,  # still beating, yet past its limit (stale heartbeats: test_worker_resilience.py)
    )
    fresh = DocumentJob.objects.create(
        kind="k", title="กำลังทำ", requested_by=user, status=JobStatus.RUNNING, started_at=now, heartbeat_at=now
    )
    never_taken = DocumentJob.objects.create(
        kind="k",
        title="ไม่มีใครรับ",
        requested_by=user,
        created_at=now - dt.timedelta(hours=2),
        published_at=now - dt.timedelta(hours=2),
    )
    assert services.document_jobs_sweep(now=now) == 2
    for job in (stuck, fresh, never_taken):
        job.refresh_from_db()
    assert stuck.status == JobStatus.FAILED and "ค้างเกินเวลา" in stuck.error
    assert never_taken.status == JobStatus.FAILED and "worker" in never_taken.error
    assert fresh.status == JobStatus.RUNNING


def test_a_message_for_an_already_taken_job_does_nothing(users):
    job = DocumentJob.objects.create(
        kind="schools.school_directory", title="x", requested_by=users["clerk"], status=JobStatus.DONE, progress=100
    )
    services.document_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 0


def test_only_the_requester_can_download(django_capture_on_commit_callbacks, users, client_for, school):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.document_request(user=users["supervisor"], kind="schools.school_directory")
    url = reverse("core:document_download", args=[job.pk])
    own = client_for(users["supervisor"]).get(url)
    assert own.status_code == 200 and own["Content-Type"] == "application/pdf"
    assert b"".join(own.streaming_content).startswith(b"%PDF")
    assert client_for(users["clerk"]).get(url).status_code == 404
    # rendered with the requester's clearance: not even the administrator may read it, nor retry it
    assert client_for(users["administrator"]).get(url).status_code == 404
    with pytest.raises(PermissionDenied, match="เฉพาะเอกสารที่ตนเองขอ"):
        services.document_job_retry(user=users["administrator"], job=job)


def test_school_staff_cannot_request_the_directory(users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied, match="คุณไม่มีสิทธิ์ขอเอกสารนี้"):
        services.document_request(user=users["school"], kind="schools.school_directory")


def test_documents_page_polls_while_a_job_is_pending(users, client_for):
    DocumentJob.objects.create(
        kind="k", title="รอคิวอยู่", requested_by=users["clerk"], progress=40, status=JobStatus.RUNNING
    )
    page = client_for(users["clerk"]).get(reverse("core:documents")).content.decode()
    assert 'hx-trigger="every 2s"' in page and "40%" in page
    partial = client_for(users["clerk"]).get(reverse("core:documents"), HTTP_HX_REQUEST="true").content.decode()
    assert partial.strip().startswith("<tbody")


def test_retry_and_request_refuse_get(users, client_for):
    client = client_for(users["clerk"])
    assert client.get(reverse("core:document_request")).status_code == 405
    assert client.get(reverse("core:document_retry", args=[1])).status_code == 405


def test_a_document_downloads_under_its_thai_title(django_capture_on_commit_callbacks, users, client_for, school):
    from urllib.parse import quote

    with django_capture_on_commit_callbacks(execute=True):
        job = services.document_request(user=users["supervisor"], kind="schools.school_directory")
    job.refresh_from_db()
    assert job.filename.endswith(".pdf") and not any("\u0e00" <= c <= "\u0e7f" for c in job.filename)
    response = client_for(users["supervisor"]).get(reverse("core:document_download", args=[job.pk]))
    disposition = response["Content-Disposition"]
    assert job.download_name == f"{job.title}.pdf" and "ทำเนียบ" in job.download_name
    assert f"filename*=utf-8''{quote(job.download_name)}" in disposition


def test_a_title_with_slashes_still_makes_a_safe_download_name():
    job = DocumentJob(title='ทะเบียนหนังสือรับ 1/2569: "ด่วน"', result="documents/2026/11/register-receive-1.pdf")
    assert job.download_name == "ทะเบียนหนังสือรับ 1 2569 ด่วน.pdf"
    assert DocumentJob(title="", result="documents/x.xlsx").download_name == "เอกสาร.xlsx"
