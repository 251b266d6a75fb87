from __future__ import annotations

from pathlib import Path

from django.conf import settings


def broker_ok() -> bool:
    """Whether Celery's broker answers: a Redis ping, or a writable filesystem queue."""
    url = settings.CELERY_BROKER_URL
    if url.startswith("filesystem://"):
        folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])
        return folder.is_dir() and _writable(folder)
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not answering"
        return False


def _writable(folder: Path) -> bool:
    probe = folder / ".healthz"
    try:
        probe.write_text("ok")
        probe.unlink()
        return True
    except OSError:
        return False
