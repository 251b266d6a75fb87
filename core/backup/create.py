"""Writing a backup archive: the database read in one snapshot, the media files, the manifest."""

from __future__ import annotations

import json
import os
import shutil
import socket
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils import timezone

from ..storage import is_local
from .common import (
    ARCHIVE_GLOB,
    DATABASE,
    FORMAT,
    MANIFEST,
    MEDIA_PREFIX,
    BackupError,
    BackupResult,
    _app_version,
    _by_app,
    _code_migrations,
    _Encoder,
    _HashingReader,
    _is_history,
    _m2m_fields,
    _office_tag,
    _Serializer,
    backed_up_models,
)


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


def _add_media(tar: tarfile.TarFile, output: Path, referenced: set[str]) -> dict[str, dict]:
    """Every file under MEDIA_ROOT; from object storage, every file the database names (a bucket may be
    shared, so it is never listed whole)."""
    media: dict[str, dict] = {}
    if is_local(default_storage):
        for path, name in _media_files(exclude=output.resolve()):
            sha, size = _add_file(tar, path, MEDIA_PREFIX + name)
            media[name] = {"sha256": sha, "size": size}
        return media
    for name in sorted(str(item) for item in referenced):  # FieldFiles: their names
        if default_storage.exists(name):  # one the storage no longer has is reported as missing
            info = tarfile.TarInfo(MEDIA_PREFIX + name)
            info.size, info.mtime, info.mode = default_storage.size(name), int(time.time()), 0o640
            with default_storage.open(name, "rb") as fh:
                reader = _HashingReader(fh)
                tar.addfile(info, reader)
            media[name] = {"sha256": reader.digest.hexdigest(), "size": info.size}
    return media


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
    with tarfile.open(work / "archive.tar.gz", "w:gz", compresslevel=6) as tar:
        dump_sha, dump_size = _add_file(tar, dump, DATABASE)
        dump.unlink()
        media = _add_media(tar, output, referenced)
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
