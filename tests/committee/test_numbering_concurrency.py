from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection

from committee import services
from committee.models import Meeting

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_parallel_secretaries_never_get_the_same_number(users):
    secretary = users["secretary"]
    errors: list[Exception] = []
    start = threading.Barrier(8)

    def create(n: int) -> None:
        try:
            start.wait()
            services.meeting_create(
                user=secretary,
                date=dt.date(2026, 3, 1 + n),
                start_time=dt.time(9, 0),
                place=f"ห้อง {n}",
                confirm_date=True,  # threads finish in any order; the numbers are what is tested
            )
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=create, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(Meeting.objects.values_list("number", flat=True)) == list(range(1, 9))
