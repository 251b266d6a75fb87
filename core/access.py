"""Who may do what with core's own objects: document jobs, the office profile.

A document job is rendered with its requester's clearance (a register printout may hold secret
entries), so it is readable and retryable by that user alone: anyone else gets a 404, the
administrator included.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import ApiToken, DocumentJob
from .roles import Role, UserLike, has_role


def can_edit_office(user: UserLike) -> bool:
    return has_role(user, Role.ADMIN)


def require_office_editor(user: UserLike) -> None:
    if not can_edit_office(user):
        raise PermissionDenied("เฉพาะผู้ดูแลระบบแก้ไขข้อมูลสำนักงานได้")


def get_document_job_for_user(user: UserLike, pk: int, *, write: bool = False) -> DocumentJob:
    """Only the requester knows the job (write=True, a retry, is theirs too)."""
    return get_object_or_404(DocumentJob, pk=pk, requested_by_id=user.pk)


def get_api_token_for_user(user: UserLike, pk: int, *, write: bool = False) -> ApiToken:
    """A user's own API token; anyone else's is a 404 on the web (the admin revokes through /admin/)."""
    return get_object_or_404(ApiToken, pk=pk, user_id=user.pk)


# --- People and reference data (ข้อมูลพื้นฐาน): the administrator's pages ---------------------------


def can_manage_people(user: UserLike) -> bool:
    return has_role(user, Role.ADMIN)


def require_people_manager(user: UserLike) -> None:
    if not can_manage_people(user):
        raise PermissionDenied("เฉพาะผู้ดูแลระบบจัดการผู้ใช้และข้อมูลพื้นฐานได้")


def get_managed_user_for_user(user: UserLike, pk: int, *, write: bool = False) -> AbstractBaseUser:
    """A login on the people pages: the administrator's alone (everyone else a 403, as for the list)."""
    require_people_manager(user)
    return get_object_or_404(get_user_model().objects.select_related("profile"), pk=pk)
