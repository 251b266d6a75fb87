"""Reads of schools and clusters, narrowed to what the given user may see."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from core.models import OfficeProfile, school_id_of
from core.roles import Role, has_role

from ..models import Cluster, School
from ..sizes import size_class_expression

SCHOOL_EDITORS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)


def can_edit_schools(user) -> bool:  # noqa: ANN001
    return has_role(user, *SCHOOL_EDITORS)


def schools_visible_to(user) -> QuerySet[School]:  # noqa: ANN001
    """Office staff and committee see every school; school staff only their own."""
    qs = School.objects.select_related("cluster").annotate(size=size_class_expression(OfficeProfile.get().office_type))
    if has_role(
        user, Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER
    ):
        return qs
    if has_role(user, Role.SCHOOL):
        return qs.filter(pk=school_id_of(user))
    return qs.none()


def get_school_for_user(user, pk: int, *, write: bool = False) -> School:  # noqa: ANN001
    school = get_object_or_404(schools_visible_to(user), pk=pk)
    if write and not can_edit_schools(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลสถานศึกษาเท่านั้น")
    return school


def clusters_visible_to(user) -> QuerySet[Cluster]:  # noqa: ANN001
    if not schools_visible_to(user).exists() and not can_edit_schools(user):
        return Cluster.objects.none()
    qs = (
        Cluster.objects.select_related("chair", "vice_chair")
        .prefetch_related("responsible_supervisors__profile")
        .annotate(school_count=Count("schools"))
    )
    if has_role(user, Role.SCHOOL) and not can_edit_schools(user):
        return qs.filter(schools__pk=school_id_of(user))
    return qs


def get_cluster_for_user(user, pk: int, *, write: bool = False) -> Cluster:  # noqa: ANN001
    cluster = get_object_or_404(clusters_visible_to(user), pk=pk)
    if write and not can_edit_schools(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลกลุ่มโรงเรียนเท่านั้น")
    return cluster


def districts() -> list[str]:
    return list(School.objects.exclude(district="").order_by("district").values_list("district", flat=True).distinct())


def school_directory(cluster_id: int | None = None) -> list[tuple[Cluster | None, list[School]]]:
    """Active schools grouped by cluster (schools without a cluster last), for the directory PDF."""
    qs = (
        School.objects.filter(is_active=True)
        .select_related("cluster")
        .annotate(size=size_class_expression(OfficeProfile.get().office_type))
        .order_by("cluster__name", "name")
    )
    if cluster_id:
        qs = qs.filter(cluster_id=cluster_id)
    groups: dict[int | None, tuple[Cluster | None, list[School]]] = {}
    for school in qs:
        groups.setdefault(school.cluster_id, (school.cluster, []))[1].append(school)
    return sorted(groups.values(), key=lambda g: (g[0] is None, g[0].name if g[0] else ""))


def require_school_editor(user) -> None:  # noqa: ANN001
    if not can_edit_schools(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลเท่านั้น")
