"""Settings for the supervision-group system, driven by environment variables.

With no DATABASE_URL the app uses SQLite under var/; with no REDIS_URL, Celery uses
kombu's filesystem transport under var/celery/ so that no server is needed.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import FROM_ENV_FILE, env_bool, env_int, env_list, env_str, load_env_file, pool_options

BASE_DIR = Path(__file__).resolve().parent.parent
# A development machine's settings (written once by `make run`); the real environment wins.
ENV_FILE = load_env_file(BASE_DIR / ".env")
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DJANGO_DEBUG", False)


def _secret_key() -> str:
    key = env_str("DJANGO_SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    # Development only: a random key kept on this machine, never in the repository.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Demo data (every password demo1234) only when asked for. The development env file asks for it on
# a debug install with its own SQLite database; anywhere else (debug off, or a DATABASE_URL) only a
# DJANGO_DEMO_DATA set in the real environment counts, so a dev .env never seeds a server database.
DEMO_DATA = env_bool("DJANGO_DEMO_DATA", False) and (
    "DJANGO_DEMO_DATA" not in FROM_ENV_FILE or (DEBUG and not env_str("DATABASE_URL"))
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "rest_framework",  # no rest_framework.authtoken: its keys are plain text (core.tokens keeps hashes)
    "csp",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served locally
    "core",
    "schools",
    "supervision",
    "correspondence",
    "committee",
    "qa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.CleanQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.NoStoreMiddleware",
    "core.middleware.SessionRefreshMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.office",
            ],
            "builtins": ["core.templatetags.thai", "core.templatetags.subnav", "core.templatetags.components"],
        },
    }
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_POOL", True):
    # One psycopg pool per process (Django requires CONN_MAX_AGE=0 with it): a request returns its
    # connection when it ends, so `make run`'s thread per request can no longer pile up connections.
    # A gunicorn sync worker or Celery child uses one at a time; runserver's threads queue for
    # DATABASE_POOL_MAX_SIZE and wait up to DATABASE_POOL_TIMEOUT seconds. PostgreSQL must allow
    # (web processes + worker processes) × max size (docs/deploy/scaling.md).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # never hand out a connection a database restart killed
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = pool_options(
        min_size=env_int("DATABASE_POOL_MIN_SIZE", 1),
        max_size=env_int("DATABASE_POOL_MAX_SIZE", 4),
        timeout=env_int("DATABASE_POOL_TIMEOUT", 20),
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE transactions take the write lock at BEGIN, so two writers never
    # both read the same "next number"; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # an office behind one NAT address must not lock everyone
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Internationalisation --------------------------------------------------
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย")]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# The Docker image collects static files at build time outside /data, so a volume on /data never hides a new build's.
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "staticfiles")))
MEDIA_URL = "/media/"  # never served directly: downloads go through access-checked views
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("DJANGO_MANIFEST_STATIC", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Several machines: uploads and generated documents in an S3-compatible bucket (MinIO, Ceph, AWS S3…)
# that every web and worker container reads and writes; unset, they stay in MEDIA_ROOT on this disk.
# Files are never public: downloads go through access-checked views that read them from the storage.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),  # e.g. http://minio:9000; unset: AWS itself
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "access_key": env_str("AWS_ACCESS_KEY_ID"),  # unset: boto3's own chain (instance role …)
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
            "location": env_str("AWS_LOCATION", ""),  # a folder inside the bucket, e.g. one per office
            "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE", "path"),  # path style: MinIO without DNS
            "default_acl": None,  # the bucket's own policy: private
            "file_overwrite": False,  # a second upload of ปก.pdf gets a new name, as on disk
            "querystring_auth": True,
        },
    }
FONT_DIR = BASE_DIR / "static" / "fonts"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 20) * 1024 * 1024

# --- Forms ----------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-mail (letters and reminders sent by correspondence/delivery.py) -----
# With EMAIL_HOST set, mail goes out through that SMTP server. Without it (`make run`, development)
# every message is written as a file under var/mail/ and nothing is sent; a server without
# EMAIL_HOST records "ไม่ได้ส่งจริง" on each e-mail delivery so nobody believes it went.
EMAIL_HOST = env_str("EMAIL_HOST", "") or ""
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)  # STARTTLS (port 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # implicit TLS (port 465)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are exclusive: set one of them to 0")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "saraban@localhost") or "saraban@localhost"
_MAIL = "django.core.mail.backends"
EMAIL_BACKEND = f"{_MAIL}.smtp.EmailBackend" if EMAIL_HOST else f"{_MAIL}.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
# --- end of e-mail --------------------------------------------------------

# --- Celery ---------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
CELERY_FS_DIR = VAR_DIR / "celery"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS: dict = {
        "visibility_timeout": 3600,
        # Notice a dead or restarted Redis quickly instead of waiting on a half-open socket.
        "socket_connect_timeout": 3,
        "socket_timeout": 10,
        "socket_keepalive": True,
        "retry_on_timeout": True,
        "health_check_interval": 10,
    }
else:
    # No server needed: kombu's filesystem transport keeps messages in files.
    for sub in ("out", "processed", "control"):
        (CELERY_FS_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FS_DIR / "out"),
        "data_folder_out": str(CELERY_FS_DIR / "out"),
        "processed_folder": str(CELERY_FS_DIR / "processed"),
        "control_folder": str(CELERY_FS_DIR / "control"),  # not ./control in the checkout
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = None  # the UI reads job rows, not Celery's result store
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# A broker outage: the worker keeps trying to reconnect for ever (scripts/run.sh and compose
# restart it should it exit anyway); a web request gives up publishing within a few seconds.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False  # a render survives; its row tells the truth
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
DOCUMENT_TIME_LIMIT = env_int("DOCUMENT_TIME_LIMIT", 600)  # seconds
# While a job renders its worker writes heartbeat_at this often; a running job whose heartbeat is
# older than DOCUMENT_HEARTBEAT_STALE has lost its worker and is re-queued once, then failed.
DOCUMENT_HEARTBEAT_SECONDS = env_int("DOCUMENT_HEARTBEAT_SECONDS", 15)
DOCUMENT_HEARTBEAT_STALE = env_int("DOCUMENT_HEARTBEAT_STALE", 180)
DOCUMENT_SWEEP_SECONDS = env_int("DOCUMENT_SWEEP_SECONDS", 60)
DOCUMENT_PUBLISH_GRACE = env_int("DOCUMENT_PUBLISH_GRACE", 10)  # an unpublished queued row older than this is published
# The worker writes ServiceHeartbeat("worker") this often (a beat task it executes); /healthz and
# `manage.py worker_alive` call it dead when the last one is older than WORKER_STALE_SECONDS.
WORKER_HEARTBEAT_SECONDS = env_int("WORKER_HEARTBEAT_SECONDS", 30)
WORKER_STALE_SECONDS = env_int("WORKER_STALE_SECONDS", 120)
CELERY_BEAT_SCHEDULE = {
    "sweep-stale-document-jobs": {
        "task": "core.tasks.sweep_stale_jobs",
        "schedule": float(DOCUMENT_SWEEP_SECONDS),
        "options": {"expires": DOCUMENT_SWEEP_SECONDS},
    },
    "worker-heartbeat": {
        "task": "core.tasks.worker_heartbeat",
        "schedule": float(WORKER_HEARTBEAT_SECONDS),
        "options": {"expires": WORKER_HEARTBEAT_SECONDS},
    },
    "notification-retries": {"task": "core.tasks.notifications_retry", "schedule": 60.0, "options": {"expires": 60}},
    "reminders": {"task": "core.tasks.reminders_run", "schedule": float(env_int("REMINDER_SECONDS", 900))},
    "notification-digests": {
        "task": "core.tasks.notifications_digest",
        "schedule": crontab(hour=env_int("NOTIFICATION_DIGEST_HOUR", 7), minute=0),
    },
}

# --- REST API -------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.ThaiPageNumberPagination",
    # JSON only: DRF's browsable HTML pages carry inline styles the CSP refuses; people read the
    # API through the Swagger UI at /api/docs/.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "core.api.exception_handler",  # every error in Thai
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ระบบงานกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its Swagger UI are for signed-in users (session or token), served from our own
    # static files (drf-spectacular-sidecar): offices run on closed networks.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Personal API tokens (core/tokens.py): stored as SHA-256 only, this many days unless asked otherwise.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90)
if not 1 <= API_TOKEN_DAYS <= 365:
    raise ImproperlyConfigured(f"API_TOKEN_DAYS must be between 1 and 365, got {API_TOKEN_DAYS}")

# --- Security (production defaults; relaxed when DEBUG) --------------------
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# No SECURE_PROXY_SSL_HEADER: any client can send X-Forwarded-Proto. gunicorn decides instead: it
# marks a request HTTPS (wsgi.url_scheme) only when it comes from FORWARDED_ALLOW_IPS, the reverse
# proxy's address, with X-Forwarded-Proto: https (docs/deploy/, tests/test_production.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the container's health check asks over plain HTTP from inside
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): no inline script or style anywhere, nothing from
# another host (offices run on closed networks; every asset is vendored under static/).
# Data goes to scripts through data-* attributes or json_script; styles through CSS classes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Notifications (core.notifications): links in e-mails and LINE messages point at SITE_URL; LINE
# Messaging API push is on when the office's channel access token is set (and its secret, for the
# webhook that links accounts). LINE_API_BASE is only changed by tests (a local stand-in server).
SITE_URL = env_str("SITE_URL", "http://localhost:8000") or "http://localhost:8000"
LINE_CHANNEL_ACCESS_TOKEN = env_str("LINE_CHANNEL_ACCESS_TOKEN", "") or ""
LINE_CHANNEL_SECRET = env_str("LINE_CHANNEL_SECRET", "") or ""
LINE_API_BASE = env_str("LINE_API_BASE", "https://api.line.me") or "https://api.line.me"
NOTIFICATION_POLL_SECONDS = env_int("NOTIFICATION_POLL_SECONDS", 30)  # how often the bell asks for its count

# --- Kept parts of heavy pages (core/pagecache.py) ---------------------------
# The home panels, the dashboard and the registers are kept per user until any office data changes
# (a PostgreSQL sequence that triggers advance on every write) or for at most this many seconds;
# 0 turns keeping off. Each process keeps its own (local memory): the key carries the freshness.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 1000)},
    },
}  # fmt: skip

# Sessions end after a working day without a request (inactivity, not since login):
# core.middleware.SessionRefreshMiddleware moves the expiry on every five minutes of use (a cheap
# SESSION_SAVE_EVERY_REQUEST). Not a browser-session cookie by default: browsers that restore
# tabs keep such cookies anyway, so the idle limit, not the browser, is what logs a shared PC out.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_HOURS", 9) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("DJANGO_SESSION_AT_BROWSER_CLOSE", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"weasyprint.progress": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
