"""Speed of each role's main pages at scale, served by gunicorn as in production (issue 13).

    DATABASE_URL=postgres://… python manage.py bench_pages [--letters 100000 --visits 10000 --schools 300]

Builds (or reuses) 300 schools, 10,000 visits and 100,000 received letters with their routing
history, plus the open work a real office has (letters waiting for the clerk, the director and each
supervisor). Then:
1. the query count and query time of every page, in this process, at the base size, built afresh
   (core/pagecache.py's kept parts cleared first);
2. every page served by gunicorn (2 sync workers, debug off, manifest static files, the pool) under
   `wrk` (or a threaded Python client when wrk is missing): requests/s, p50, p95 and the ratio to the
   login page of the same run. The user's first request builds the page; the rest find its kept
   parts until the data changes, as a user reloading a page or coming back to it does;
3. the query count and time again after doubling the letters (older years, rolled back afterwards).
Goal: every ratio ≥ 0.25 and the same query counts at both sizes.
"""

from __future__ import annotations

import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import thaidate
from correspondence.management.commands._bench import require_postgres

from ._bench_load import Load, free_port, load_measure, wait_until_up
from ._bench_pages_data import BenchUsers, dataset_build, letters_double

ROOT = Path(settings.BASE_DIR)


@dataclass
class Page:
    role: str
    label: str
    url: str
    user: str  # attribute of BenchUsers, "" for the login page


def pages() -> list[Page]:
    dashboard, visits = reverse("supervision:dashboard"), reverse("supervision:visit_list")
    return [
        Page("ทุกคน", "login", reverse("login"), ""),
        Page("clerk", "home", "/", "clerk"),
        Page("clerk", "inbox", reverse("correspondence:inbox"), "clerk"),
        Page("clerk", "receive register", reverse("correspondence:register_list", args=["receive"]), "clerk"),
        Page("director", "home", "/", "director"),
        Page("director", "inbox", reverse("correspondence:inbox"), "director"),
        Page("director", "pending approvals", reverse("correspondence:approval_list"), "director"),
        Page("supervisor", "home", "/", "supervisor"),
        Page("supervisor", "inbox", reverse("correspondence:inbox"), "supervisor"),
        Page("supervisor", "visit list", visits, "supervisor"),
        Page("supervisor", "dashboard", dashboard, "supervisor"),
        Page("supervisor", "school list", reverse("schools:school_list"), "supervisor"),
        Page("school", "home", "/", "school"),
        Page("executive", "home", "/", "executive"),
        Page("executive", "dashboard", dashboard, "executive"),
    ]


@dataclass
class QueryCost:
    count: int
    ms: float
    built_ms: float = 0.0  # the whole request in this process, the page built afresh


