"""`backup` and `restore`: an archive brings back every row, number, audit-trail entry and file.

The round trip restores into a fresh database (a scratch PostgreSQL database, or a new SQLite file)
and a fresh MEDIA_ROOT through `manage.py restore` in a process of its own, as an operator would run
it, and compares every row of every model (microseconds included), every file's sha256, the next
register number and a real sign-in. Run with DATABASE_URL=postgres://… for PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone

from core import thaidate
from core.backup import EXCLUDED_MODELS, MANIFEST

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo1234"


# --- What is compared ---------------------------------------------------------------------------------
class _PythonValues(PythonSerializer):
    """Rows as Python values (datetimes keep every microsecond). Content types and permissions, which
    each database numbers itself, by natural key; everything else by id, which a restore must keep."""

    def handle_fk_field(self, obj: Model, field: Field) -> None:
        self.use_natural_foreign_keys = field.related_model._meta.label_lower in EXCLUDED_MODELS
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: Model, field: Field) -> None:
        self.use_natural_foreign_keys = field.related_model._meta.label_lower in EXCLUDED_MODELS
        super().handle_m2m_field(obj, field)


def fingerprint() -> dict[str, str]:
    """Every row of every carried model, keyed model:pk."""

    def plain(value: object) -> str:
        return value.isoformat() if isinstance(value, dt.datetime | dt.date | dt.time) else str(value)

    rows = {}
    for model in apps.get_models():
        if model._meta.label_lower in EXCLUDED_MODELS or not model._meta.managed or model._meta.proxy:
            continue
        many = {f.name for f in model._meta.many_to_many}  # a set: the database promises its ids no order
        for row in _PythonValues().serialize(model._base_manager.order_by("pk")):
            fields = {k: sorted(v) if k in many else v for k, v in row["fields"].items()}
            rows[f"{row['model']}:{row['pk']}"] = json.dumps(fields, sort_keys=True, default=plain)
    return rows


def register_entries() -> list[tuple]:
    from correspondence.models import Letter

    return list(
        Letter.objects.order_by("pk").values_list("register__code", "year", "number", "subject", "secrecy", "status")
    )


def history_counts() -> dict[str, int]:
    from simple_history.models import HistoricalChanges

    return {m._meta.label_lower: m.objects.count() for m in apps.get_models() if issubclass(m, HistoricalChanges)}


def media_checksums(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def restored_report(path: str) -> None:
    """Run in the restored installation: the comparison data, then a new entry and two sign-ins."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from correspondence import services
    from correspondence.models import Letter

    report = {"fingerprint": fingerprint(), "entries": register_entries(), "history": history_counts()}
    report["media"] = media_checksums(Path(settings.MEDIA_ROOT))
    clerk = get_user_model().objects.get(username="clerk")
    letter = services.letter_register_incoming(
        user=clerk, subject="ขอเชิญประชุมเชิงปฏิบัติการการนิเทศภายในสถานศึกษาหลังกู้คืนข้อมูล",
        sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    )  # fmt: skip
    same_number = Letter.objects.filter(register=letter.register, year=letter.year, number=letter.number).count()
    report["new_entry"] = {"pk": letter.pk, "year": letter.year, "number": letter.number, "same_number": same_number}
    login = "/accounts/login/"
    report["login_ok"] = Client().post(login, {"username": "clerk", "password": DEMO_PASSWORD}).status_code
    report["login_wrong"] = Client().post(login, {"username": "clerk", "password": "wrong-password"}).status_code
    Path(path).write_text(json.dumps(report, default=str, ensure_ascii=False), encoding="utf-8")


# --- Data shaped like an office's ------------------------------------------------------------------------
def _pdf(text: str) -> bytes:
    body = f"BT /F1 16 Tf 72 720 Td ({text.encode('unicode_escape').decode()}) Tj ET".encode()
    return b"%PDF-1.4\n1 0 obj << /Length " + str(len(body)).encode() + b" >> stream\n" + body + b"\nendstream\n%%EOF\n"


def _png(seed: int) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), (seed * 40 % 256, 120, 200))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def attach_files() -> list[str]:
    """Scans on an ordinary and a secret entry, photos on a visit: real files in MEDIA_ROOT."""
    from django.contrib.auth import get_user_model

    from correspondence.attachments import attachment_add
    from correspondence.models import Letter
    from supervision.models import Visit
    from supervision.models.visits import EDITABLE_STATUSES
    from supervision.services.visits import evidence_add

    clerk = get_user_model().objects.get(username="clerk")
    open_entries = Letter.objects.filter(destruction__isnull=True).exclude(status="cancelled").order_by("-pk")
    normal, secret = open_entries.filter(secrecy=0).first(), open_entries.filter(secrecy=1).first()
    names = []
    for n, letter in enumerate([normal, normal, secret]):
        upload = SimpleUploadedFile(f"หนังสือ{letter.subject} ฉบับสแกนหน้า {n + 1}.pdf", _pdf(f"scan {n} {letter.pk}"))
        names.append(attachment_add(user=clerk, letter=letter, upload=upload).file.name)
    visit = Visit.objects.filter(status__in=EDITABLE_STATUSES).order_by("pk").first()
    for n in range(2):
        upload = SimpleUploadedFile(f"ภาพกิจกรรมการนิเทศห้องเรียน ป.{n + 1}.png", _png(n))
        names.append(evidence_add(user=visit.created_by, visit=visit, upload=upload, caption="ครูสาธิตการสอน").file.name)
    return names


