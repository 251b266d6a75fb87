"""Shared fixtures: one user per role, schools, PDF text, and a headless Chromium page."""

from __future__ import annotations

import os
import shutil

import pytest
from django.conf import settings

from core import services as core_services
from core.roles import Role
from schools import services as school_services

PASSWORD = "pass-1234-word"


def _chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects: the `slow` added here must count
def pytest_collection_modifyitems(config, items) -> None:
    is_pg = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip_pg = pytest.mark.skipif(not is_pg, reason="ต้องใช้ PostgreSQL: ตั้ง DATABASE_URL=postgres://... (CI ตั้งให้)")
    skip_redis = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="ต้องใช้ Redis จริง: ตั้ง REDIS_URL")
    skip_browser = pytest.mark.skipif(_chromium_path() is None, reason="ไม่พบ Chromium: apt-get install chromium")
    for item in items:
        # Slow (left out by `make test-fast`): a browser, a real worker, and every
        # transactional test, whose flush and reload of the migration data alone take ~3 s.
        if "browser" in item.keywords or "redis" in item.keywords or _is_transactional(item):
            item.add_marker(pytest.mark.slow)
        if _is_transactional(item):
            # A transactional test empties the tables when it ends, data-migration rows
            # (roles, registers, default tools, QA standards) included; serialized rollback
            # restores them so the next test sees the database as migrations left it.
            marker = item.get_closest_marker("django_db")
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
        if "postgres" in item.keywords:
            item.add_marker(skip_pg)
        if "redis" in item.keywords:
            item.add_marker(skip_redis)
        if "browser" in item.keywords:
            item.add_marker(skip_browser)


def _is_transactional(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    if "live_server" in names or "transactional_db" in names:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def school(db):
    cluster = school_services.cluster_create(name="กลุ่มทดสอบหนึ่ง")
    return school_services.school_create(
        code="1099000001",
        name="โรงเรียนบ้านทดสอบ",
        level_primary=True,
        district="เมืองบุรีรัมย์",
        province="บุรีรัมย์",
        pupils=80,
        cluster=cluster,
    )


@pytest.fixture
def other_school(db, school):
    return school_services.school_create(
        code="1099000002",
        name="โรงเรียนบ้านอื่น",
        level_primary=True,
        district="นาดี",
        pupils=700,
        cluster=school.cluster,
    )


@pytest.fixture
def make_user(db, school):
    counter = {"n": 0}

    def make(role: str, username: str | None = None, *, school=school, **kwargs):
        counter["n"] += 1
        user = core_services.user_create(
            username=username or f"{role}{counter['n']}",
            password=PASSWORD,
            first_name="ทดสอบ",
            last_name=f"{role}{counter['n']}",
            roles=[role],
            **kwargs,
        )
        if role == Role.SCHOOL:
            school_services.membership_set(user=None, member=user, school=school)
        return user

    return make


@pytest.fixture
def users(make_user):
    """One user per role, keyed by role name."""
    return {role.value: make_user(role.value, username=role.value) for role in Role}


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user."""
    from django.test import Client

    def login(user):
        c = Client()
        c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return login


@pytest.fixture(scope="session")
def chromium_path():
    return _chromium_path()


@pytest.fixture
def page(live_server, chromium_path, monkeypatch):
    """A Playwright page in Debian's headless Chromium, pointed at the live server."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test
    # makes around it are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        context = browser.new_context(base_url=live_server.url, locale="th-TH", viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15000)
        # Irreversible steps ask first (static/js/confirm.js): the user says yes, and the test can read
        # what they were asked in pg.confirmations.
        pg.confirmations = []
        pg.on("dialog", lambda dialog: (pg.confirmations.append(dialog.message), dialog.accept()))
        yield pg
        context.close()
        browser.close()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free local port, with Django's SMTP backend pointed at it.

    Yields the list of messages it received, as (envelope recipients, email.message.EmailMessage).
    """
    import socket
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    received: list = []

    class Handler:
        async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
            received.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default)))
            return "250 Message accepted for delivery"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "saraban@office.test"
    try:
        yield received
    finally:
        controller.stop()
