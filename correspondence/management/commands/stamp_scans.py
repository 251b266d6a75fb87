"""Stamp the receive stamp (form 12) on scans of received letters that have no stamped copy yet.

    manage.py stamp_scans          # only scans without a stamped copy (entries registered before stamping)
    manage.py stamp_scans --all    # every scan again, e.g. after the office's name changed

Idempotent: a second run finds nothing left to stamp. A scan that cannot be stamped (a broken or encrypted
PDF) is counted and its reason noted on the entry, once.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from correspondence import stamp
from correspondence.models import Attachment, Direction


class Command(BaseCommand):
    help = "ประทับตรารับ (แบบที่ 12) บนไฟล์สแกนของหนังสือรับที่ยังไม่มีฉบับประทับตรารับ"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="ประทับใหม่ทุกไฟล์ แม้มีฉบับประทับตรารับแล้ว")

    def handle(self, *args: object, **options: object) -> None:
        scans = Attachment.objects.filter(
            letter__register__direction=Direction.INCOMING, letter__number__isnull=False,
            letter__destruction__isnull=True, content_type__in=stamp.STAMPABLE_TYPES,
        ).select_related("letter__register", "uploaded_by")  # fmt: skip
        if not options["all"]:
            scans = scans.filter(stamped_file="")
        done = failed = 0
        for attachment in scans.iterator(chunk_size=100):
            old = attachment.stamped_file.name
            if stamp.stamp_received(attachment=attachment, user=attachment.uploaded_by):
                done += 1
                if old and old != attachment.stamped_file.name:
                    attachment.stamped_file.storage.delete(old)
            else:
                failed += 1
        self.stdout.write(f"ประทับตรารับแล้ว {done} ไฟล์, ประทับไม่ได้ {failed} ไฟล์")
