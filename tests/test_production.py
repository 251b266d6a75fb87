"""The production path as it ships, and the development env file that keeps it apart.

The server tests run processes of their own with config.settings (not the test settings): debug off,
manifest static storage, no developer .env, SQLite under a temporary VAR_DIR. The Dockerfile's
collectstatic line and its gunicorn CMD are read from the Dockerfile, and the web health check from
docker-compose.yml, so what is tested cannot drift from what is built.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import override_settings

from config import env as env_module
from config.env import load_env_file

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
PROXY, STRANGER = "127.0.0.1", "127.0.0.2"  # gunicorn trusts the first only (FORWARDED_ALLOW_IPS)
PYTHON_SETTING = "import django; django.setup(); from django.conf import settings as s; print(s.DEBUG, s.DEMO_DATA)"


# --- What the Dockerfile says -----------------------------------------------------------------


def _dockerfile_lines(instruction: str) -> list[str]:
    return [line.split(None, 1)[1] for line in DOCKERFILE.splitlines() if line.startswith(instruction + " ")]


def _dockerfile_env() -> dict[str, str]:
    pairs = [token.split("=", 1) for line in _dockerfile_lines("ENV") for token in shlex.split(line)]
    return dict(pairs)


def _dockerfile_collectstatic() -> tuple[dict[str, str], list[str]]:
    """The RUN line with collectstatic: its leading NAME=value assignments and the command."""
    (line,) = [line for line in _dockerfile_lines("RUN") if "collectstatic" in line]
    tokens = shlex.split(line)
    assignments = {}
    while "=" in tokens[0]:
        name, value = tokens.pop(0).split("=", 1)
        assignments[name] = value
    assert tokens[:2] == ["python", "manage.py"], line
    return assignments, [sys.executable, *tokens[1:]]


def _dockerfile_gunicorn(port: int) -> list[str]:
    (line,) = _dockerfile_lines("CMD")
    command = json.loads(line)
    assert command[0] == "gunicorn" and "0.0.0.0:8000" in command, command
    bin_dir = Path(sys.executable).parent
    return [str(bin_dir / "gunicorn"), *[f"127.0.0.1:{port}" if arg == "0.0.0.0:8000" else arg for arg in command[1:]]]


def _production_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """The image's environment (Dockerfile ENV) with its paths moved under var_dir; nothing of this shell's."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "FORWARDED_"))
    }
    image = _dockerfile_env()
    assert {"VAR_DIR", "DJANGO_STATIC_ROOT"} <= image.keys() and image.get("DJANGO_ENV_FILE") == "", image
    env.update(image)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=str(var_dir),
        DJANGO_STATIC_ROOT=str(var_dir / "staticfiles"),
        **extra,
    )
    return env


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


# --- A production server ----------------------------------------------------------------------


