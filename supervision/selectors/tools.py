"""Supervision tools (เครื่องมือนิเทศ) a user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from core.roles import UserLike

from .. import access
from ..models import Tool

__all__ = ["tools_visible_to"]


def tools_visible_to(user: UserLike) -> QuerySet[Tool]:
    return Tool.objects.all() if access.can_read_tools(user) else Tool.objects.none()
