#!/bin/sh
# Serve the app with its background worker (and the beat scheduler that sweeps stale jobs).
# Without DATABASE_URL / REDIS_URL this uses SQLite and kombu's filesystem broker under var/.
#
#   sh scripts/run.sh               the web server and a supervised worker (`make run`)
#   MAIL=1 sh scripts/run.sh        the same, and a local SMTP server printing each e-mail
#   sh scripts/run.sh worker [ARGS] only the supervised worker; ARGS go to `celery worker`
#
# The supervisor starts the worker again whenever it exits (kombu's Redis transport can crash
# the worker when Redis drops at the wrong moment), waiting 1 s, then up to 30 s if it keeps
# failing. Ctrl-C or SIGTERM stops the worker cleanly (warm shutdown) and the loop with it.
set -eu
: "${PY:=.venv/bin/python}" "${HOST:=127.0.0.1}" "${PORT:=8000}"
# Settings (debug, secret key) come from the environment or the .env that `make run` wrote.
VENV_BIN=$(dirname "$PY")

supervise_worker() {
  stopping=0
  child=
  trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null || true' INT TERM
  backoff=1
  while [ "$stopping" = 0 ]; do
    started=$(date +%s)
    "$VENV_BIN/celery" -A config worker --beat --loglevel INFO --concurrency 2 \
      --schedule "${VAR_DIR:-var}/celerybeat-schedule" "$@" &
    child=$!
    rc=0
    wait "$child" || rc=$?
    while kill -0 "$child" 2>/dev/null; do  # a signal interrupted `wait`: let the worker finish
      wait "$child" || rc=$?
    done
    child=
    [ "$stopping" = 1 ] && break
    if [ $(($(date +%s) - started)) -ge 60 ]; then backoff=1; fi
    echo "worker หยุดทำงาน (รหัส $rc) จะเริ่มใหม่ใน ${backoff} วินาที" >&2
    sleep "$backoff" &
    wait $! || true
    backoff=$((backoff * 2 > 30 ? 30 : backoff * 2))
  done
}

if [ "${1:-}" = worker ]; then
  shift
  supervise_worker "$@"
  exit 0
fi

# MAIL=1 (`make run MAIL=1`): a local SMTP server prints every e-mail the app sends, decoded.
SMTP=
if [ "${MAIL:-0}" = 1 ]; then
  : "${SMTP_PORT:=1025}"
  "$PY" scripts/dev_smtp.py "$SMTP_PORT" &
  SMTP=$!
  export EMAIL_HOST=127.0.0.1 EMAIL_PORT="$SMTP_PORT" EMAIL_USE_TLS=0 EMAIL_USE_SSL=0
fi

sh "$0" worker &
SUPERVISOR=$!
echo "เปิดเบราว์เซอร์ที่ http://$HOST:$PORT  (ผู้ใช้ตัวอย่าง: supervisor / demo1234)"
"$PY" manage.py runserver "$HOST:$PORT" --noreload &
WEB=$!

# Both run in the background so that a signal reaches this trap at once (sh runs traps only
# between commands, never while it waits for a foreground one).
stop_all() {
  trap - EXIT INT TERM
  kill -TERM "$WEB" "$SUPERVISOR" $SMTP 2>/dev/null || true
  wait "$WEB" 2>/dev/null || true
  wait "$SUPERVISOR" 2>/dev/null || true
}
trap stop_all EXIT INT TERM
wait "$WEB" || true
