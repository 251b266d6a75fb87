"""Reads of the core app, narrowed to what the given user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import ApiToken, DocumentJob
from .roles import UserLike


def document_jobs_for(user: UserLike) -> QuerySet[DocumentJob]:
    return DocumentJob.objects.filter(requested_by=user).order_by("-created_at", "-id")


def api_tokens_of(user: UserLike) -> QuerySet[ApiToken]:
    """The user's own API tokens (never anyone else's, the administrator's page included)."""
    return ApiToken.objects.filter(user_id=user.pk).order_by("-created_at", "-id")
