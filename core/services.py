"""Writes and workflow steps of the core app (HackSoft style: <noun>_<verb>)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading

from celery.exceptions import SoftTimeLimitExceeded
from django import db
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from . import documents
from .access import require_office_editor
from .models import DocumentJob, JobStatus, OfficeProfile, ServiceHeartbeat, StaffProfile
from .roles import Role, UserLike
from .storage import media_save

log = logging.getLogger(__name__)
User = get_user_model()

QUEUED_TIMEOUT = dt.timedelta(minutes=30)


# --- People -----------------------------------------------------------------


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    first_name: str,
    last_name: str,
    roles: list[str],
    prefix: str = "",
    position: str = "",
    academic_rank: str = "",
    phone: str = "",
    email: str = "",
    work_units: list | None = None,
    learning_areas: list | None = None,
) -> AbstractBaseUser:
    """Create a login with its roles (groups) and staff profile; `password=None` makes a login that
    can only be opened by a one-time link (core.services_people.account_reset_link).

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
    profile = StaffProfile.objects.create(
        user=user, prefix=prefix, position=position, academic_rank=academic_rank, phone=phone
    )
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

BROKER_DOWN_MESSAGE = "ระบบเบื้องหลังไม่พร้อม จะเริ่มสร้างเอกสารเองเมื่อระบบกลับมา"
WORKER_LOST_REQUEUED = "ตัวประมวลผลเบื้องหลังหยุดทำงานระหว่างสร้างเอกสาร ระบบส่งเข้าคิวสร้างใหม่ให้แล้ว"
WORKER_LOST_ERROR = "ตัวประมวลผลเบื้องหลังหยุดทำงานระหว่างสร้างเอกสาร (ลองซ้ำแล้ว) กรุณากดลองใหม่"
MAX_AUTOMATIC_ATTEMPTS = 2  # a job whose worker died is run again once, then failed


def document_job_publish(*, job_id: int) -> bool:
    """Hand a queued job to the broker; False (the row stays unpublished) when the broker is down.

    The publish retries briefly (CELERY_TASK_PUBLISH_RETRY_POLICY): a web request waits a few
    seconds at most. A row left unpublished is published by the sweep once the broker is back.
    """
    from kombu.exceptions import OperationalError as BrokerError

    from .tasks import render_document

    try:
        render_document.apply_async((job_id,), retry=True, retry_policy=settings.CELERY_TASK_PUBLISH_RETRY_POLICY)
    except (BrokerError, ConnectionError, TimeoutError) as exc:
        log.warning("document job %s not published, broker unavailable: %s", job_id, exc)
        DocumentJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(message=BROKER_DOWN_MESSAGE)
        return False
    DocumentJob.objects.filter(pk=job_id).update(published_at=timezone.now())
    DocumentJob.objects.filter(pk=job_id, status=JobStatus.QUEUED, message=BROKER_DOWN_MESSAGE).update(
        message="รอคิวสร้างเอกสาร"
    )
    return True


def _enqueue(job: DocumentJob) -> None:
    def publish() -> None:
        job.published_at = timezone.now() if document_job_publish(job_id=job.pk) else None
        if job.published_at is None:
            job.message = BROKER_DOWN_MESSAGE

    transaction.on_commit(publish)


@transaction.atomic
def document_request(*, user: UserLike, kind: str, params: dict | None = None) -> DocumentJob:
    """Queue a document for rendering; the worker starts once this transaction commits.

    When the broker is down the row stays queued with published_at None (and says so in
    `message`); the sweep publishes it when the broker is back.
    """
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
    job.started_at = job.finished_at = job.published_at = job.heartbeat_at = None
    job.save()
    _enqueue(job)
    return job


def _claim(job_id: int, *, is_retry: bool) -> bool:
    """Move a queued job to running; False when another message already took it."""
    allowed = [JobStatus.QUEUED, JobStatus.RUNNING] if is_retry else [JobStatus.QUEUED]
    now = timezone.now()
    return bool(
        DocumentJob.objects.filter(pk=job_id, status__in=allowed).update(
            status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, progress=1, message="กำลังเตรียมข้อมูล"
        )
    )


