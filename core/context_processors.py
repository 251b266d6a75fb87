from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from . import notifications
from .models import OfficeProfile
from .nav import nav_for
from .roles import Role, roles_of


def office(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    roles = roles_of(user) if user is not None else frozenset()
    return {
        "office": OfficeProfile.get(), "user_roles": roles, "Role": Role, "nav_items": nav_for(request),
        "notifications_unread": notifications.unread_count(user) if user is not None else 0,
        "notifications_poll": settings.NOTIFICATION_POLL_SECONDS,
    }  # fmt: skip
