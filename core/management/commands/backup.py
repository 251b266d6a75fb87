"""python manage.py backup [--output DIR] [--keep N]: one archive of the database and the media files.

See docs/BACKUP.md; the work is done in core/backup/.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "สำรองข้อมูล: ฐานข้อมูลและไฟล์แนบทั้งหมดลงในไฟล์ .tar.gz ไฟล์เดียว (ดู docs/BACKUP.md)"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--output", type=Path, help="โฟลเดอร์ที่เก็บชุดสำรอง (ค่าเริ่มต้น VAR_DIR/backups)")
        parser.add_argument("--keep", type=int, help="เก็บชุดสำรองล่าสุดไว้ N ชุด ลบชุดที่เก่ากว่าในโฟลเดอร์เดียวกัน")

    def handle(self, *args: object, **options: object) -> None:
        try:
            result = backup_create(output=options["output"], keep=options["keep"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        write = self.stdout.write
        write(self.style.SUCCESS("สำรองข้อมูลเรียบร้อย"))
        write(f"  ฐานข้อมูล: {result.rows:,} แถว จาก {result.tables} ตาราง")
        write(f"  ไฟล์แนบ: {result.files:,} ไฟล์ ({result.media_bytes / 1048576:,.1f} MB)")
        write(f"  ชุดสำรอง: {result.path} ({result.archive_bytes / 1048576:,.1f} MB)")
        write(f"  ใช้เวลา {result.seconds:,.1f} วินาที")
        for old in result.pruned:
            write(f"  ลบชุดสำรองเก่า: {old.name}")
        if result.missing_files:
            shown = ", ".join(result.missing_files[:5])
            self.stderr.write(
                f"คำเตือน: ฐานข้อมูลอ้างถึงไฟล์ที่ไม่พบใน MEDIA_ROOT {len(result.missing_files)} ไฟล์ ({shown}) "
                "ชุดสำรองนี้จึงไม่มีไฟล์เหล่านั้น"
            )