# --- A fresh database for the restore --------------------------------------------------------------------
@contextmanager
def fresh_database(tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of the suite's kind, dropped afterwards."""
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{db['NAME']}_restore"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else "")
    try:
        yield f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, database_url: str, var_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "CELERY_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings_test", DATABASE_URL=database_url, VAR_DIR=str(var_dir))
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def only_archive(folder: Path) -> Path:
    archives = list(folder.glob("backup-*.tar.gz"))
    assert len(archives) == 1, archives
    return archives[0]


# --- The round trip ---------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_restore_into_a_fresh_database_brings_back_every_entry_number_file_and_login(tmp_path):
    from correspondence.models import RegisterCounter

    call_command("seed_demo", stdout=io.StringIO())
    attach_files()
    year = thaidate.calendar_year_be(timezone.now())
    counter = RegisterCounter.objects.filter(register__code="receive", year=year).first()
    expected_number = counter.next_number if counter else 1
    source = {"fingerprint": fingerprint(), "entries": register_entries(), "history": history_counts()}
    source_media = media_checksums(Path(settings.MEDIA_ROOT))
    assert len(source_media) >= 5 and sum(source["history"].values()) > 1000
    assert any(e[5] == "cancelled" for e in source["entries"]) and any(e[4] > 0 for e in source["entries"])

    out = io.StringIO()
    call_command("backup", output=tmp_path / "backups", stdout=out)
    archive = only_archive(tmp_path / "backups")
    assert "สำรองข้อมูลเรียบร้อย" in out.getvalue() and str(archive) in out.getvalue()
    assert f"ไฟล์แนบ: {len(source_media)} ไฟล์" in out.getvalue()

    with fresh_database(tmp_path) as url:
        var_dir = tmp_path / "restored"
        run = manage("manage.py", "restore", str(archive), database_url=url, var_dir=var_dir)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "กู้คืนข้อมูลเรียบร้อย" in run.stdout and "migrate" in run.stdout  # the empty database was migrated first
        code = "import sys, django; django.setup(); from tests.core.test_backup import restored_report as r; r(sys.argv[1])"
        run = manage("-c", code, str(tmp_path / "report.json"), database_url=url, var_dir=var_dir)
        assert run.returncode == 0, run.stdout + run.stderr
    restored = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))

    differing = [k for k in source["fingerprint"].keys() | restored["fingerprint"].keys()
                 if source["fingerprint"].get(k) != restored["fingerprint"].get(k)]  # fmt: skip
    assert not differing, f"{len(differing)} rows differ after restore, e.g. {sorted(differing)[:10]}"
    assert [tuple(e) for e in restored["entries"]] == source["entries"]
    assert restored["history"] == source["history"]  # loaded, not regenerated or doubled
    assert restored["media"] == source_media
    new = restored["new_entry"]
    assert (new["year"], new["number"], new["same_number"]) == (year, expected_number, 1)
    assert restored["login_ok"] == 302 and restored["login_wrong"] == 200


# --- Refusals -------------------------------------------------------------------------------------------------
@pytest.fixture
def small_office(users, school):
    """A few entries, one with a scan, and its archive (made in this test's transaction)."""
    from correspondence import services
    from correspondence.attachments import attachment_add

    clerk = users["clerk"]
    letters = [
        services.letter_register_incoming(
            user=clerk,
            subject=f"ขอความร่วมมือรายงานผลการนิเทศภายในสถานศึกษา ครั้งที่ {n}",
            sender="สำนักงานศึกษาธิการจังหวัดสุขใจ",
            recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
        )  # fmt: skip
        for n in range(1, 4)
    ]
    services.letter_cancel(user=clerk, letter=letters[1], reason="ลงทะเบียนซ้ำกับเลขก่อนหน้า")
    scan = SimpleUploadedFile("หนังสือขอความร่วมมือ ฉบับสแกน.pdf", _pdf("small office scan"))
    attachment_add(user=clerk, letter=letters[0], upload=scan)
    return letters


def _backup(folder: Path, **options: object) -> Path:
    before = set(folder.glob("backup-*.tar.gz")) if folder.exists() else set()
    call_command("backup", output=folder, stdout=io.StringIO(), **options)
    (made,) = set(folder.glob("backup-*.tar.gz")) - before
    return made


def _rewrite(archive: Path, target: Path, change: dict) -> Path:
    """A copy of `archive` with the members named in `change` passed through change[name](bytes)."""
    with tarfile.open(archive, "r:gz") as src, tarfile.open(target, "w:gz") as dst:
        for member in src:
            data = src.extractfile(member).read()
            data = change.get(member.name, lambda b: b)(data)
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    return target


