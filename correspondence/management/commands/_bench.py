"""Shared helpers of the benchmark commands (not a command itself)."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import connection

from core import services as core_services
from core.roles import Role


def require_postgres() -> None:
    if connection.vendor != "postgresql":
        raise CommandError("ต้องใช้ PostgreSQL: ตั้ง DATABASE_URL=postgres://... แล้วรัน migrate ก่อน")


def bench_user(role: str = Role.CLERK, username: str = "bench_clerk"):  # noqa: ANN201
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = core_services.user_create(
            username=username, password=secrets.token_urlsafe(24), first_name="ทดสอบ", last_name="ประสิทธิภาพ", roles=[role],
        )  # fmt: skip
    return user
