"""The administrator's list of logins: filtered by name, role and state, in as many queries for 20 as for 2."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role


def _page_queries(client) -> tuple[int, str]:
    client.get(reverse("core:people"))  # warm per-process caches (content types, office profile)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("core:people"), {"role": Role.SUPERVISOR})
    assert response.status_code == 200
    return len(ctx), response.content.decode()


def test_the_list_of_logins_costs_the_same_queries_however_many_there_are(users, client_for, make_user):
    admin = client_for(users["administrator"])
    make_user(Role.SUPERVISOR, username="kingkan.s", prefix="นางสาว", position="ศึกษานิเทศก์ชำนาญการพิเศษ")
    few, _ = _page_queries(admin)
    for _ in range(18):
        make_user(Role.SUPERVISOR, position="ศึกษานิเทศก์ชำนาญการพิเศษ")
    many, page = _page_queries(admin)
    assert many == few
    assert page.count("ศึกษานิเทศก์ชำนาญการพิเศษ") == 19 and "kingkan.s" in page


def test_the_list_finds_a_login_by_part_of_its_surname_and_hides_the_deactivated(users, client_for, make_user):
    found = make_user(Role.CLERK, username="somsri.p")
    found.last_name = "พิทักษ์ธรรมวงศ์ไพบูลย์"
    found.save(update_fields=["last_name"])
    admin = client_for(users["administrator"])
    assert "somsri.p" in admin.get(reverse("core:people"), {"q": "ธรรมวงศ์"}).content.decode()
    found.is_active = False
    found.save(update_fields=["is_active"])
    assert "somsri.p" not in admin.get(reverse("core:people"), {"q": "ธรรมวงศ์"}).content.decode()
    assert "somsri.p" in admin.get(reverse("core:people"), {"q": "ธรรมวงศ์", "state": "inactive"}).content.decode()