@dataclass
class Server:
    port: int
    var_dir: Path
    env: dict[str, str]

    def get(self, path: str, *, source: str = PROXY, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        """GET from the given local address (the proxy's, or a stranger's); the body is read into .body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(source, 0))
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            response.body = response.read()
            return response
        finally:
            connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(process: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {process.returncode}:\n{process.stdout.read()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not listen within 60 s")


@pytest.fixture(scope="module")
def built_static(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Dockerfile's collectstatic line, run as written (production settings, manifest storage)."""
    var_dir = tmp_path_factory.mktemp("var")
    assignments, command = _dockerfile_collectstatic()
    _run(command, _production_env(var_dir, **assignments))
    return var_dir


@pytest.fixture(scope="module")
def server(built_static: Path) -> Iterator[Server]:
    env = _production_env(
        built_static,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        FORWARDED_ALLOW_IPS=PROXY,
    )
    _run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env)
    port = _free_port()
    process = subprocess.Popen(
        _dockerfile_gunicorn(port), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        _wait_until_listening(process, port)
        yield Server(port=port, var_dir=built_static, env=env)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


HTTPS = {"X-Forwarded-Proto": "https"}
LOGIN = "/accounts/login/"


@pytest.mark.slow
def test_the_dockerfile_collects_every_static_file_under_hashed_names(built_static):
    manifest = json.loads((built_static / "staticfiles" / "staticfiles.json").read_text(encoding="utf-8"))["paths"]
    ours = {path.relative_to(ROOT / "static").as_posix() for path in (ROOT / "static").rglob("*") if path.is_file()}
    assert ours <= manifest.keys(), sorted(ours - manifest.keys())[:10]
    assert re.fullmatch(r"css/app\.[0-9a-f]{12}\.css", manifest["css/app.css"])


@pytest.mark.slow
def test_gunicorn_serves_the_thai_login_page_behind_the_proxy(server):
    response = server.get(LOGIN, headers=HTTPS)

    page = response.body.decode()
    assert response.status == 200, page[:500]
    assert "เข้าสู่ระบบ" in page
    assert response.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")
    assert "Secure" in response.getheader("Set-Cookie", "")


@pytest.mark.slow
def test_a_hashed_static_file_the_page_uses_is_served_with_a_long_cache(server):
    page = server.get(LOGIN, headers=HTTPS).body.decode()
    stylesheet = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "the login page does not link the hashed app.css"

    response = server.get(stylesheet.group(1), headers=HTTPS)

    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/css")
    assert "max-age=315360000" in response.getheader("Cache-Control", "")
    assert response.body == (server.var_dir / "staticfiles" / stylesheet.group(1).removeprefix("/static/")).read_bytes()
    first_rule = (ROOT / "static" / "css" / "app.css").read_text(encoding="utf-8").strip().splitlines()[0]
    assert first_rule.encode() in response.body  # our app.css (its url()s rewritten to hashed names)


@pytest.mark.slow
def test_healthz_answers_over_plain_http_from_inside_as_compose_asks(server):
    web = server.get("/healthz?web")
    assert web.status == 200, web.body
    assert json.loads(web.body)["database"] is True
    # The whole check also asks for the worker's heartbeat; no worker runs here, and it says so.
    whole = server.get("/healthz")
    body = json.loads(whole.body)
    assert whole.status == 503 and body["database"] is body["broker"] is True and body["worker"] is False

    # docker-compose.yml's web health check, run as written against this server.
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    check = compose["services"]["web"]["healthcheck"]["test"]
    assert check[:2] == ["CMD", "python"], check
    command = [sys.executable, *(arg.replace("127.0.0.1:8000", f"127.0.0.1:{server.port}") for arg in check[2:])]
    _run(command, server.env)


@pytest.mark.slow
def test_only_the_trusted_proxy_can_mark_a_request_https(server):
    # A stranger that claims HTTPS is still on plain HTTP: redirected, whatever header it sends.
    for claim in ({"X-Forwarded-Proto": "https"}, {"X-Forwarded-Ssl": "on"}, {"X-Forwarded-Protocol": "ssl"}):
        response = server.get(LOGIN, source=STRANGER, headers=claim)
        assert response.status == 301, claim
        assert response.getheader("Location") == f"https://127.0.0.1:{server.port}{LOGIN}"
    # The proxy without the header (plain HTTP) is redirected too; with it, served.
    assert server.get(LOGIN).status == 301
    assert server.get(LOGIN, headers=HTTPS).status == 200


@pytest.mark.slow
def test_an_empty_production_database_gets_no_demo_users(server):
    """The server's database: migrated, empty, no DJANGO_DEMO_DATA (as `make run` meets a new server database)."""
    env = server.env
    assert "DJANGO_DEMO_DATA" not in env
    seeded = _run([sys.executable, "manage.py", "seed_demo", "--if-empty"], env)
    refused = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    users = _run([sys.executable, "manage.py", "shell", "--no-imports", "-c", "from django.contrib.auth.models import User; print(User.objects.count())"], env)  # fmt: skip

    assert "ข้ามข้อมูลตัวอย่าง" in seeded.stdout
    assert refused.returncode != 0 and "DJANGO_DEMO_DATA=1" in refused.stderr
    assert users.stdout.strip() == "0"


# --- The development env file -----------------------------------------------------------------


def _settings_with(tmp_path: Path, env_file: Path | None, **environment: str) -> str:
    """DEBUG and DEMO_DATA of config.settings in a fresh process, reading env_file (and nothing exported but these)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings", VAR_DIR=str(tmp_path / "var"), **environment)
    env["DJANGO_ENV_FILE"] = str(env_file) if env_file else ""
    return _run([sys.executable, "-c", PYTHON_SETTING], env).stdout.strip()


def _write_dev_env(path: Path, *, database_url: str | None) -> None:
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    if database_url:
        env["DATABASE_URL"] = database_url
    _run([sys.executable, str(ROOT / "scripts" / "dev_env.py"), str(path)], env)


@pytest.mark.slow
def test_the_dev_env_file_alone_gives_a_debug_install_with_demo_data(tmp_path):
    _write_dev_env(tmp_path / ".env", database_url=None)

    assert _settings_with(tmp_path, tmp_path / ".env") == "True True"
    assert _settings_with(tmp_path, None, DJANGO_SECRET_KEY="x" * 50) == "False False"


@pytest.mark.slow
def test_a_dev_env_file_never_asks_for_demo_data_on_a_server_database(tmp_path):
    server_db = f"sqlite:///{tmp_path / 'server.sqlite3'}"  # any DATABASE_URL counts as a server database
    _write_dev_env(tmp_path / "written_with_server.env", database_url=server_db)
    _write_dev_env(tmp_path / "written_without.env", database_url=None)

    assert not re.search(r"^DJANGO_DEMO_DATA=", (tmp_path / "written_with_server.env").read_text(), re.MULTILINE)
    assert _settings_with(tmp_path, tmp_path / "written_with_server.env") == "True False"
    # A file that asks for demo data does not count once DATABASE_URL is set, or debug is off.
    assert _settings_with(tmp_path, tmp_path / "written_without.env", DATABASE_URL=server_db) == "True False"
    assert _settings_with(tmp_path, tmp_path / "written_without.env", DJANGO_DEBUG="0") == "False False"
    # Asked for in the real environment, it counts even with debug off (a demonstration server).
    assert _settings_with(tmp_path, None, DJANGO_SECRET_KEY="x" * 50, DJANGO_DEMO_DATA="1") == "False True"


def test_the_dev_env_file_is_written_once_and_never_overwritten(tmp_path):
    spec = importlib.util.spec_from_file_location("dev_env", ROOT / "scripts" / "dev_env.py")
    dev_env = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev_env)
    path = tmp_path / ".env"

    assert dev_env.dev_env_write(path=path, database_url=None) is True
    first = path.read_text()
    assert dev_env.dev_env_write(path=path, database_url="postgres://db/nites") is False

    assert path.read_text() == first
    assert "DJANGO_DEBUG=1\n" in first and "DJANGO_DEMO_DATA=1\n" in first
    assert re.search(r"^DJANGO_SECRET_KEY=\S{50,}$", first, re.MULTILINE)
    assert path.stat().st_mode & 0o077 == 0  # the secret key is readable by its owner only


@pytest.fixture
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The names the loader tests use start absent and are removed again afterwards."""
    for name in ("NITES_A", "NITES_B", "NITES_C", "NITES_D", "DJANGO_ENV_FILE"):
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    monkeypatch.setattr(env_module, "FROM_ENV_FILE", set())
    return monkeypatch


def test_the_env_file_fills_in_what_the_real_environment_does_not_set(tmp_path, clean_environ):
    path = tmp_path / ".env"
    path.write_text(
        "# ค่าตั้งของเครื่องพัฒนา\n\nNITES_A=จากไฟล์\nexport NITES_B = 'quoted value'\nNITES_C=\"x=y\"\nNITES_D=from file\n",
        encoding="utf-8",
    )
    clean_environ.setenv("NITES_D", "from the environment")

    assert load_env_file(path) == path

    assert os.environ["NITES_A"] == "จากไฟล์"
    assert os.environ["NITES_B"] == "quoted value"
    assert os.environ["NITES_C"] == "x=y"
    assert os.environ["NITES_D"] == "from the environment"
    assert env_module.FROM_ENV_FILE == {"NITES_A", "NITES_B", "NITES_C"}


def test_a_bad_env_file_line_fails_loudly_with_its_line_number(tmp_path, clean_environ):
    path = tmp_path / ".env"
    path.write_text("NITES_A=1\nDJANGO DEBUG 1\n", encoding="utf-8")

    with pytest.raises(ImproperlyConfigured, match=r"line 2: expected KEY=VALUE"):
        load_env_file(path)


def test_the_env_file_can_be_switched_off_or_named(tmp_path, clean_environ):
    default, named = tmp_path / ".env", tmp_path / "other.env"
    default.write_text("NITES_A=default\n", encoding="utf-8")
    named.write_text("NITES_B=named\n", encoding="utf-8")

    clean_environ.setenv("DJANGO_ENV_FILE", "")
    assert load_env_file(default) is None and "NITES_A" not in os.environ
    clean_environ.setenv("DJANGO_ENV_FILE", str(named))
    assert load_env_file(default) == named and os.environ["NITES_B"] == "named"
    clean_environ.setenv("DJANGO_ENV_FILE", str(tmp_path / "missing.env"))
    with pytest.raises(ImproperlyConfigured, match="not a file"):
        load_env_file(default)
    clean_environ.delenv("DJANGO_ENV_FILE")
    assert load_env_file(tmp_path / "absent.env") is None  # no .env yet: nothing to read, no error


# --- seed_demo's guard (in process) -----------------------------------------------------------


@pytest.mark.django_db
@override_settings(DEMO_DATA=False)
def test_seed_demo_refuses_unless_demo_data_was_asked_for(capsys):
    with pytest.raises(CommandError, match="ต้องตั้ง DJANGO_DEMO_DATA=1"):
        call_command("seed_demo")

    call_command("seed_demo", "--if-empty")

    assert "ข้ามข้อมูลตัวอย่าง" in capsys.readouterr().out
    assert not get_user_model().objects.exists()
