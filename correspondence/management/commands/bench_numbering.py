"""16 concurrent clients issuing receive numbers on PostgreSQL: duplicates, gaps, numbers/s.

Compared with (a) the same clients inserting the same rows through the same service with
numbers handed out in advance (no numbering at all: the ceiling) and (b) a naive max+1
scheme without a lock, the way existing systems do it. Each client is its own process with
its own database connection.
"""

from __future__ import annotations

import multiprocessing as mp
import time
import uuid
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser
from django.db import IntegrityError, connections
from django.db.models import Max

from correspondence import services
from correspondence.models import Letter, Register

from ._bench import bench_user, require_postgres


def _patch(mode: str, client: int, clients: int, base: int, year: int) -> None:
    counter = {"i": 0}

    def preassigned(*, register: Register, when: object) -> tuple[int, int]:
        counter["i"] += 1
        return year, base + (counter["i"] - 1) * clients + client + 1

    def naive(*, register: Register, when: object) -> tuple[int, int]:
        top = Letter.objects.filter(register=register, year=year).aggregate(m=Max("number"))["m"] or 0
        return year, top + 1

    if mode == "ceiling":
        services.number_take = preassigned
    elif mode == "naive":
        services.number_take = naive


def _client(mode: str, client: int, clients: int, count: int, tag: str, user_id: int, base: int, year: int) -> dict:
    connections.close_all()  # never share the parent's connection after fork
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=user_id)
    _patch(mode, client, clients, base, year)
    refused = 0
    for i in range(count):
        try:
            services.letter_register_incoming(
                user=user, subject=f"{tag} หนังสือทดสอบลำดับ {client}-{i}", sender="สำนักงานทดสอบ", recipient_text="ผอ.กลุ่ม"
            )
        except (IntegrityError, ValidationError):
            refused += 1  # the UniqueConstraint backstop refused a duplicate number
    connections.close_all()
    return {"refused": refused}


class Command(BaseCommand):
    help = "วัดการออกเลขทะเบียนรับพร้อมกันหลายเครื่อง (PostgreSQL)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clients", type=int, default=16)
        parser.add_argument("--numbers", type=int, default=2000)

    def handle(self, *args: object, clients: int, numbers: int, **options: object) -> None:
        require_postgres()
        user = bench_user()
        per_client = numbers // clients
        self.stdout.write(
            f"{clients} clients × {per_client} = {clients * per_client} entries each run, one process and connection per client"
        )
        results = {mode: self._run(mode, clients, per_client, user.pk) for mode in ("ceiling", "locked", "naive")}
        ceiling = results["ceiling"]["rate"]
        self.stdout.write("")
        self.stdout.write(
            f"{'scheme':<34}{'stored':>8}{'dup':>6}{'gaps':>6}{'refused':>9}{'numbers/s':>11}{'% ceiling':>11}"
        )
        names = {
            "ceiling": "no numbering (ceiling)",
            "locked": "locked counter (this app)",
            "naive": "naive max+1, no lock",
        }
        for mode, r in results.items():
            self.stdout.write(
                f"{names[mode]:<34}{r['stored']:>8}{r['dup']:>6}{r['gaps']:>6}{r['refused']:>9}{r['rate']:>11.1f}{100 * r['rate'] / ceiling:>10.0f}%"
            )
        self.stdout.write("")
        self.stdout.write(
            "refused = duplicate numbers handed out that only the UniqueConstraint backstop kept out of the register"
        )

    def _run(self, mode: str, clients: int, per_client: int, user_id: int) -> dict:
        tag = f"[bench-{mode}-{uuid.uuid4().hex[:6]}]"
        year = {"ceiling": 9001, "naive": 9002, "locked": 0}[mode]
        base = Letter.objects.filter(register__code="receive", year=year).aggregate(m=Max("number"))["m"] or 0
        connections.close_all()
        ctx = mp.get_context("fork")
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=clients, mp_context=ctx) as pool:
            futures = [
                pool.submit(_client, mode, c, clients, per_client, tag, user_id, base, year) for c in range(clients)
            ]
            refused = sum(f.result()["refused"] for f in futures)
        elapsed = time.perf_counter() - started
        numbers = list(Letter.objects.filter(subject__startswith=tag).values_list("number", flat=True))
        dup = sum(n - 1 for n in Counter(numbers).values() if n > 1) + refused
        gaps = (max(numbers) - min(numbers) + 1 - len(set(numbers))) if numbers else 0
        stored = len(numbers)
        self.stdout.write(f"  {mode:<8} {stored} stored in {elapsed:.2f} s")
        return {"stored": stored, "dup": dup, "gaps": gaps, "refused": refused, "rate": stored / elapsed}
