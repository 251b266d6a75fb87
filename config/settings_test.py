"""Test settings: the real settings with eager Celery and fast hashing.

Tests that need a real worker start one themselves (tests/core/test_worker.py).
"""

from __future__ import annotations

import os

# Tests never read a development machine's .env (its DJANGO_DEBUG=1 would change these settings);
# subprocesses the tests start inherit this too.
os.environ["DJANGO_ENV_FILE"] = ""
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-a-secret")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_MANIFEST_STATIC", "0")
# No connection pool in the test process: its thread tests need a connection per thread. The servers
# tests/test_connections.py starts use the pool, as they ship.
os.environ.setdefault("DATABASE_POOL", "0")
os.environ.setdefault("VAR_DIR", os.path.join(os.path.dirname(os.path.dirname(__file__)), "var", "test"))

from .settings import *  # noqa: E402,F403

ALLOWED_HOSTS = ["*"]
# No persistent connections: the in-process Celery worker's thread then closes its
# connection after each task, and the test database can be dropped at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = True
WHITENOISE_AUTOREFRESH = True  # serve from STATICFILES_DIRS without collectstatic
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = True
DEMO_DATA = True  # seed_demo's guard is tested with override_settings (tests/test_production.py)
