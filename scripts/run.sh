#!/bin/sh
# Serve the app with its background worker (and the beat scheduler that sweeps stale jobs).
# Without DATABASE_URL / REDIS_URL this uses SQLite and kombu's filesystem broker under var/.
set -eu
: "${PY:=.venv/bin/python}" "${HOST:=127.0.0.1}" "${PORT:=8000}"
export DJANGO_DEBUG="${DJANGO_DEBUG:-1}"
VENV_BIN=$(dirname "$PY")

"$VENV_BIN/celery" -A config worker --beat --loglevel INFO --concurrency 2 \
  --schedule "${VAR_DIR:-var}/celerybeat-schedule" &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM

echo "เปิดเบราว์เซอร์ที่ http://$HOST:$PORT  (ผู้ใช้ตัวอย่าง: supervisor / demo1234)"
"$PY" manage.py runserver "$HOST:$PORT" --noreload
