"""Concurrent clients against a running server: reads and API writes; prints requests/s and errors.

    python manage.py bench_connections --url http://127.0.0.1:8000 [--clients 16] [--requests 400]

The server must use this command's database: the command makes a clerk (bench_api) and an API
token there. Every client opens a new HTTP connection per request (the worst case for a server
with a thread per connection). Half the requests are reads (the incoming register through the
API, one entry, /healthz?web), half register a received letter (an API write with a number).
tests/test_connections.py runs the same load against `make run`'s and the Dockerfile's servers.
"""

from __future__ import annotations

import http.client
import json
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import services, tokens
from core.roles import Role

INCOMING = "/api/v1/correspondence/incoming/"


@dataclass
class LoadResult:
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)  # the first few errors, for the report
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def record(self, status: int | str, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            if not ok:
                self.errors += 1
                if len(self.samples) < 5:
                    self.samples.append(f"{status}: {detail[:300]}")


def bench_token(username: str = "bench_api") -> str:
    """A fresh API token of a clerk (who may register received letters) in this database."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = services.user_create(
            username=username, password=secrets.token_urlsafe(24), first_name="ทดสอบ", last_name="การเชื่อมต่อ",
            roles=[Role.CLERK],
        )  # fmt: skip
    return tokens.api_token_create(user=user, name="bench_connections", days=1)[1]


def _call(base: str, method: str, path: str, token: str, body: dict | None = None) -> tuple[int, bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=60)
    headers = {"Authorization": f"Token {token}", "Accept": "application/json", "Host": parts.netloc}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _one(base: str, token: str, client: int, i: int, mine: list[int]) -> tuple[int, int, bytes]:
    """The i-th request of a client: (expected status, status, body)."""
    step = i % 4
    if step in (0, 2):
        body = {"subject": f"ทดสอบการเชื่อมต่อ {client}-{i}", "sender": "สพฐ.", "recipient_text": "ผอ.กลุ่มนิเทศ"}
        status, payload = _call(base, "POST", INCOMING, token, body)
        if status == 201:
            mine.append(json.loads(payload)["id"])
        return 201, status, payload
    if step == 1:
        return 200, *_call(base, "GET", INCOMING + "?page_size=20", token)
    path = f"{INCOMING}{mine[-1]}/" if mine else "/healthz?web"
    return 200, *_call(base, "GET", path, token)


def _client(base: str, token: str, client: int, count: int, result: LoadResult) -> None:
    mine: list[int] = []
    for i in range(count):
        try:
            expected, status, payload = _one(base, token, client, i, mine)
        except (OSError, http.client.HTTPException, ValueError, KeyError) as exc:
            result.record(type(exc).__name__, False, str(exc))
            continue
        result.record(status, status == expected, payload.decode(errors="replace"))


def load_run(*, base_url: str, token: str, clients: int = 16, requests: int = 400) -> LoadResult:
    """`requests` requests spread over `clients` threads at once; returns counts and the wall time."""
    result = LoadResult()
    share = [requests // clients + (1 if n < requests % clients else 0) for n in range(clients)]
    threads = [
        threading.Thread(target=_client, args=(base_url, token, n, share[n], result), daemon=True)
        for n in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    result.seconds = time.monotonic() - started
    return result


class Command(BaseCommand):
    help = "วัดการรับคำขอพร้อมกันหลายราย (อ่านและเขียนผ่าน API) กับเซิร์ฟเวอร์ที่กำลังทำงาน"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="ที่อยู่เซิร์ฟเวอร์ที่ใช้ฐานข้อมูลเดียวกัน")
        parser.add_argument("--clients", type=int, default=16)
        parser.add_argument("--requests", type=int, default=400)

    def handle(self, *args: object, url: str, clients: int, requests: int, **options: object) -> None:
        if clients < 1 or requests < clients:
            raise CommandError("--clients ต้องมากกว่า 0 และ --requests ต้องไม่น้อยกว่า --clients")
        result = load_run(base_url=url.rstrip("/"), token=bench_token(), clients=clients, requests=requests)
        statuses = ", ".join(f"{status}×{count}" for status, count in sorted(result.statuses.items(), key=str))
        self.stdout.write(
            f"{clients} clients, {result.requests} requests in {result.seconds:.1f} s: "
            f"{result.rate:.1f} requests/s, {result.errors} errors ({statuses})"
        )
        for sample in result.samples:
            self.stdout.write(f"  {sample}")
