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

from .common import EXCLUDED_MODELS, MANIFEST, BackupError, BackupResult, RestoreResult
from .create import backup_create, backups_prune
from .restore import backup_restore

__all__ = [
    "EXCLUDED_MODELS", "MANIFEST", "BackupError", "BackupResult", "RestoreResult",
    "backup_create", "backup_restore", "backups_prune",
]  # fmt: skip
