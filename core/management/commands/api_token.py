"""The operator's tool for API tokens, run on the server by whoever has a shell there.

python manage.py api_token create clerk --name "ระบบนำเข้าหนังสือ" --days 90   # prints the key once
python manage.py api_token list [clerk]
python manage.py api_token revoke nt_AbC12345
"""

from __future__ import annotations

from argparse import ArgumentParser

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core import thaidate, tokens
from core.models import ApiToken


class Command(BaseCommand):
    help = "สร้าง แสดงรายการ หรือยกเลิกโทเค็น API (ระบบเก็บเพียงค่าแฮช โทเค็นแสดงครั้งเดียวตอนสร้าง)"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="สร้างโทเค็นให้ผู้ใช้ แล้วพิมพ์โทเค็นออกมาครั้งเดียว")
        create.add_argument("username")
        create.add_argument("--name", default="สร้างจากคำสั่ง manage.py")
        create.add_argument("--days", type=int, default=None, help=f"อายุเป็นวัน (1-{tokens.MAX_DAYS})")
        listing = sub.add_parser("list", help="แสดงโทเค็น (ส่วนต้น เจ้าของ วันหมดอายุ) ไม่แสดงตัวโทเค็น")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="ยกเลิกโทเค็นตามส่วนต้น (prefix)")
        revoke.add_argument("prefix")

    def handle(self, *args: object, **options: object) -> None:
        getattr(self, f"_{options['action']}")(**options)

    def _create(self, *, username: str, name: str, days: int | None, **_: object) -> None:
        user = self._user(username)
        try:
            token, key = tokens.api_token_create(user=user, name=name, days=days)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stderr.write(
            f"สร้างโทเค็น {token.prefix}… ให้ {username} หมดอายุ {thaidate.format_datetime(token.expires_at)}"
        )
        self.stderr.write("โทเค็นแสดงครั้งเดียว เก็บไว้ในที่ปลอดภัย:")
        self.stdout.write(key)

    def _list(self, *, username: str | None = None, **_: object) -> None:
        rows = ApiToken.objects.select_related("user").order_by("user__username", "-created_at")
        if username:
            rows = rows.filter(user=self._user(username))
        for t in rows:
            state = "ยกเลิกแล้ว" if t.revoked_at else ("ใช้งานได้" if t.is_active else "หมดอายุ")
            used = thaidate.format_datetime(t.last_used_at) if t.last_used_at else "ยังไม่เคยใช้"
            self.stdout.write(
                f"{t.prefix}\t{t.user.username}\t{t.name}\t{state}\t"
                f"หมดอายุ {thaidate.format_datetime(t.expires_at)}\tใช้ล่าสุด {used}"
            )
        if not rows:
            self.stderr.write("ไม่มีโทเค็น")

    def _revoke(self, *, prefix: str, **_: object) -> None:
        found = list(ApiToken.objects.filter(prefix=prefix.rstrip("…").strip()))
        if not found:
            raise CommandError(f"ไม่พบโทเค็นที่ขึ้นต้นด้วย {prefix}")
        if len(found) > 1:
            raise CommandError(f"มีโทเค็นขึ้นต้นด้วย {prefix} มากกว่าหนึ่งรายการ ใช้ Django admin ยกเลิกทีละรายการ")
        token = tokens.api_token_revoke(user=None, token=found[0])
        self.stdout.write(f"ยกเลิกโทเค็น {token.prefix}… ของ {found[0].user.username} แล้ว")

    def _user(self, username: str) -> object:
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"ไม่พบผู้ใช้ {username}") from exc
