from __future__ import annotations

from celery import Task, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services


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
    services.document_job_run(job_id=job_id, is_retry=self.request.retries > 0)


@shared_task(time_limit=120)
def sweep_stale_jobs() -> int:
    return services.document_jobs_sweep()
