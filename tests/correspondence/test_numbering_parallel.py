"""Truly parallel numbering: threads, each with its own database connection."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from correspondence import services
from correspondence.models import Letter

CLIENTS = 8
PER_CLIENT = 15


def _client(user, barrier: threading.Barrier, errors: list) -> None:
    try:
        barrier.wait()
        for i in range(PER_CLIENT):
            services.letter_register_incoming(
                user=user, subject=f"หนังสือทดสอบพร้อมกัน {i}", sender="สพฐ.", recipient_text="ผอ.กลุ่ม"
            )
    except Exception as exc:  # noqa: BLE001 - reported to the main thread
        errors.append(exc)
    finally:
        connection.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_clerks_on_separate_connections_get_no_duplicates_and_no_gaps(users, office):
    clerk = users["clerk"]
    barrier = threading.Barrier(CLIENTS)
    errors: list = []
    threads = [threading.Thread(target=_client, args=(clerk, barrier, errors)) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    close_old_connections()
    assert errors == []
    numbers = sorted(Letter.objects.filter(register__code="receive").values_list("number", flat=True))
    assert numbers == list(range(1, CLIENTS * PER_CLIENT + 1))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_each_thread_really_has_its_own_connection(users, office):
    pids: set[int] = set()
    lock = threading.Lock()

    def record() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with lock:
            pids.add(pid)
        connection.close()

    threads = [threading.Thread(target=record) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(pids) == 4
