"""Connections that hold: 16 concurrent clients, 400 requests of reads and API writes, 0 errors.

The servers run as they ship, in processes of their own with config.settings: `make run`'s
scripts/run.sh (runserver, a thread per request, and its worker) and the Dockerfile's gunicorn CMD.
Their database is a private one on the CI PostgreSQL, owned by a role limited to 10 connections
(CONNECTION LIMIT), so a server that keeps a connection per thread fails here as it did in the issue
(13–24 of 400 answered "too many clients" at max_connections 100). The load is
`manage.py bench_connections`, run as the superuser so that its own connection does not count.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests.test_production import _dockerfile_gunicorn, _free_port, _production_env, _wait_until_listening

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parent.parent
LIMIT = 10  # the role's CONNECTION LIMIT: the server and its worker share it
SUMMARY = re.compile(r"(\d+) clients, (\d+) requests in [\d.]+ s: [\d.]+ requests/s, (\d+) errors \((.*)\)")


@dataclass
class LimitedDatabase:
    name: str
    url: str  # as the limited role: what the servers use
    admin_url: str  # as the superuser: the load generator and the checks


def _server_url(user: str, password: str, name: str) -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{user}:{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _admin(sql: str) -> None:
    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], password=db["PASSWORD"] or None,
        dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        conn.execute(sql)


def _app_env(tmp: Path, database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings", DJANGO_ENV_FILE="", DJANGO_DEBUG="1", VAR_DIR=str(tmp),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DATABASE_URL=database_url, **extra,
    )  # fmt: skip
    return env


@pytest.fixture(scope="module")
def limited_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LimitedDatabase]:
    name, password = f"conn_test_{os.getpid()}", secrets.token_hex(12)
    _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(f"DROP ROLE IF EXISTS {name}")
    _admin(f"CREATE ROLE {name} LOGIN PASSWORD '{password}' CONNECTION LIMIT {LIMIT}")
    _admin(f"CREATE DATABASE {name} OWNER {name}")
    db = settings.DATABASES["default"]
    database = LimitedDatabase(
        name, _server_url(name, password, name), _server_url(db["USER"], db["PASSWORD"] or "", name)
    )
    try:
        env = _app_env(tmp_path_factory.mktemp("migrate"), database.url)
        migrate = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=600)  # fmt: skip
        assert migrate.returncode == 0, migrate.stderr[-3000:]
        yield database
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        _admin(f"DROP ROLE IF EXISTS {name}")


def _serve(argv: list[str], env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    process.stdout = log.open()  # _wait_until_listening reads it when the server dies
    _wait_until_listening(process, port)
    return process


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    process.stdout.close()


def _make_run(tmp: Path, db: LimitedDatabase, port: int, **extra: str) -> subprocess.Popen:
    """scripts/run.sh as `make run` starts it: runserver with a thread per request, and the worker."""
    env = _app_env(tmp, db.url, HOST="127.0.0.1", PORT=str(port), PY=sys.executable, **extra)
    env["PATH"] = f"{Path(sys.executable).parent}:{env.get('PATH', '')}"
    return _serve(["sh", "scripts/run.sh"], env, port, tmp / "server.log")


def _gunicorn(tmp: Path, db: LimitedDatabase, port: int) -> subprocess.Popen:
    """The Dockerfile's CMD with the image's environment (no collectstatic: the load reads no page)."""
    env = _production_env(
        tmp, DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="127.0.0.1", DATABASE_URL=db.url,
        DJANGO_SSL_REDIRECT="0", DJANGO_MANIFEST_STATIC="0",
    )  # fmt: skip
    return _serve(_dockerfile_gunicorn(port), env, port, tmp / "server.log")


def _load(db: LimitedDatabase, tmp: Path, port: int) -> tuple[int, int, int, str]:
    """bench_connections against the server: (clients, requests, errors, statuses)."""
    env = _app_env(tmp, db.admin_url, DATABASE_POOL="0")
    bench = subprocess.run(
        [sys.executable, "manage.py", "bench_connections", "--url", f"http://127.0.0.1:{port}", "--clients", "16",
         "--requests", "400"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert bench.returncode == 0, bench.stderr[-3000:]
    print(bench.stdout)  # requests/s and the status counts, shown by `pytest -rA`
    found = SUMMARY.search(bench.stdout)
    assert found, bench.stdout[-3000:]
    clients, requests, errors = (int(found.group(n)) for n in (1, 2, 3))
    return clients, requests, errors, bench.stdout


def _letters(db: LimitedDatabase) -> int:
    with psycopg.connect(db.admin_url) as conn:
        return conn.execute("SELECT count(*) FROM correspondence_letter").fetchone()[0]


@pytest.mark.parametrize("server", ["make run", "gunicorn"])
def test_sixteen_concurrent_clients_get_every_answer_from_a_server_limited_to_ten_connections(
    limited_db, tmp_path, server
):
    port, before = _free_port(), _letters(limited_db)
    process = _make_run(tmp_path, limited_db, port) if server == "make run" else _gunicorn(tmp_path, limited_db, port)
    try:
        clients, requests, errors, output = _load(limited_db, tmp_path, port)
    finally:
        _stop(process)

    assert (clients, requests, errors) == (16, 400, 0), output + (tmp_path / "server.log").read_text()[-3000:]
    written = int(re.search(r"201×(\d+)", output).group(1))
    assert written >= 200 and f"200×{400 - written}" in output  # half writes, half reads, all answered
    assert _letters(limited_db) - before == written  # every write registered a letter


def test_without_the_pool_the_same_load_runs_out_of_connections(limited_db, tmp_path):
    """The issue's configuration (a connection per thread kept 60 s): the limit is real, the test can fail."""
    port = _free_port()
    process = _make_run(tmp_path, limited_db, port, DATABASE_POOL="0", DATABASE_CONN_MAX_AGE="60")
    try:
        _clients, requests, errors, output = _load(limited_db, tmp_path, port)
    finally:
        _stop(process)

    assert requests == 400 and errors > 0, output
    assert "too many connections" in output + (tmp_path / "server.log").read_text()