class _Heartbeat:
    """A thread that writes the job's heartbeat_at every DOCUMENT_HEARTBEAT_SECONDS while it renders.

    A worker killed mid-render stops writing; the sweep then sees the stale heartbeat within
    DOCUMENT_HEARTBEAT_STALE instead of waiting for the job's time limit.
    """

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"heartbeat-job-{job_id}", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.thread.join(timeout=10)

    def _run(self) -> None:
        try:
            while not self.stopped.wait(settings.DOCUMENT_HEARTBEAT_SECONDS):
                try:
                    DocumentJob.objects.filter(pk=self.job_id, status=JobStatus.RUNNING).update(
                        heartbeat_at=timezone.now()
                    )
                except DatabaseError:  # the database blinked: try again at the next beat
                    log.warning("heartbeat of document job %s not written", self.job_id, exc_info=True)
                    db.close_old_connections()
        finally:
            db.connection.close()  # this thread's own connection


def _progress_updater(job_id: int) -> documents.ProgressFn:
    last = {"value": 0}

    def update(percent: int, message: str = "") -> None:
        percent = max(0, min(99, int(percent)))
        if percent - last["value"] >= 5 or message:
            last["value"] = percent
            DocumentJob.objects.filter(pk=job_id).update(
                progress=percent, message=message[:300], heartbeat_at=timezone.now()
            )

    return update


def _write_atomically(job: DocumentJob, filename: str, data: bytes) -> str:
    """Write through the result field's storage: on this disk a temporary file moved into place, in
    object storage one upload (core.storage.media_save)."""
    name = job.result.field.generate_filename(job, filename)
    return media_save(name=name, data=data, storage=job.result.storage)


def document_job_run(*, job_id: int, is_retry: bool = False, heartbeat: bool = True) -> None:
    """Build and render one document job (called by the Celery task).

    `heartbeat` runs the heartbeat thread; the task turns it off when it runs eagerly in the
    web process (there is no separate worker to lose).
    """
    if not _claim(job_id, is_retry=is_retry):
        log.info("document job %s already taken or cancelled", job_id)
        return
    job = DocumentJob.objects.get(pk=job_id)
    DocumentJob.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    with _Heartbeat(job_id) if heartbeat else contextlib.nullcontext():
        _render(job)


def _render(job: DocumentJob) -> None:
    progress = _progress_updater(job.pk)
    try:
        kind = documents.get_kind(job.kind)
        rendered = kind.build(job, progress)
        progress(80, "กำลังจัดหน้าเอกสาร PDF")
        pdf = documents.html_to_pdf(rendered.html, rendered.append_pdfs, archival=kind.archival)
        name = _write_atomically(job, rendered.filename, pdf)
    except documents.DocumentError as exc:
        document_job_fail(job_id=job.pk, error=str(exc))
        return
    except SoftTimeLimitExceeded:
        document_job_fail(job_id=job.pk, error="สร้างเอกสารเกินเวลาที่กำหนด กรุณาลองใหม่หรือเลือกช่วงข้อมูลให้เล็กลง")
        return
    DocumentJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, progress=100, message="เสร็จแล้ว", result=name, finished_at=timezone.now()
    )
    _tell_requester(job, "core.document_ready", f"เอกสาร “{job.title}” พร้อมดาวน์โหลดแล้ว")


def _tell_requester(job: DocumentJob, kind: str, title: str) -> None:
    from django.urls import reverse

    from . import notifications

    notifications.notify(
        kind=kind,
        recipients=[job.requested_by],
        title=title,
        url=reverse("core:documents"),
        subject_key=f"document:{job.pk}",
    )


