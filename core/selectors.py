"""Reads of the core app, narrowed to what the given user may see."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import DocumentJob
from .roles import Role, UserLike, has_role


def document_jobs_for(user: UserLike) -> QuerySet[DocumentJob]:
    return DocumentJob.objects.filter(requested_by=user).order_by("-created_at", "-id")


def get_document_job_for_user(user: UserLike, pk: int, *, write: bool = False) -> DocumentJob:
    """A user sees their own document jobs; the administrator sees every one."""
    job = get_object_or_404(DocumentJob, pk=pk)
    if job.requested_by_id != user.pk and not has_role(user, Role.ADMIN):
        raise Http404
    return job
