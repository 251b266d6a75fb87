"""A login created without a password: nobody can sign in with it until its one-time link is used."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

User = get_user_model()


def test_a_login_made_without_a_password_opens_only_through_its_one_time_link(users, client_for):
    admin = client_for(users["administrator"])
    data = {
        "username": "somsri.p", "password": "", "prefix": "นาง", "first_name": "สมศรีสุดาพรรณ์",
        "last_name": "พิทักษ์ธรรมวงศ์ไพบูลย์", "position": "ศึกษานิเทศก์ชำนาญการพิเศษ", "phone": "044 611 235",
        "roles": ["supervisor"],
    }  # fmt: skip
    assert admin.post(reverse("core:people_create"), data).status_code == 302
    member = User.objects.get(username="somsri.p")
    assert not member.has_usable_password()
    assert member.profile.phone == "044 611 235"
    assert Client().post(reverse("login"), {"username": "somsri.p", "password": ""}).status_code == 200
    link = admin.post(reverse("core:people_reset_link", args=[member.pk])).context["link"]
    assert Client().get(link, follow=True).context["validlink"] is True
