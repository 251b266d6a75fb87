"""A document job through a real Celery worker consuming from a real Redis."""

from __future__ import annotations

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from kombu import pools as kombu_pools

from config.celery import app as celery_app
from core import services
from core.models import DocumentJob, JobStatus
from tests.helpers import pdf_compact


@pytest.fixture
def redis_worker():
    saved = {k: celery_app.conf[k] for k in ("task_always_eager", "broker_url", "broker_transport_options")}
    celery_app.conf.update(
        task_always_eager=False, broker_url=os.environ["REDIS_URL"], broker_transport_options={"visibility_timeout": 60}
    )
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge("celery")
    with start_worker(celery_app, perform_ping_check=False, pool="solo", loglevel="WARNING", shutdown_timeout=30):
        yield
    celery_app.conf.update(saved)
    # Close and forget every pool (kombu keeps them in a global registry), and drop the
    # app's references as Celery does after a fork, so later tests get fresh pools.
    kombu_pools.reset()
    celery_app._after_fork()


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_document_job_runs_on_a_real_worker_through_redis(redis_worker, users, school):
    job = services.document_request(user=users["supervisor"], kind="schools.school_directory")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.3)
    assert job.status == JobStatus.DONE, (job.status, job.error)
    assert job.progress == 100 and job.attempts == 1
    assert job.started_at and job.finished_at and job.finished_at >= job.started_at
    assert "โรงเรียนบ้านทดสอบ" in pdf_compact(job.result.path)
    assert DocumentJob.objects.filter(status=JobStatus.DONE).count() == 1
