"""Backup and restore (สำรองและกู้คืนข้อมูล): one archive holding the database and the media files.

Archive (tar.gz):
    manifest.json    when, from which office and code, migration state, rows per model, sha256 of everything
    database.jsonl   every row of every model as Django's JSON Lines, one model after another
    media/…          every file under MEDIA_ROOT

The dump is portable (a backup from SQLite restores into PostgreSQL and back): primary keys are kept,
so every register entry, number and audit-trail row comes back as it was; only content types and
permissions, which each database numbers itself, are written by natural key. It is read in one
snapshot (PostgreSQL REPEATABLE READ READ ONLY; SQLite one deferred read transaction, which in WAL
mode does not hold writers up), so rows and register counters agree.

Restore checks the archive before it touches anything, then loads every row in one transaction with
bulk inserts: no save(), no signal, so no app logic runs and the audit trail is loaded, not
regenerated. docs/BACKUP.md is the operator's guide.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = "supervision-backup/1"
MANIFEST, DATABASE = "manifest.json", "database.jsonl"
MEDIA_PREFIX = "media/"
# Rebuilt by `migrate` in every database with its own numbering, or not worth carrying (sessions:
# everyone signs in again after a restore).
EXCLUDED_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
NATURAL_KEY_MODELS = {"contenttypes.contenttype", "auth.permission"}
ARCHIVE_GLOB = "backup-*.tar.gz"
CHUNK = 1024 * 1024
BATCH = 1000

Log = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore refused or failed; the message is Thai and says what to do."""


@dataclass
class BackupResult:
    path: Path
    rows: int
    tables: int
    files: int
    media_bytes: int
    archive_bytes: int
    seconds: float
    missing_files: list[str] = field(default_factory=list)
    pruned: list[Path] = field(default_factory=list)


@dataclass
class RestoreResult:
    rows: int
    tables: int
    files: int
    media_bytes: int
    migrated: int
    seconds: float
    created_at: str
    missing_files: list[str] = field(default_factory=list)


# --- What is carried ----------------------------------------------------------------------------------
def backed_up_models() -> list[type[models.Model]]:
    """Every concrete, managed model but the excluded ones, in dependency order."""
    wanted = {
        m
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m._meta.label_lower not in EXCLUDED_MODELS
    }
    app_list = [(config, None) for config in apps.get_app_configs()]
    return [m for m in serializers.sort_dependencies(app_list, allow_cycles=True) if m in wanted]


def _is_history(model: type[models.Model]) -> bool:
    from simple_history.models import HistoricalChanges

    return issubclass(model, HistoricalChanges)


def _m2m_fields(model: type[models.Model]) -> list[models.ManyToManyField]:
    return [f for f in model._meta.local_many_to_many if f.remote_field.through._meta.auto_created]


def _tables(model_list: Iterable[type[models.Model]]) -> list[str]:
    tables = []
    for model in model_list:
        tables.append(model._meta.db_table)
        tables += [f.remote_field.through._meta.db_table for f in _m2m_fields(model)]
    return tables


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts times to milliseconds; a backup keeps every microsecond."""

    def default(self, o: object) -> object:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class _Serializer(jsonl.Serializer):
    """JSON Lines with natural keys only where each database numbers rows itself (content types,
    permissions). Users and the rest keep their ids: looking each one up by name would cost a
    query per row on restore."""

    def handle_fk_field(self, obj: models.Model, field: models.Field) -> None:
        self.use_natural_foreign_keys = field.related_model._meta.label_lower in NATURAL_KEY_MODELS
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: models.Model, field: models.Field) -> None:
        self.use_natural_foreign_keys = field.related_model._meta.label_lower in NATURAL_KEY_MODELS
        super().handle_m2m_field(obj, field)


# --- Small helpers --------------------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """Reads a file into the archive and hashes exactly the bytes that went in."""

    def __init__(self, fh) -> None:  # noqa: ANN001
        self.fh, self.digest = fh, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        self.digest.update(data)
        return data


def _megabytes(size: int) -> str:
    return f"{size / 1048576:,.1f} MB"


def _app_version() -> dict[str, str]:
    commit = os.environ.get("APP_COMMIT", "")
    if not commit and (Path(settings.BASE_DIR) / ".git").exists() and shutil.which("git"):
        try:
            run = subprocess.run(
                ["git", "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=10
            )
            commit = run.stdout.strip() if run.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            commit = ""
    return {"version": settings.SPECTACULAR_SETTINGS.get("VERSION", ""), "commit": commit}


def _code_migrations(connection) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:  # noqa: ANN001
    """(migrations the code has, those of them applied in the database)."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    known = set(loader.graph.nodes)
    return known, set(loader.applied_migrations or ()) & known


