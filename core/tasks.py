from __future__ import annotations

import logging
import socket

from celery import Task, shared_task
from celery.signals import worker_ready
from django import db
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services

log = logging.getLogger(__name__)


class DocumentTask(Task):
    def on_failure(self, exc: BaseException, task_id: str, args: tuple, kwargs: dict, einfo: object) -> None:
        # Retries exhausted (or an unexpected crash): the row must say why.
        services.document_job_fail(job_id=args[0], error=f"{type(exc).__name__}: {exc}")


@shared_task(
    base=DocumentTask,
    bind=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=3,
    soft_time_limit=settings.DOCUMENT_TIME_LIMIT,
    time_limit=settings.DOCUMENT_TIME_LIMIT + 30,
)
def render_document(self: Task, job_id: int) -> None:
    services.document_job_run(job_id=job_id, is_retry=self.request.retries > 0, heartbeat=not self.request.is_eager)


@shared_task(time_limit=120)
def sweep_stale_jobs() -> int:
    return services.document_jobs_sweep()


@shared_task(time_limit=30)
def worker_heartbeat() -> None:
    """Sent by beat, run by a worker: a fresh row proves beat, broker and worker alive (/healthz)."""
    services.service_heartbeat_write(name="worker", detail=socket.gethostname())


@worker_ready.connect
def _on_worker_ready(sender: object = None, **kwargs: object) -> None:
    """At worker start: say so, and recover what a previous worker or broker lost."""
    try:
        services.service_heartbeat_write(name="worker", detail=socket.gethostname())
        changed = services.document_jobs_sweep(republish_all=True)
        log.info("worker start: %s document job(s) recovered or published again", changed)
    except Exception:  # a start-up sweep must never stop the worker from starting
        log.exception("worker start sweep failed; beat's sweep will try again")
    finally:
        db.connections.close_all()  # pool processes forked later must not share this connection


@shared_task(time_limit=60, ignore_result=True)
def deliver_notification(delivery_id: int) -> str:
    """Send one e-mail or LINE message; a failure is recorded on its row and retried by beat."""
    from . import notifications

    return notifications.delivery_attempt(delivery_id=delivery_id)


@shared_task(time_limit=300)
def notifications_retry() -> int:
    from . import notifications

    return notifications.deliveries_retry_due()


@shared_task(time_limit=600)
def notifications_digest() -> int:
    from . import notifications

    return notifications.digests_send()


@shared_task(time_limit=600)
def reminders_run() -> dict[str, int]:
    from . import reminders

    return reminders.reminders_run()
