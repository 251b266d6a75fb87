"""Reads of schools and clusters, narrowed to what the given user may see."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, QuerySet

from core.collation import thai_order, thai_sort_key, thai_sorted
from core.models import OfficeProfile
from core.roles import UserLike

from . import access
from .models import Cluster, School, SchoolMembership
from .sizes import size_class_expression


def school_id_of(user: UserLike) -> int | None:
    """The school a school-staff login belongs to; None for everyone else (an office login never narrows)."""
    if not access.is_school_staff(user):
        return None
    try:
        return user.school_membership.school_id  # cached on the user object, even when missing
    except SchoolMembership.DoesNotExist:
        return None


def schools_visible_to(user: UserLike) -> QuerySet[School]:
    """Office staff and committee see every school; school staff only their own."""
    qs = School.objects.select_related("cluster").annotate(size=size_class_expression(OfficeProfile.get().office_type))
    if access.sees_every_school(user):
        return qs
    if access.is_school_staff(user):
        return qs.filter(pk=school_id_of(user))
    return qs.none()


def clusters_visible_to(user: UserLike) -> QuerySet[Cluster]:
    qs = (
        Cluster.objects.select_related("chair", "vice_chair")
        .prefetch_related("responsible_supervisors__profile")
        .annotate(school_count=Count("schools"))
    )
    if access.sees_every_school(user):
        return qs
    if access.is_school_staff(user):
        return qs.filter(schools__pk=school_id_of(user))
    return qs.none()


def districts() -> list[str]:
    """The อำเภอ of the schools, in Thai dictionary order (for the list's filter)."""
    return thai_sorted(set(School.objects.exclude(district="").values_list("district", flat=True)))


def school_directory(cluster_id: int | None = None) -> list[tuple[Cluster | None, list[School]]]:
    """Active schools grouped by cluster (schools without a cluster last), for the directory PDF."""
    qs = (
        School.objects.filter(is_active=True)
        .select_related("cluster")
        .annotate(size=size_class_expression(OfficeProfile.get().office_type))
    )
    qs = thai_order(qs, "cluster__name", "name")
    if cluster_id:
        qs = qs.filter(cluster_id=cluster_id)
    return schools_by_cluster(qs)


def schools_by_cluster(schools: Iterable[School]) -> list[tuple[Cluster | None, list[School]]]:
    """`schools` (their cluster selected) grouped by cluster in Thai order of its name, those without a
    cluster last; each group keeps the order given."""
    groups: dict[int | None, tuple[Cluster | None, list[School]]] = {}
    for school in schools:
        groups.setdefault(school.cluster_id, (school.cluster, []))[1].append(school)
    return sorted(groups.values(), key=lambda g: (g[0] is None, thai_sort_key(g[0].name if g[0] else "")))
