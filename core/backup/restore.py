"""Restoring a backup archive: check everything first, then load it in one transaction."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction

from ..storage import is_local
from .common import (
    BATCH,
    DATABASE,
    FORMAT,
    MANIFEST,
    MEDIA_PREFIX,
    BackupError,
    Log,
    RestoreResult,
    _code_migrations,
    _is_history,
    _m2m_fields,
    _sha256,
    _tables,
    backed_up_models,
)


# --- Restore: check the archive -----------------------------------------------------------------------------
def _extract(archive: Path, into: Path) -> dict:
    """Unpack `archive` into `into` and check it against its manifest; returns the manifest."""
    corrupt = f"ไฟล์ชุดสำรอง {archive.name} เสียหายหรือไม่ใช่ชุดสำรองของระบบนี้"
    if not archive.is_file():
        raise BackupError(f"ไม่พบไฟล์ชุดสำรอง {archive}")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if not (member.isfile() or member.isdir()):
                    raise BackupError(f"{corrupt} (มีรายการที่ไม่ใช่ไฟล์: {member.name})")
                tar.extract(member, into, filter="data")
    except BackupError:
        raise
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise BackupError(f"{corrupt} (อ่านไฟล์ไม่ได้: {exc}) ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ") from exc
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{corrupt} (ไม่มีหรืออ่าน {MANIFEST} ไม่ได้) ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{corrupt} (รูปแบบ {manifest.get('format') if isinstance(manifest, dict) else '?'})")
    problems = _checksum_problems(manifest, into)
    if problems:
        listed = "; ".join(problems[:5]) + (f" และอีก {len(problems) - 5} รายการ" if len(problems) > 5 else "")
        raise BackupError(f"{corrupt}: {listed} — ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ ให้ใช้ชุดสำรองอื่น")
    return manifest


def _checksum_problems(manifest: dict, into: Path) -> list[str]:
    problems = []
    expected = {DATABASE: manifest["database"]["sha256"]}
    expected.update({MEDIA_PREFIX + name: entry["sha256"] for name, entry in manifest["media"].items()})
    for name, sha in expected.items():
        path = into / name
        if not path.is_file():
            problems.append(f"ไม่มีไฟล์ {name}")
        elif _sha256(path) != sha:
            problems.append(f"ไฟล์ {name} ไม่ตรงกับ checksum")
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()}
    problems += [f"มีไฟล์ {name} ที่ไม่อยู่ในรายการ" for name in sorted(present - expected.keys() - {MANIFEST})]
    return problems


def _check_migrations(manifest: dict, connection) -> set[tuple[str, str]]:  # noqa: ANN001
    """Refuse an archive from other code; returns the migrations the target database still lacks."""
    known, applied = _code_migrations(connection)
    carried = {(app, name) for app, state in manifest["migrations"].items() for name in state["applied"]}
    newer = sorted(carried - known)
    if newer:
        names = ", ".join(f"{app}.{name}" for app, name in newer[:5])
        raise BackupError(
            f"ชุดสำรองนี้มาจากโปรแกรมรุ่นที่ใหม่กว่าโปรแกรมนี้ (มี migration ที่โปรแกรมนี้ไม่รู้จัก: {names}) "
            "ให้ติดตั้งโปรแกรมรุ่นเดียวกับตอนสำรองก่อนแล้วจึงกู้คืน"
        )
    older = sorted(known - carried)
    if older:
        names = ", ".join(f"{app}.{name}" for app, name in older[:5])
        raise BackupError(
            f"ชุดสำรองนี้มาจากโปรแกรมรุ่นที่เก่ากว่าโปรแกรมนี้ (ยังไม่มี migration: {names}) "
            "ให้กู้คืนด้วยโปรแกรมรุ่นเดียวกับตอนสำรอง แล้วจึงปรับรุ่นโปรแกรมและสั่ง python manage.py migrate"
        )
    return known - applied


def _existing_data(connection) -> list[str]:  # noqa: ANN001
    """What a restore would delete: users and the audit trail, counted per model ([] = nothing)."""
    tables = set(connection.introspection.table_names())
    counts = {
        model: model._base_manager.using(connection.alias).count()
        for model in backed_up_models()
        if model._meta.db_table in tables
    }
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    history = sum(n for model, n in counts.items() if _is_history(model))
    if not counts.get(user_model) and not history:
        return []  # only what `migrate` itself puts in (roles, registers, default tools)
    # Users first, then the records the audit trail tracks (letters, visits …), then the rest: largest first.
    tracked = {m.instance_type for m in counts if _is_history(m)}
    kept = sorted(
        ((n, m) for m, n in counts.items() if n and not _is_history(m)),
        key=lambda x: (x[1] != user_model, x[1] not in tracked, -x[0]),
    )
    listed = [f"{m._meta.verbose_name_plural} {n:,} รายการ" for n, m in kept[:8]]
    if len(kept) > 8:
        listed.append(f"และข้อมูลอื่นอีก {len(kept) - 8} ตาราง")
    return listed + ([f"ประวัติการแก้ไข {history:,} รายการ"] if history else [])


# --- Restore: load ---------------------------------------------------------------------------------------
def _flush(connection, model_list: list[type[models.Model]]) -> None:  # noqa: ANN001
    """Empty every table the archive fills, and the sessions (nobody stays signed in as someone else)."""
    tables = _tables(model_list)
    if apps.is_installed("django.contrib.sessions"):
        tables.append(apps.get_model("sessions", "Session")._meta.db_table)
    # PostgreSQL refuses TRUNCATE while deferred foreign-key checks of this transaction are
    # pending; run them now (a no-op at the start of a fresh transaction).
    connection.check_constraints()
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tables, reset_sequences=False, allow_cascade=False):
            cursor.execute(sql)


class _Loader:
    """Bulk-inserts deserialized rows model by model: no save(), no signals, no history regenerated."""

    def __init__(self, using: str) -> None:
        self.using = using
        self.pending: dict[type[models.Model], list[models.Model]] = {}

    def add(self, item: serializers.base.DeserializedObject) -> None:
        obj = item.object
        if item.deferred_fields:
            raise BackupError(f"อ้างถึงข้อมูลที่ไม่มีในฐานข้อมูลปลายทาง: {obj._meta.label} pk={obj.pk}")
        self._queue(type(obj), obj)
        for name, targets in (item.m2m_data or {}).items():
            relation = obj._meta.get_field(name)
            through = relation.remote_field.through
            source = through._meta.get_field(relation.m2m_field_name()).attname
            target = through._meta.get_field(relation.m2m_reverse_field_name()).attname
            for pk in targets:
                self._queue(through, through(**{source: obj.pk, target: pk}))

    def _queue(self, model: type[models.Model], obj: models.Model) -> None:
        rows = self.pending.setdefault(model, [])
        rows.append(obj)
        if len(rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        ops = connections[self.using].ops
        for model, rows in self.pending.items():
            if not rows:
                continue
            # Raw inserts, as loaddata's raw save: auto_now fields keep the archive's times.
            # A generated column (Letter.subject_upper) is the database's to fill, never the archive's.
            fields = [
                f for f in model._meta.concrete_fields
                if not (f.primary_key and rows[0].pk is None) and not f.generated
            ]  # fmt: skip
            size = max(ops.bulk_batch_size(fields, rows), 1)
            for start in range(0, len(rows), size):
                model._base_manager._insert(rows[start : start + size], fields=fields, using=self.using, raw=True)
        self.pending = {}


def _load_database(path: Path, manifest: dict, using: str) -> int:
    """Replace every row with the archive's, in the caller's transaction; returns the rows loaded."""
    connection = connections[using]
    model_list = backed_up_models()
    _flush(connection, model_list)
    loader = _Loader(using)
    try:
        with path.open(encoding="utf-8") as stream, connection.constraint_checks_disabled():
            for item in jsonl.Deserializer(stream, using=using):
                loader.add(item)
            loader.flush()
        connection.check_constraints(table_names=_tables(model_list))
    except BackupError:
        raise
    except Exception as exc:  # a row the database refuses: say which, change nothing
        raise BackupError(f"โหลดข้อมูลจากชุดสำรองไม่สำเร็จ ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ: {exc}") from exc
    throughs = [f.remote_field.through for m in model_list for f in _m2m_fields(m)]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), model_list + throughs):
            cursor.execute(sql)  # PostgreSQL: the next id continues after the restored ones
    loaded = {m._meta.label_lower: m._base_manager.using(using).count() for m in model_list}
    wrong = [
        f"{label}: ชุดสำรอง {count:,} แถว โหลดได้ {loaded.get(label, 0):,} แถว"
        for label, count in manifest["row_counts"].items()
        if loaded.get(label) != count
    ]
    if wrong:
        raise BackupError("จำนวนแถวหลังกู้คืนไม่ตรงกับชุดสำรอง ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ: " + "; ".join(wrong[:5]))
    return sum(manifest["row_counts"].values())


def _upload_media(manifest: dict, source: Path) -> int:
    """Put the archive's files into object storage under their own names and check each one there."""
    total = 0
    for name, entry in manifest["media"].items():
        if not (default_storage.exists(name) and _stored_sha256(name) == entry["sha256"]):
            if default_storage.exists(name):
                default_storage.delete(name)
            with (source / (MEDIA_PREFIX + name)).open("rb") as fh:
                stored = default_storage.save(name, File(fh))
            if stored != name or _stored_sha256(name) != entry["sha256"]:
                raise BackupError(f"ไฟล์ {name} ที่อัปโหลดไปยังที่เก็บไฟล์ไม่ตรงกับ checksum")
        total += entry["size"]
    return total