def _flip_last_byte(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 0xFF])


def _corrupt_media(archive: Path, tmp_path: Path) -> Path:
    with tarfile.open(archive, "r:gz") as tar:
        scan = next(m.name for m in tar if m.name.startswith("media/"))
    return _rewrite(archive, tmp_path / "corrupt.tar.gz", {scan: _flip_last_byte})


def _truncate(archive: Path, tmp_path: Path) -> Path:
    target = tmp_path / "truncated.tar.gz"
    target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return target


@pytest.mark.parametrize("damage", [_corrupt_media, _truncate], ids=["a changed scan", "a cut-off archive"])
def test_a_damaged_archive_is_refused_and_nothing_changes(small_office, tmp_path, damage):
    from correspondence.models import Attachment, Letter

    archive = _backup(tmp_path / "backups")
    damaged = damage(archive, tmp_path)
    media_before, entries_before = media_checksums(Path(settings.MEDIA_ROOT)), register_entries()
    with pytest.raises(CommandError, match="เสียหาย.*ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ"):
        call_command("restore", str(damaged), force=True, stdout=io.StringIO())
    assert register_entries() == entries_before and Attachment.objects.count() == 1
    assert Letter.objects.filter(status="cancelled").count() == 1
    assert media_checksums(Path(settings.MEDIA_ROOT)) == media_before


def test_a_restore_over_existing_data_needs_force_and_then_brings_the_backup_back(small_office, users, tmp_path):
    from correspondence import services

    archive = _backup(tmp_path / "backups")
    at_backup = fingerprint()
    services.letter_register_incoming(
        user=users["clerk"], subject="หนังสือที่ลงทะเบียนหลังการสำรองข้อมูล", sender="มหาวิทยาลัยราชภัฏสุขใจ",
        recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    )  # fmt: skip
    after_backup = fingerprint()
    with pytest.raises(CommandError, match=r"มีข้อมูลอยู่แล้ว: ผู้ใช้ \d+ รายการ.*หนังสือ 4 รายการ.*--force"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert fingerprint() == after_backup

    out = io.StringIO()
    call_command("restore", str(archive), force=True, stdout=out)
    assert "กู้คืนข้อมูลเรียบร้อย" in out.getvalue()
    assert fingerprint() == at_backup
    latest = services.letter_register_incoming(
        user=users["clerk"], subject="หนังสือฉบับแรกหลังกู้คืน", sender="สำนักงานศึกษาธิการจังหวัดสุขใจ",
        recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    )  # fmt: skip
    assert latest.number == 4  # 1-3 were in the backup (2 cancelled, never reused); 4 continues


def _newer(manifest: dict) -> dict:
    manifest["migrations"]["correspondence"]["applied"].append("9999_from_a_newer_release")
    return manifest


def _older(manifest: dict) -> dict:
    manifest["migrations"]["correspondence"]["applied"].pop()
    return manifest


@pytest.mark.parametrize(("edit", "message"), [(_newer, "ใหม่กว่าโปรแกรมนี้"), (_older, "เก่ากว่าโปรแกรมนี้")])
def test_an_archive_from_other_code_is_refused(small_office, tmp_path, edit, message):
    archive = _backup(tmp_path / "backups")

    def change(data: bytes) -> bytes:
        return json.dumps(edit(json.loads(data))).encode()

    other = _rewrite(archive, tmp_path / "other.tar.gz", {MANIFEST: change})
    entries = register_entries()
    with pytest.raises(CommandError, match=f"{message}.*correspondence"):
        call_command("restore", str(other), force=True, stdout=io.StringIO())
    assert register_entries() == entries


def test_the_manifest_counts_every_row_and_checksums_every_file(small_office, tmp_path):
    from correspondence.models import Attachment, Letter

    archive = _backup(tmp_path / "backups")
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
        dump = tar.extractfile("database.jsonl").read()
        scan = Attachment.objects.get()
        stored = tar.extractfile(f"media/{scan.file.name}").read()
    assert manifest["row_counts"]["correspondence.letter"] == Letter.objects.count() == 3
    assert manifest["row_counts"]["correspondence.historicalletter"] == Letter.history.count()
    assert manifest["database"]["sha256"] == hashlib.sha256(dump).hexdigest()
    assert manifest["media"][scan.file.name]["sha256"] == hashlib.sha256(stored).hexdigest()
    assert stored == Path(scan.file.path).read_bytes()
    assert manifest["migrations"]["correspondence"]["latest"].startswith("0")
    assert len(dump.splitlines()) == sum(manifest["row_counts"].values())


def test_keep_prunes_the_oldest_archives(small_office, tmp_path):
    folder = tmp_path / "backups"
    made = [_backup(folder, keep=2) for _ in range(3)]
    assert sorted(folder.glob("backup-*.tar.gz")) == sorted(made[1:])
    with pytest.raises(CommandError, match="--keep ต้องเป็นจำนวนเต็มตั้งแต่ 1"):
        call_command("backup", output=folder, keep=0, stdout=io.StringIO())
