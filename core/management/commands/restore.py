"""python manage.py restore ARCHIVE [--force]: bring back a `backup` archive into this database and MEDIA_ROOT.

See docs/BACKUP.md; the work is done in core/backup/.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "กู้คืนข้อมูลจากชุดสำรองของคำสั่ง backup (ตรวจ checksum ก่อน แล้วโหลดทั้งหมดในธุรกรรมเดียว)"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("archive", type=Path, help="ไฟล์ชุดสำรอง backup-….tar.gz")
        parser.add_argument("--force", action="store_true", help="ลบข้อมูลที่มีอยู่ในฐานข้อมูลปลายทางและแทนที่ด้วยชุดสำรอง")

    def handle(self, *args: object, **options: object) -> None:
        try:
            result = backup_restore(archive=options["archive"], force=options["force"], log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        write = self.stdout.write
        write(self.style.SUCCESS(f"กู้คืนข้อมูลเรียบร้อย (ชุดสำรองเมื่อ {result.created_at})"))
        write(f"  ฐานข้อมูล: {result.rows:,} แถว จาก {result.tables} ตาราง")
        write(f"  ไฟล์แนบ: {result.files:,} ไฟล์ ({result.media_bytes / 1048576:,.1f} MB)")
        if result.migrated:
            write(f"  ปรับโครงสร้างฐานข้อมูล (migrate) {result.migrated} รายการก่อนโหลด")
        write(f"  ใช้เวลา {result.seconds:,.1f} วินาที ผู้ใช้ทุกคนต้องเข้าสู่ระบบใหม่")
        if result.missing_files:
            self.stderr.write(
                f"คำเตือน: ตอนสำรอง ไม่พบไฟล์ที่ฐานข้อมูลอ้างถึง {len(result.missing_files)} ไฟล์ "
                f"({', '.join(result.missing_files[:5])}) จึงไม่มีในชุดที่กู้คืน"
            )
