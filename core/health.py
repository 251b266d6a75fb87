"""What /healthz and `manage.py worker_alive` check: the database, the broker, the worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

WORKER = "worker"  # the ServiceHeartbeat the worker writes (core.tasks.worker_heartbeat)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not answering"
        return False


def broker_ok() -> bool:
    """Whether Celery's broker answers: a Redis ping, or a writable filesystem queue."""
    url = settings.CELERY_BROKER_URL
    if url.startswith("filesystem://"):
        folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])
        return folder.is_dir() and _writable(folder)
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not answering"
        return False


@dataclass(frozen=True)
class WorkerState:
    alive: bool
    age_seconds: int | None  # since the worker's last heartbeat; None when it never wrote one
    eager: bool = False  # tasks run inside the web process (tests, CELERY_TASK_ALWAYS_EAGER)

    @property
    def message(self) -> str:
        if self.eager:
            return "งานเบื้องหลังทำในกระบวนการเว็บเอง (eager) ไม่มี worker แยก"
        if self.age_seconds is None:
            return "ยังไม่เคยได้รับสัญญาณจาก worker: ตรวจสอบว่า worker และ beat ทำงานอยู่"
        if self.alive:
            return f"worker ทำงานอยู่ (สัญญาณล่าสุด {self.age_seconds} วินาทีที่แล้ว)"
        return (
            f"worker ไม่ส่งสัญญาณมา {self.age_seconds} วินาทีแล้ว (เกิน {settings.WORKER_STALE_SECONDS} วินาที): "
            "ตรวจสอบ worker, beat และ Redis"
        )


def worker_state() -> WorkerState:
    """The worker is alive when its heartbeat (a beat task it runs) is fresher than WORKER_STALE_SECONDS."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return WorkerState(alive=True, age_seconds=None, eager=True)
    from .models import ServiceHeartbeat

    beat_at = ServiceHeartbeat.objects.filter(name=WORKER).values_list("beat_at", flat=True).first()
    if beat_at is None:
        return WorkerState(alive=False, age_seconds=None)
    age = max(0, int((timezone.now() - beat_at).total_seconds()))
    return WorkerState(alive=age <= settings.WORKER_STALE_SECONDS, age_seconds=age)


def _writable(folder: Path) -> bool:
    probe = folder / ".healthz"
    try:
        probe.write_text("ok")
        probe.unlink()
        return True
    except OSError:
        return False