def document_job_fail(*, job_id: int, error: str) -> None:
    told = DocumentJob.objects.filter(pk=job_id, status=JobStatus.FAILED).exists()  # tell the requester once
    jobs = DocumentJob.objects.filter(pk=job_id).exclude(status=JobStatus.DONE)
    if (
        jobs.update(status=JobStatus.FAILED, error=error[:2000], message="ไม่สำเร็จ", finished_at=timezone.now())
        and not told
    ):
        job = DocumentJob.objects.select_related("requested_by").get(pk=job_id)
        _tell_requester(job, "core.document_failed", f"สร้างเอกสาร “{job.title}” ไม่สำเร็จ: {error[:150]}")


def _fail_jobs(jobs: QuerySet[DocumentJob], *, now: dt.datetime, error: str) -> int:
    return jobs.update(status=JobStatus.FAILED, message="ไม่สำเร็จ", finished_at=now, error=error)


def _sweep_lost_workers(now: dt.datetime) -> tuple[int, list[int]]:
    """Running jobs whose heartbeat went stale: re-queue those run once, fail the others."""
    stale = now - dt.timedelta(seconds=settings.DOCUMENT_HEARTBEAT_STALE)
    lost = DocumentJob.objects.filter(status=JobStatus.RUNNING).filter(
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, started_at__lt=stale)
    )
    requeue_ids = list(lost.filter(attempts__lt=MAX_AUTOMATIC_ATTEMPTS).values_list("pk", flat=True))
    requeued = DocumentJob.objects.filter(pk__in=requeue_ids, status=JobStatus.RUNNING).update(
        status=JobStatus.QUEUED,
        progress=0,
        message=WORKER_LOST_REQUEUED,
        started_at=None,
        heartbeat_at=None,
        published_at=None,
    )
    failed = _fail_jobs(lost.filter(attempts__gte=MAX_AUTOMATIC_ATTEMPTS), now=now, error=WORKER_LOST_ERROR)
    return requeued + failed, requeue_ids


def document_jobs_sweep(*, now: dt.datetime | None = None, republish_all: bool = False) -> int:
    """Bring every unfinished job back to a true state; the number of jobs changed or published.

    - running, heartbeat older than DOCUMENT_HEARTBEAT_STALE: its worker died. Re-queued once
      (attempts counts the runs), failed the second time.
    - running past its time limit (should the heartbeat still beat): failed.
    - queued and never published (the broker was down): published now. At worker start
      (`republish_all`) every queued job is published again, since a Redis restart may have lost
      its message; a duplicate message is harmless, only one run can claim the job.
    - published but not taken by any worker within 30 minutes: failed with a reason.
    """
    now = now or timezone.now()
    changed, _ = _sweep_lost_workers(now)
    running_limit = dt.timedelta(seconds=settings.DOCUMENT_TIME_LIMIT + 120)
    changed += _fail_jobs(
        DocumentJob.objects.filter(status=JobStatus.RUNNING, started_at__lt=now - running_limit),
        now=now,
        error="งานค้างเกินเวลาที่กำหนด (ตัวประมวลผลอาจหยุดทำงาน) กรุณากดลองใหม่",
    )
    changed += _fail_jobs(
        DocumentJob.objects.filter(status=JobStatus.QUEUED, published_at__lt=now - QUEUED_TIMEOUT),
        now=now,
        error="ไม่มีตัวประมวลผลเบื้องหลังรับงานภายใน 30 นาที กรุณาตรวจสอบว่า worker ทำงานอยู่ แล้วกดลองใหม่",
    )
    grace = now - dt.timedelta(seconds=settings.DOCUMENT_PUBLISH_GRACE)
    queued = DocumentJob.objects.filter(status=JobStatus.QUEUED)
    if not republish_all:
        queued = queued.filter(published_at__isnull=True, created_at__lt=grace)
    for job_id in queued.values_list("pk", flat=True):
        if not document_job_publish(job_id=job_id):
            break  # the broker is still down: the next sweep tries again
        changed += 1
    return changed


def service_heartbeat_write(*, name: str, detail: str = "") -> ServiceHeartbeat:
    """Record that a background service (the worker) is alive now."""
    beat, _ = ServiceHeartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now(), "detail": detail[:200]}
    )
    return beat