class Command(BaseCommand):
    help = "วัดความเร็วหน้าหลักของแต่ละบทบาทกับข้อมูลขนาดใหญ่ ผ่าน gunicorn (PostgreSQL)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--letters", type=int, default=100_000)
        parser.add_argument("--visits", type=int, default=10_000)
        parser.add_argument("--schools", type=int, default=300)
        parser.add_argument("--seconds", type=float, default=4.0, help="เวลาวัดต่อหน้า (วินาที)")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--no-double", action="store_true", help="ไม่วัดซ้ำหลังเพิ่มหนังสือเป็นสองเท่า")

    def handle(self, *args: object, **opts: object) -> None:
        require_postgres()
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("ฐานข้อมูลยังไม่ได้ migrate ถึงรุ่นล่าสุด: รัน python manage.py migrate ก่อน")
        logging.getLogger("axes").setLevel(logging.WARNING)  # one line per force_login otherwise
        started = time.monotonic()
        users, sizes = dataset_build(letters=opts["letters"], visits=opts["visits"], schools=opts["schools"])
        self.stdout.write(f"dataset: {sizes} ({time.monotonic() - started:.0f} s)")
        base = {p.label + p.role: self._cost(p, users) for p in pages()}
        loads = self._serve_and_load(users, opts)
        doubled = self._doubled_costs(users, opts) if not opts["no_double"] else {}
        self._report(loads, base, doubled)
        self.stdout.write(f"total {time.monotonic() - started:.0f} s")

    # --- query count and time, in this process ------------------------------------------------
    def _client(self, users: BenchUsers, page: Page) -> Client:
        client = Client(SERVER_NAME="localhost")
        if page.user:
            client.force_login(getattr(users, page.user), backend="django.contrib.auth.backends.ModelBackend")
        return client

    def _cost(self, page: Page, users: BenchUsers, runs: int = 3) -> QueryCost:
        client, counts, times, walls = self._client(users, page), [], [], []
        for _ in range(runs):
            caches["pages"].clear()  # the page built, not a kept part (core/pagecache.py): what the data costs
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page.url, secure=True)
            walls.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{page.role} {page.label} {page.url}: HTTP {response.status_code}")
            counts.append(len(queries))
            times.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        return QueryCost(counts[-1], statistics.median(times), statistics.median(walls))

    def _doubled_costs(self, users: BenchUsers, opts: dict) -> dict[str, QueryCost]:
        with transaction.atomic():
            added = letters_double(users, opts["letters"])
            self.stdout.write(f"letters doubled: +{added:,} older letters (rolled back afterwards)")
            costs = {p.label + p.role: self._cost(p, users) for p in pages()}
            transaction.set_rollback(True)
        return costs

    # --- gunicorn and the load ---------------------------------------------------------------
    def _serve_and_load(self, users: BenchUsers, opts: dict) -> dict[str, Load]:
        var_dir = Path(tempfile.mkdtemp(prefix="bench_pages_"))
        port = free_port()
        env = self._server_env(var_dir)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        server = subprocess.Popen(  # noqa: S603
            [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--timeout", "60"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_until_up(port)
            return {p.label + p.role: self._load(p, users, port, opts) for p in pages()}
        finally:
            server.terminate()
            server.wait(timeout=30)
            shutil.rmtree(var_dir, ignore_errors=True)

    def _server_env(self, var_dir: Path) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=settings.SECRET_KEY,  # the sessions made here must hold there
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", DJANGO_ENV_FILE="", VAR_DIR=str(var_dir),
            DJANGO_STATIC_ROOT=str(var_dir / "staticfiles"), DATABASE_URL=os.environ.get("DATABASE_URL", ""),
        )  # fmt: skip
        return env

    def _load(self, page: Page, users: BenchUsers, port: int, opts: dict) -> Load:
        cookie = ""
        if page.user:
            cookie = f"{settings.SESSION_COOKIE_NAME}={self._client(users, page).cookies[settings.SESSION_COOKIE_NAME].value}"
        return load_measure(port, page.url, cookie=cookie, seconds=opts["seconds"], connections=opts["connections"])

    # --- the report --------------------------------------------------------------------------
    def _report(self, loads: dict[str, Load], base: dict[str, QueryCost], doubled: dict[str, QueryCost]) -> None:
        login = loads["loginทุกคน"].rate or 1.0
        self.stdout.write(
            f"\n{'role':<11}{'page':<19}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}{'ratio':>7}{'errors':>7}"
            f"{'queries':>9}{'q ms':>7}{'built ms':>9}{'queries×2':>11}{'q ms×2':>8}"
        )
        low, drift = [], []
        for page in pages():
            key, load = page.label + page.role, loads[page.label + page.role]
            cost, twice = base[key], doubled.get(key)
            ratio = load.rate / login
            low += [f"{page.role} {page.label}"] if ratio < 0.25 else []
            drift += [f"{page.role} {page.label}"] if twice and twice.count != cost.count else []
            second = f"{twice.count:>11}{twice.ms:>8.1f}" if twice else f"{'-':>11}{'-':>8}"
            self.stdout.write(
                f"{page.role:<11}{page.label:<19}{load.rate:>7.1f}{load.p50:>8.1f}{load.p95:>8.1f}{ratio:>7.2f}"
                f"{load.errors:>7}{cost.count:>9}{cost.ms:>7.1f}{cost.built_ms:>9.1f}{second}"
            )
        self.stdout.write(
            f"\n{thaidate.format_short(thaidate.today())}: ratio ≥ 0.25 on every page: {'yes' if not low else 'NO ' + str(low)}; "
            f"same query counts at both sizes: {'yes' if doubled and not drift else ('NO ' + str(drift) if drift else 'not measured')}"
        )