def _by_app(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for app, name in sorted(pairs):
        grouped.setdefault(app, []).append(name)
    return grouped


def _office_tag() -> str:
    """The office's letter code in ASCII (ศธ 04123 -> 04123) for file names, else the host name."""
    from .models import OfficeProfile

    default = OfficeProfile._meta.get_field("letter_code").default
    code = OfficeProfile.objects.filter(pk=1).values_list("letter_code", flat=True).first() or ""
    tag = re.sub(r"[^A-Za-z0-9]+", "", code) if code != default else ""
    return tag or re.sub(r"[^A-Za-z0-9-]+", "", socket.gethostname()) or "office"


# --- Backup ---------------------------------------------------------------------------------------------
@contextmanager
def _read_snapshot(connection) -> Iterator[None]:  # noqa: ANN001
    """One consistent view of the database for every read made inside."""
    if connection.in_atomic_block:
        yield  # inside a caller's transaction (tests): read what it sees
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # Not atomic(): settings open those with BEGIN IMMEDIATE, which would hold writers off.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
            try:
                cursor.execute("SELECT count(*) FROM django_migrations")  # the snapshot starts here
                yield
            finally:
                cursor.execute("ROLLBACK")
    else:
        with transaction.atomic(using=connection.alias):
            yield


def _dump_database(path: Path, using: str) -> tuple[dict, dict[str, int], set[str]]:
    """Write every row to `path`; returns (migrations by app, rows per model, media names referenced)."""
    connection = connections[using]
    counts: Counter[str] = Counter()
    referenced: set[str] = set()
    with _read_snapshot(connection), path.open("w", encoding="utf-8") as out:
        _, applied = _code_migrations(connection)
        for model in backed_up_models():
            counts[model._meta.label_lower] = 0
            prefetch = [
                f"{f.name}__content_type" if f.related_model._meta.label_lower == "auth.permission" else f.name
                for f in _m2m_fields(model)
            ]
            queryset = model._base_manager.using(using).order_by("pk").prefetch_related(*prefetch)
            _Serializer().serialize(_rows(queryset, counts, referenced), stream=out, cls=_Encoder)
    return _by_app(applied), dict(counts), referenced


def _rows(queryset: models.QuerySet, counts: Counter[str], referenced: set[str]) -> Iterator[models.Model]:
    """The rows, streamed; counted, and the media files they name noted (audit-trail copies aside)."""
    model = queryset.model
    file_fields = [] if _is_history(model) else [f.attname for f in model._meta.concrete_fields
                                                  if isinstance(f, models.FileField)]  # fmt: skip
    for obj in queryset.iterator(chunk_size=2000):
        counts[model._meta.label_lower] += 1
        referenced.update(name for name in (getattr(obj, f) for f in file_fields) if name)
        yield obj


def _media_files(exclude: Path) -> Iterator[tuple[Path, str]]:
    root = Path(settings.MEDIA_ROOT).resolve()
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink() and exclude not in path.parents:
                yield path, path.relative_to(root).as_posix()


def _add_file(tar: tarfile.TarFile, path: Path, arcname: str) -> tuple[str, int]:
    info = tar.gettarinfo(str(path), arcname)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with path.open("rb") as fh:
        reader = _HashingReader(fh)
        tar.addfile(info, reader)
    return reader.digest.hexdigest(), info.size


def _add_bytes(tar: tarfile.TarFile, data: bytes, arcname: str) -> None:
    info = tarfile.TarInfo(arcname)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o640
    tar.addfile(info, _BytesReader(data))


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.pos + size
        chunk, self.pos = self.data[self.pos : end], min(end, len(self.data))
        return chunk


def _archive_path(output: Path) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    base = f"backup-{_office_tag()}-{stamp}"
    path, n = output / f"{base}.tar.gz", 1
    while path.exists():
        n += 1
        path = output / f"{base}-{n}.tar.gz"
    return path


def backup_create(
    *, output: Path | None = None, keep: int | None = None, using: str = DEFAULT_DB_ALIAS
) -> BackupResult:
    """Write one archive into `output` (default VAR_DIR/backups), atomically; prune to `keep` archives."""
    started = time.monotonic()
    output = Path(output or Path(settings.VAR_DIR) / "backups")
    if keep is not None and keep < 1:
        raise BackupError("--keep ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"สร้างโฟลเดอร์เก็บชุดสำรอง {output} ไม่ได้: {exc.strerror or exc}") from exc
    path = _archive_path(output)
    work = Path(tempfile.mkdtemp(prefix=".backup-", dir=output))
    try:
        result = _write_archive(work, output, using)
        os.replace(work / "archive.tar.gz", path)
    except OSError as exc:  # disk full, a file removed while it was read …: no half archive is left
        raise BackupError(f"เขียนชุดสำรองไม่สำเร็จ ({exc}) ไม่มีไฟล์ชุดสำรองใหม่เกิดขึ้น") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result.path, result.archive_bytes = path, path.stat().st_size
    result.pruned = backups_prune(output=output, keep=keep) if keep else []
    result.seconds = time.monotonic() - started
    return result


def _write_archive(work: Path, output: Path, using: str) -> BackupResult:
    created_at = timezone.now()
    dump = work / DATABASE
    migrations, counts, referenced = _dump_database(dump, using)
    media: dict[str, dict] = {}
    with tarfile.open(work / "archive.tar.gz", "w:gz", compresslevel=6) as tar:
        dump_sha, dump_size = _add_file(tar, dump, DATABASE)
        dump.unlink()
        for path, name in _media_files(exclude=output.resolve()):
            sha, size = _add_file(tar, path, MEDIA_PREFIX + name)
            media[name] = {"sha256": sha, "size": size}
        missing = sorted(referenced - media.keys())
        manifest = {
            "format": FORMAT,
            "created_at": created_at.isoformat(),
            "host": socket.gethostname(),
            "app": _app_version(),
            "database": {"vendor": connections[using].vendor, "file": DATABASE, "sha256": dump_sha, "size": dump_size},
            "migrations": {app: {"latest": names[-1], "applied": names} for app, names in migrations.items()},
            "row_counts": counts,
            "media": media,
            "missing_files": missing,
        }
        _add_bytes(tar, json.dumps(manifest, ensure_ascii=False, indent=1).encode(), MANIFEST)
    with (work / "archive.tar.gz").open("rb") as fh:
        os.fsync(fh.fileno())
    return BackupResult(
        path=Path(), rows=sum(counts.values()), tables=len(counts), files=len(media),
        media_bytes=sum(m["size"] for m in media.values()), archive_bytes=0, seconds=0, missing_files=missing,
    )  # fmt: skip


def backups_prune(*, output: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest archives in `output`; returns what was deleted."""
    archives = sorted(Path(output).glob(ARCHIVE_GLOB), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    for old in archives[keep:]:
        old.unlink()
    return archives[keep:]


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
            fields = [f for f in model._meta.concrete_fields if not (f.primary_key and rows[0].pk is None)]
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


def _place_media(manifest: dict, source: Path) -> int:
    """Move the archive's files into MEDIA_ROOT and check each one where it lands; returns the bytes."""
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
