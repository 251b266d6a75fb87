"""Who may do what with schools and clusters: every rule of the schools app, in one place.

Everybody with an office or committee role reads every school; school staff read their own school
and its cluster; only supervisors, the group director and the administrator change anything.
An object the user may not know of is a 404; a read-only user who tries to change it gets a 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from core.roles import Role, UserLike, has_role

from . import selectors
from .models import Cluster, School

ALL_SCHOOLS = (Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER)
EDITORS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)


def sees_every_school(user: UserLike) -> bool:
    return has_role(user, *ALL_SCHOOLS)


def is_school_staff(user: UserLike) -> bool:
    """A school login; an office login that also has the school role still sees every school."""
    return has_role(user, Role.SCHOOL) and not sees_every_school(user)


def can_read(user: UserLike) -> bool:
    return sees_every_school(user) or is_school_staff(user)


def require_reader(user: UserLike) -> None:
    if not can_read(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูข้อมูลสถานศึกษา")


def can_edit(user: UserLike) -> bool:
    return has_role(user, *EDITORS)


def require_editor(user: UserLike) -> None:
    if not can_edit(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลสถานศึกษาเท่านั้น")


def get_school_for_user(user: UserLike, pk: int, *, write: bool = False) -> School:
    school = get_object_or_404(selectors.schools_visible_to(user), pk=pk)
    if write:
        require_editor(user)
    return school


def get_cluster_for_user(user: UserLike, pk: int, *, write: bool = False) -> Cluster:
    cluster = get_object_or_404(selectors.clusters_visible_to(user), pk=pk)
    if write:
        require_editor(user)
    return cluster
