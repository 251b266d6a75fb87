"""Reads of the core app, narrowed to what the given user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import DocumentJob
from .roles import UserLike


def document_jobs_for(user: UserLike) -> QuerySet[DocumentJob]:
    return DocumentJob.objects.filter(requested_by=user).order_by("-created_at", "-id")
