"""bench_pages' logins come from the benchmarks' one helper (correspondence's bench_user): made once, then reused."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from core.management.commands._bench_pages_data import SUPERVISORS, bench_users


@pytest.mark.django_db
def test_the_bench_logins_are_made_once_with_their_role_and_long_thai_names():
    first = bench_users()
    again = bench_users()
    assert first.clerk.pk == again.clerk.pk and len(again.staff) == SUPERVISORS
    assert list(first.director.groups.values_list("name", flat=True)) == ["director"]
    assert (first.school.first_name, first.school.last_name) == ("ทดสอบสมรรถนะ", "ครูโรงเรียนบ้านหนองบัววิทยาคาร")
    assert get_user_model().objects.filter(username__startswith="bench-p-").count() == SUPERVISORS + 4
