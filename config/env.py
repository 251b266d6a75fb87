"""Typed environment helpers that fail loudly on a bad value, and the local env file they may read."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# --- The local env file -------------------------------------------------------
# A development machine keeps its settings in <BASE_DIR>/.env (written once by `make run`, never
# committed), so every manage.py command works without exporting anything. A deliberately small
# parser instead of a dependency: KEY=VALUE lines, `#` comments, an optional `export ` and quotes.

ENV_FILE_VARIABLE = "DJANGO_ENV_FILE"  # another file; empty: read none (tests, the Docker image)
FROM_ENV_FILE: set[str] = set()  # the names this process took from the file, not from its environment


def load_env_file(default: Path) -> Path | None:
    """Put the file's values into os.environ; a variable already in the real environment wins."""
    named = os.environ.get(ENV_FILE_VARIABLE)
    if named == "":
        return None
    path = Path(named) if named else default
    if not path.is_file():
        if named:
            raise ImproperlyConfigured(f"{ENV_FILE_VARIABLE} names {named!r}, which is not a file")
        return None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, equals, value = line.removeprefix("export ").partition("=")
        key, value = key.strip(), value.strip()
        if not equals or not key.isidentifier():
            raise ImproperlyConfigured(f"{path}, line {number}: expected KEY=VALUE, got {raw!r}")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if key not in os.environ:
            os.environ[key] = value
            FROM_ENV_FILE.add(key)
    return path


def pool_options(*, min_size: int, max_size: int, timeout: int) -> dict[str, int]:
    """psycopg_pool sizes for DATABASES["default"]["OPTIONS"]["pool"], refused loudly when they make no sense."""
    if not 1 <= min_size <= max_size:
        raise ImproperlyConfigured(
            f"DATABASE_POOL_MIN_SIZE ({min_size}) must be at least 1 and at most DATABASE_POOL_MAX_SIZE ({max_size})"
        )
    if timeout < 1:
        raise ImproperlyConfigured(f"DATABASE_POOL_TIMEOUT must be at least 1 second, got {timeout}")
    return {"min_size": min_size, "max_size": max_size, "timeout": timeout}
