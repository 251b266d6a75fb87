"""Exit 0 when the Celery worker's heartbeat is fresh, 1 otherwise (compose's worker health check)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from core.health import worker_state


class Command(BaseCommand):
    help = "ตรวจว่า worker ยังส่งสัญญาณชีพอยู่ (ออกด้วยรหัส 0 เมื่อยังทำงาน, 1 เมื่อหยุด)"

    def handle(self, *args: object, **options: object) -> None:
        state = worker_state()
        if not state.alive:
            self.stderr.write(state.message)
            raise SystemExit(1)
        self.stdout.write(state.message)
