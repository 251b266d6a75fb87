"""Writes and workflow steps of the core app (HackSoft style: <noun>_<verb>)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from . import documents
from .access import require_office_editor
from .models import DocumentJob, JobStatus, OfficeProfile, StaffProfile
from .roles import Role, UserLike

log = logging.getLogger(__name__)
User = get_user_model()

QUEUED_TIMEOUT = dt.timedelta(minutes=30)


# --- People -----------------------------------------------------------------


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    first_name: str,
    last_name: str,
    roles: list[str],
    prefix: str = "",
    position: str = "",
    academic_rank: str = "",
    email: str = "",
    work_units: list | None = None,
    learning_areas: list | None = None,
) -> AbstractBaseUser:
    """Create a login with its roles (groups) and staff profile.

    A school-staff login also needs its school: `schools.services.membership_set`.
    """
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    user.set_password(password)
    user.is_staff = Role.ADMIN in roles
    user.is_superuser = Role.ADMIN in roles
    user.full_clean()
    user.save()
    for role in roles:
        group, _ = Group.objects.get_or_create(name=Role(role).value)
        user.groups.add(group)
    profile = StaffProfile.objects.create(user=user, prefix=prefix, position=position, academic_rank=academic_rank)
    profile.work_units.set(work_units or [])
    profile.learning_areas.set(learning_areas or [])
    return user


# --- Office ------------------------------------------------------------------


@transaction.atomic
def office_profile_save(*, user: UserLike, data: dict) -> OfficeProfile:
    """The office's name, code, address and logo (administrator only)."""

    require_office_editor(user)
    office = OfficeProfile.get()
    for name, value in data.items():
        setattr(office, name, value)
    office.full_clean()
    office.save()
    return office


# --- Background documents --------------------------------------------------


def _enqueue(job: DocumentJob) -> None:
    from .tasks import render_document

    transaction.on_commit(lambda: render_document.delay(job.pk))


@transaction.atomic
def document_request(*, user: UserLike, kind: str, params: dict | None = None) -> DocumentJob:
    """Queue a document for rendering; the worker starts once this transaction commits."""
    params = params or {}
    doc_kind = documents.get_kind(kind)
    if not doc_kind.can_request(user, params):
        raise PermissionDenied("คุณไม่มีสิทธิ์ขอเอกสารนี้")
    job = DocumentJob.objects.create(
        kind=kind,
        title=doc_kind.title_for(params)[:300],
        params=params,
        requested_by=user,
        message="รอคิวสร้างเอกสาร",
    )
    _enqueue(job)
    return job


@transaction.atomic
def document_job_retry(*, user: UserLike, job: DocumentJob) -> DocumentJob:
    if job.requested_by_id != user.pk:
        raise PermissionDenied("ลองใหม่ได้เฉพาะเอกสารที่ตนเองขอ")
    if job.status != JobStatus.FAILED:
        raise ValidationError("ลองใหม่ได้เฉพาะงานที่ไม่สำเร็จ")
    job.status = JobStatus.QUEUED
    job.progress = 0
    job.error = ""
    job.message = "รอคิวสร้างเอกสาร (ลองใหม่)"
    job.started_at = job.finished_at = None
    job.save()
    _enqueue(job)
    return job


def _claim(job_id: int, *, is_retry: bool) -> bool:
    """Move a queued job to running; False when another message already took it."""
    allowed = [JobStatus.QUEUED, JobStatus.RUNNING] if is_retry else [JobStatus.QUEUED]
    now = timezone.now()
    return bool(
        DocumentJob.objects.filter(pk=job_id, status__in=allowed).update(
            status=JobStatus.RUNNING, started_at=now, progress=1, message="กำลังเตรียมข้อมูล"
        )
    )


def _progress_updater(job_id: int) -> documents.ProgressFn:
    last = {"value": 0}

    def update(percent: int, message: str = "") -> None:
        percent = max(0, min(99, int(percent)))
        if percent - last["value"] >= 5 or message:
            last["value"] = percent
            DocumentJob.objects.filter(pk=job_id).update(progress=percent, message=message[:300])

    return update


def _write_atomically(job: DocumentJob, filename: str, data: bytes) -> str:
    """Write to a temporary file next to the target, then move it into place."""
    storage_name = job.result.field.generate_filename(job, filename)
    target = Path(settings.MEDIA_ROOT) / storage_name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target = target.with_name(f"{target.stem}-{job.pk}{target.suffix}")
        storage_name = str(Path(storage_name).with_name(target.name))
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, target)
    return storage_name


def document_job_run(*, job_id: int, is_retry: bool = False) -> None:
    """Build and render one document job (called by the Celery task)."""
    if not _claim(job_id, is_retry=is_retry):
        log.info("document job %s already taken or cancelled", job_id)
        return
    job = DocumentJob.objects.get(pk=job_id)
    DocumentJob.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    progress = _progress_updater(job_id)
    try:
        kind = documents.get_kind(job.kind)
        rendered = kind.build(job, progress)
        progress(80, "กำลังจัดหน้าเอกสาร PDF")
        pdf = documents.html_to_pdf(rendered.html, rendered.append_pdfs)
        name = _write_atomically(job, rendered.filename, pdf)
    except documents.DocumentError as exc:
        document_job_fail(job_id=job_id, error=str(exc))
        return
    except SoftTimeLimitExceeded:
        document_job_fail(job_id=job_id, error="สร้างเอกสารเกินเวลาที่กำหนด กรุณาลองใหม่หรือเลือกช่วงข้อมูลให้เล็กลง")
        return
    DocumentJob.objects.filter(pk=job_id).update(
        status=JobStatus.DONE, progress=100, message="เสร็จแล้ว", result=name, finished_at=timezone.now()
    )


def document_job_fail(*, job_id: int, error: str) -> None:
    DocumentJob.objects.filter(pk=job_id).exclude(status=JobStatus.DONE).update(
        status=JobStatus.FAILED, error=error[:2000], message="ไม่สำเร็จ", finished_at=timezone.now()
    )


def document_jobs_sweep(*, now: dt.datetime | None = None) -> int:
    """Mark jobs stuck past their limit as failed, so none stays 'running' for ever."""
    now = now or timezone.now()
    running_limit = dt.timedelta(seconds=settings.DOCUMENT_TIME_LIMIT + 120)
    stuck_running = DocumentJob.objects.filter(status=JobStatus.RUNNING, started_at__lt=now - running_limit).update(
        status=JobStatus.FAILED,
        message="ไม่สำเร็จ",
        finished_at=now,
        error="งานค้างเกินเวลาที่กำหนด (ตัวประมวลผลอาจหยุดทำงาน) กรุณากดลองใหม่",
    )
    stuck_queued = DocumentJob.objects.filter(status=JobStatus.QUEUED, created_at__lt=now - QUEUED_TIMEOUT).update(
        status=JobStatus.FAILED,
        message="ไม่สำเร็จ",
        finished_at=now,
        error="ไม่มีตัวประมวลผลเบื้องหลังรับงานภายใน 30 นาที กรุณาตรวจสอบว่า worker ทำงานอยู่ แล้วกดลองใหม่",
    )
    return stuck_running + stuck_queued
