"""Background documents (one row per request) and the worker's heartbeat."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

# --- Background documents --------------------------------------------------


class JobStatus(models.TextChoices):
    QUEUED = "queued", "รอคิว"
    RUNNING = "running", "กำลังสร้าง"
    DONE = "done", "เสร็จแล้ว"
    FAILED = "failed", "ไม่สำเร็จ"


_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # what Windows and browsers refuse in a file name


def _job_upload_to(job: DocumentJob, filename: str) -> str:
    return f"documents/{job.created_at:%Y/%m}/{filename}"


class DocumentJob(models.Model):
    """A document a user asked for, rendered in the background (one row per request)."""

    kind = models.CharField("ชนิดเอกสาร", max_length=80)
    title = models.CharField("ชื่อเอกสาร", max_length=300)
    params = models.JSONField("พารามิเตอร์", default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="document_jobs", verbose_name="ผู้ขอ"
    )
    status = models.CharField("สถานะ", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("ความคืบหน้า (%)", default=0)
    message = models.CharField("ข้อความ", max_length=300, blank=True)
    error = models.TextField("สาเหตุที่ไม่สำเร็จ", blank=True)
    result = models.FileField("ไฟล์", upload_to=_job_upload_to, blank=True, max_length=300)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่ลอง", default=0)
    created_at = models.DateTimeField("เวลาที่ขอ", default=timezone.now)
    started_at = models.DateTimeField("เริ่มสร้าง", null=True, blank=True)
    finished_at = models.DateTimeField("เสร็จเมื่อ", null=True, blank=True)
    # Set once the broker has taken the message; a queued row without it is published again
    # when the broker returns.
    published_at = models.DateTimeField("ส่งเข้าคิวเมื่อ", null=True, blank=True)
    # Written by the worker while it renders; a running job whose heartbeat is stale has lost its worker.
    heartbeat_at = models.DateTimeField("สัญญาณล่าสุดจากตัวประมวลผล", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "งานสร้างเอกสาร"
        verbose_name_plural = "งานสร้างเอกสาร"
        indexes = [models.Index(fields=["requested_by", "-created_at"]), models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="documentjob_progress_lte_100"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def filename(self) -> str:
        return Path(self.result.name).name if self.result else ""

    @property
    def download_name(self) -> str:
        """The name the file downloads as: its Thai title (ทะเบียนหนังสือรับ …), not the stored name."""
        suffix = Path(self.filename).suffix or ".pdf"
        title = " ".join(_UNSAFE_IN_NAMES.sub(" ", self.title or "").split())[:150].strip(" .")
        return f"{title or 'เอกสาร'}{suffix}"

    @property
    def duration(self) -> dt.timedelta | None:
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None


class ServiceHeartbeat(models.Model):
    """The last sign of life of a background service (the worker, beat), for /healthz."""

    name = models.CharField("บริการ", max_length=40, unique=True)
    beat_at = models.DateTimeField("สัญญาณล่าสุด")
    detail = models.CharField("รายละเอียด", max_length=200, blank=True)

    class Meta:
        verbose_name = "สัญญาณชีพของบริการเบื้องหลัง"
        verbose_name_plural = "สัญญาณชีพของบริการเบื้องหลัง"

    def __str__(self) -> str:
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"
