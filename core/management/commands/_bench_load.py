"""HTTP load for bench_pages: `wrk` when installed, else threads with http.client (not a command)."""

from __future__ import annotations

import http.client
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# wrk's summary as one line: requests, duration µs, p50 µs, p95 µs, non-2xx/3xx, socket errors.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), e.status, e.connect + e.read + e.write + e.timeout))
end
"""
HEADERS = {"X-Forwarded-Proto": "https", "Host": "localhost"}  # gunicorn trusts 127.0.0.1 as the proxy


@dataclass
class Load:
    rate: float
    p50: float
    p95: float
    errors: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if _get(port, "/healthz?web", {})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz?web within a minute")


def _get(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def load_measure(port: int, path: str, *, cookie: str, seconds: float, connections: int) -> Load:
    headers = dict(HEADERS, **({"Cookie": cookie} if cookie else {}))
    status, _ = _get(port, path, headers)  # warm up, and make sure the page answers 200
    if status != 200:
        return Load(0.0, 0.0, 0.0, -status)
    if shutil.which("wrk"):
        return _wrk(port, path, headers, seconds, connections)
    return _threads(port, path, headers, seconds, connections)


def _wrk(port: int, path: str, headers: dict[str, str], seconds: float, connections: int) -> Load:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    args = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "-s", script.name]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run([*args, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    Path(script.name).unlink()
    line = next(row for row in out.splitlines() if row.startswith("BENCH "))
    requests, duration, p50, p95, status_errors, socket_errors = (int(n) for n in line.split()[1:])
    return Load(requests / (duration / 1e6), p50 / 1000, p95 / 1000, status_errors + socket_errors)


def _threads(port: int, path: str, headers: dict[str, str], seconds: float, connections: int) -> Load:
    times: list[float] = []
    errors = [0]
    deadline = time.monotonic() + seconds

    def run() -> None:
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                ok = _get(port, path, headers)[0] == 200
            except OSError:
                ok = False
            times.append((time.monotonic() - started) * 1000)
            errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=run, daemon=True) for _ in range(connections)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begun
    q = statistics.quantiles(times, n=20) if len(times) > 1 else [times[0]] * 19
    return Load(len(times) / elapsed, statistics.median(times), q[18], errors[0])
