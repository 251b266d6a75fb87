"""Build a fictional office through the services, with a fixed random seed.

python manage.py seed_demo            # fails if data already exists
python manage.py seed_demo --if-empty # does nothing when users exist (make run)

Only where demo data was asked for (settings.DEMO_DATA, DJANGO_DEMO_DATA=1): a production database
never gets the demo accounts and their known password.
"""

from __future__ import annotations

import importlib
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo
from core.models import LearningArea, WorkUnit
from core.reference import ensure_reference_data

DEMO_APPS = ("schools", "supervision", "correspondence", "committee", "qa")


class Command(BaseCommand):
    help = "สร้างข้อมูลตัวอย่าง (สำนักงานสมมุติ) ผ่าน services ด้วย random seed คงที่"

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--if-empty", action="store_true", help="ข้ามถ้ามีผู้ใช้อยู่แล้ว")
        parser.add_argument("--seed", type=int, default=2569)

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEMO_DATA:
            if options["if_empty"]:
                self.stdout.write(
                    "ข้ามข้อมูลตัวอย่าง: ไม่ได้ตั้ง DJANGO_DEMO_DATA=1 (สร้างผู้ดูแลระบบคนแรกด้วย python manage.py createsuperuser)"
                )
                return
            raise CommandError(
                "ไม่สร้างข้อมูลตัวอย่าง: ต้องตั้ง DJANGO_DEMO_DATA=1 ในสภาพแวดล้อม "
                "(ข้อมูลตัวอย่างมีบัญชีรหัสผ่าน demo1234 จึงไม่สร้างบนระบบจริงโดยไม่ได้ขอ)"
            )
        if get_user_model().objects.exists():
            if options["if_empty"]:
                self.stdout.write("มีข้อมูลอยู่แล้ว ข้ามการสร้างข้อมูลตัวอย่าง")
                return
            raise CommandError("ฐานข้อมูลมีผู้ใช้อยู่แล้ว ใช้ --if-empty หรือใช้ฐานข้อมูลใหม่")
        ctx = demo.DemoContext(rng=random.Random(options["seed"]), log=self.stdout.write)
        # Everything a service stamps with "now" happens at the demo's now (16:00 on the last working
        # day); the seeders move the clock back for what happened earlier (ctx.at).
        with transaction.atomic(), demo.office_clock(ctx.clock):
            ensure_reference_data(Group, WorkUnit, LearningArea)
            demo.seed_office(ctx)
            demo.seed_people(ctx)
            for app in DEMO_APPS:
                try:
                    module = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app}.demo":
                        raise
                    continue
                module.seed(ctx)
                self.stdout.write(f"  สร้างข้อมูลตัวอย่างของ {app} แล้ว")
            demo.seed_emails(ctx)
        self.stdout.write(self.style.SUCCESS("สร้างข้อมูลตัวอย่างเรียบร้อย รหัสผ่านทุกบัญชี: demo1234"))
