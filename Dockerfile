FROM python:3.11-slim-bookworm
# DJANGO_ENV_FILE empty: the image never reads a .env (a developer's DJANGO_DEBUG=1 must not reach
# production; .dockerignore keeps the file out of the build as well). Static files are collected
# at build time into /app/staticfiles, outside the /data volume, so a volume never hides a new build's.
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/data DJANGO_STATIC_ROOT=/app/staticfiles DJANGO_ENV_FILE=""
# WeasyPrint needs Pango; poppler is not needed at run time.
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# tests/test_production.py runs this line as written, with production settings, on every CI run.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput
EXPOSE 8000
# gunicorn marks a request HTTPS only from FORWARDED_ALLOW_IPS (the reverse proxy; set by
# docker-compose.yml). Unset, gunicorn trusts 127.0.0.1 only: this container itself.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
