"""Media in S3-compatible object storage: the web and the worker share a bucket, not a disk.

A local S3 server (moto's ThreadedMotoServer, in this process, on a free loopback port) stands in for
MinIO or AWS. The storage setting is the one config/settings.py builds from AWS_* variables, read
from a fresh process. The last test renders a document on a real worker process (its own VAR_DIR,
a private redis-server, the PostgreSQL test database) and the web side serves it from the bucket.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer

from core import services
from core.models import DocumentJob, JobStatus, OfficeProfile
from core.storage import is_local, media_uri
from correspondence.models import Attachment, Letter
from tests.core.test_worker_resilience import PrivateRedis, Workers, _broker, _wait_job
from tests.helpers import pdf_compact

ROOT = Path(__file__).resolve().parent.parent
BUCKET = "nites-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_S3_REGION_NAME": "us-east-1"}


@dataclass
class S3:
    env: dict[str, str]  # what a web or worker container is given
    client: object  # boto3, to look into the bucket directly

    def keys(self) -> list[str]:
        return [item["Key"] for item in self.client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3() -> Iterator[S3]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )  # fmt: skip
    client.create_bucket(Bucket=BUCKET)
    try:
        yield S3({"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": endpoint, **CREDENTIALS}, client)
    finally:
        server.stop()


def _storage_setting(env: dict[str, str]) -> dict:
    """STORAGES["default"] as config.settings builds it in a process given `env`."""
    code = "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps(s.STORAGES['default']))"  # noqa: E501
    environ = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def object_storage(s3, settings, tmp_path) -> S3:
    """This process's default storage is the bucket; MEDIA_ROOT points at a folder that must stay empty."""
    settings.MEDIA_ROOT = tmp_path / "local-media"
    settings.STORAGES = {**settings.STORAGES, "default": _storage_setting(s3.env)}
    for key in s3.keys():
        s3.client.delete_object(Bucket=BUCKET, Key=key)
    return s3


def _pdf() -> bytes:
    from pypdf import PdfWriter

    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


def test_without_a_bucket_media_stays_on_this_disk():
    assert _storage_setting({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_an_uploaded_scan_goes_to_the_bucket_and_comes_back_through_the_download(
    object_storage, users, client_for, tmp_path
):
    clerk = client_for(users["clerk"])
    data = {"sender": "สพฐ.", "recipient_text": "ผอ.", "subject": "หนังสือพร้อมไฟล์สแกน", "urgency": "0", "secrecy": "0",
            "document_type": "external", "channel": "paper",
            "files": SimpleUploadedFile("หนังสือ.pdf", _pdf(), content_type="application/pdf")}  # fmt: skip

    assert clerk.post(reverse("correspondence:incoming_create"), data).status_code == 302
    attachment = Attachment.objects.get(letter=Letter.objects.get())
    response = clerk.get(reverse("correspondence:attachment_download", args=[attachment.pk]))

    assert not is_local(attachment.file.storage)
    assert attachment.file.name in object_storage.keys()
    stored = object_storage.read(attachment.file.name)
    assert stored.startswith(b"%PDF") and b"".join(response.streaming_content) == stored
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(stored))
    assert not (tmp_path / "local-media").exists()  # nothing written to this disk


def test_a_logo_in_the_bucket_reaches_the_printed_page_inline(object_storage, db):
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(png, format="PNG")
    office = OfficeProfile.get()
    office.logo.save("logo.png", ContentFile(png.getvalue()))

    uri = media_uri(office.logo)

    assert office.logo.name in object_storage.keys()
    assert uri.startswith("data:image/png;base64,") and len(uri) > 40


def test_a_backup_takes_the_files_from_the_bucket_and_a_restore_puts_them_back(object_storage, users, tmp_path):
    from core.backup import backup_create, backup_restore
    from correspondence import services as letters
    from correspondence.attachments import attachment_add

    clerk = users["clerk"]
    letter = letters.letter_register_incoming(user=clerk, subject="หนังสือที่มีไฟล์ในที่เก็บไฟล์", sender="สพฐ.",
                                              recipient_text="ผอ.กลุ่มนิเทศ")  # fmt: skip
    scan = _pdf()
    attachment_add(
        user=clerk, letter=letter, upload=SimpleUploadedFile("สแกน.pdf", scan, content_type="application/pdf")
    )
    name = Attachment.objects.get().file.name

    made = backup_create(output=tmp_path / "backups")
    object_storage.client.delete_object(Bucket=BUCKET, Key=name)  # the bucket lost it
    restored = backup_restore(archive=made.path, force=True)

    assert made.files == 1 and not made.missing_files
    assert restored.files == 1 and object_storage.read(name) == scan


def test_a_scan_in_the_bucket_is_appended_to_a_printed_document(object_storage, users):
    from pypdf import PdfReader

    from core.documents import html_to_pdf
    from correspondence import services as letters
    from correspondence.attachments import attachment_add

    letter = letters.letter_register_incoming(user=users["clerk"], subject="วาระพร้อมเอกสารแนบ", sender="สพฐ.",
                                              recipient_text="ผอ.กลุ่มนิเทศ")  # fmt: skip
    upload = SimpleUploadedFile("แนบ.pdf", _pdf(), content_type="application/pdf")
    attachment = attachment_add(user=users["clerk"], letter=letter, upload=upload)

    pdf = html_to_pdf("<p>ระเบียบวาระการประชุม</p>", [attachment.file])  # as committee.documents passes them

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2


# --- A real worker process writes to the bucket; the web side serves it ----------------------------


@pytest.fixture
def bucket_worker(object_storage, tmp_path, settings) -> Iterator[Workers]:
    redis = PrivateRedis(tmp_path)
    redis.start()
    var_dir = tmp_path / "worker-var"
    var_dir.mkdir()
    workers = Workers(redis, var_dir)
    workers.env = {k: v for k, v in workers.env.items() if not k.startswith("AWS_")} | object_storage.env
    workers.env["DATABASE_POOL"] = "1"  # as it ships: Celery's prefork children with psycopg's pool
    try:
        with _broker(redis.url):
            settings.CELERY_TASK_ALWAYS_EAGER = False
            workers.supervised()
            yield workers
    finally:
        workers.stop_all()
        redis.stop()


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_document_rendered_by_a_worker_process_is_stored_in_the_bucket_and_served_by_the_web(
    bucket_worker, object_storage, users, school, client_for, tmp_path
):
    job = services.document_request(user=users["supervisor"], kind="schools.school_directory")
    _wait_job(job, lambda j: j.is_finished, 120, bucket_worker)
    assert job.status == JobStatus.DONE, (job.error, bucket_worker.logs())

    response = client_for(users["supervisor"]).get(reverse("core:document_download", args=[job.pk]))
    served = b"".join(response.streaming_content)

    assert job.result.name in object_storage.keys()
    assert response.status_code == 200 and served == object_storage.read(job.result.name)
    (tmp_path / "served.pdf").write_bytes(served)
    assert "โรงเรียนบ้านทดสอบ" in pdf_compact(tmp_path / "served.pdf")
    # Neither machine kept a copy on its own disk.
    assert not list((tmp_path / "worker-var").rglob("*.pdf")) and not (tmp_path / "local-media").exists()
    assert DocumentJob.objects.get(pk=job.pk).result.storage.__class__.__name__ == "S3Storage"
