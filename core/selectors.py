"""Reads of the core app, narrowed to what the given user may see."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from .collation import thai_sorted
from .models import ApiToken, DocumentJob
from .roles import Role, UserLike


def document_jobs_for(user: UserLike) -> QuerySet[DocumentJob]:
    return DocumentJob.objects.filter(requested_by=user).order_by("-created_at", "-id")


def api_tokens_of(user: UserLike) -> QuerySet[ApiToken]:
    """The user's own API tokens (never anyone else's, the administrator's page included)."""
    return ApiToken.objects.filter(user_id=user.pk).order_by("-created_at", "-id")


# --- The administrator's people pages (core.access.require_people_manager is checked by the views) ---


def account_counts() -> dict[str, int]:
    logins = get_user_model().objects
    return {"active": logins.filter(is_active=True).count(), "inactive": logins.filter(is_active=False).count()}


def accounts_matching(*, query: str, role: str, state: str, limit: int = 500) -> list[AbstractBaseUser]:
    """Logins whose username or name holds `query`, holding `role` (any when not a role), `state` "active",
    "inactive" or anything else for both; in Thai order of name, each with its Thai `role_labels`."""
    accounts = get_user_model().objects.select_related("profile").prefetch_related("groups")
    if query:
        accounts = accounts.filter(
            Q(username__icontains=query) | Q(first_name__icontains=query) | Q(last_name__icontains=query)
        )
    if role in Role.values:
        accounts = accounts.filter(groups__name=role)
    if state in ("active", "inactive"):
        accounts = accounts.filter(is_active=state == "active")
    rows = thai_sorted(accounts.distinct()[:limit], key=lambda u: f"{u.first_name} {u.last_name}")
    for row in rows:
        row.role_labels = [Role(g.name).label for g in row.groups.all() if g.name in Role.values]
    return rows