def _stored_sha256(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _place_media(manifest: dict, source: Path) -> int:
    """Move the archive's files into MEDIA_ROOT and check each one where it lands; returns the bytes."""
    if not is_local(default_storage):
        return _upload_media(manifest, source)
    root = Path(settings.MEDIA_ROOT)
    total = 0
    for name, entry in manifest["media"].items():
        destination = root / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if not (destination.is_file() and _sha256(destination) == entry["sha256"]):
            shutil.move(source / (MEDIA_PREFIX + name), destination)
            if _sha256(destination) != entry["sha256"]:
                raise BackupError(f"ไฟล์ {name} ที่วางลงใน MEDIA_ROOT ไม่ตรงกับ checksum (พื้นที่ดิสก์เต็มหรือไม่)")
        total += entry["size"]
    return total


def backup_restore(
    *, archive: Path, force: bool = False, using: str = DEFAULT_DB_ALIAS, log: Log = lambda _: None
) -> RestoreResult:
    """Check `archive`, bring the target's schema up to the code, then replace its data and media with it."""
    started = time.monotonic()
    archive = Path(archive)
    connection = connections[using]
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    # Unpacked next to MEDIA_ROOT, so the files are moved into place, not copied, where possible.
    beside = root.resolve().parent if os.access(root.resolve().parent, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=beside) as tmp:
        work = Path(tmp)
        log("ตรวจชุดสำรอง (checksum ทุกไฟล์)…")
        manifest = _extract(archive, work)
        lacking = _check_migrations(manifest, connection)
        existing = _existing_data(connection)
        if existing and not force:
            raise BackupError(
                "ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว: " + ", ".join(existing) + " — การกู้คืนจะลบข้อมูลเหล่านี้ทั้งหมด"
                "และแทนที่ด้วยข้อมูลในชุดสำรอง ถ้าต้องการเช่นนั้นจริง ให้สำรองฐานข้อมูลนี้ไว้ก่อน แล้วสั่งใหม่พร้อม --force"
            )
        if lacking:
            log(f"ปรับโครงสร้างฐานข้อมูลปลายทาง (migrate {len(lacking)} รายการ)…")
            call_command("migrate", database=using, interactive=False, verbosity=0)
        log("โหลดข้อมูลและวางไฟล์…")
        with transaction.atomic(using=using):
            rows = _load_database(work / DATABASE, manifest, using)
            media_bytes = _place_media(manifest, work)
    return RestoreResult(
        rows=rows, tables=len(manifest["row_counts"]), files=len(manifest["media"]), media_bytes=media_bytes,
        migrated=len(lacking), seconds=time.monotonic() - started, created_at=manifest["created_at"],
        missing_files=manifest.get("missing_files", []),
    )  # fmt: skip
