"""What a backup carries, its manifest's shape and the helpers both directions share."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.migrations.loader import MigrationLoader

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
    from core.models import OfficeProfile

    default = OfficeProfile._meta.get_field("letter_code").default
    code = OfficeProfile.objects.filter(pk=1).values_list("letter_code", flat=True).first() or ""
    tag = re.sub(r"[^A-Za-z0-9]+", "", code) if code != default else ""
    return tag or re.sub(r"[^A-Za-z0-9-]+", "", socket.gethostname()) or "office"
