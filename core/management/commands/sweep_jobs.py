from __future__ import annotations

from django.core.management.base import BaseCommand

from core.services import document_jobs_sweep


class Command(BaseCommand):
    help = "ทำเครื่องหมาย 'ไม่สำเร็จ' ให้งานสร้างเอกสารที่ค้างเกินเวลา"

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"swept {document_jobs_sweep()} stale job(s)")
