"""Schools and clusters: everyone with a role reads; school staff read their own school and cluster only."""

from __future__ import annotations

from tests.access.matrix import Case, World, everyone, post_only

EDIT = everyone(403, administrator=200, supervisor=200, director=200)


def objects(world: World) -> dict:
    return {"cluster": world.school.cluster}


def _school(world: World) -> dict:
    return {"pk": world.school.pk}


def _other(world: World) -> dict:
    return {"pk": world.other_school.pk}


def _cluster(world: World) -> dict:
    return {"pk": world.objects["cluster"].pk}


CASES = {
    "schools:school_list": Case(expect=everyone(200)),
    "schools:school_detail": [
        Case(kwargs=_school, expect=everyone(200)),
        Case(kwargs=_other, expect=everyone(200, school=404)),  # another school is not known to school staff
    ],
    "schools:school_create": Case(expect=EDIT),
    "schools:school_edit": Case(kwargs=_school, expect=EDIT),
    "schools:school_import": Case(expect=EDIT),
    "schools:address_options": Case(expect=EDIT),
    "schools:school_export": Case(kwargs=lambda w: {"fmt": "csv"}, expect=everyone(200)),
    "schools:cluster_list": Case(expect=everyone(200)),
    "schools:cluster_detail": Case(kwargs=_cluster, expect=everyone(200)),
    "schools:cluster_create": Case(expect=EDIT),
    "schools:cluster_edit": Case(kwargs=_cluster, expect=EDIT),
    "schools:cluster_merge": Case(kwargs=_cluster, expect=EDIT),
    "schools:cluster_import": Case(expect=EDIT),
    # retiring a cluster (reactivating here, so the table's world is unchanged): the editors, like a merge
    "schools:cluster_set_active": post_only(
        {**EDIT, "administrator": 302, "supervisor": 302, "director": 302},
        kwargs=_cluster,
        data=lambda w: {"active": "1"},
    ),
    # a school-staff login's school: the administrator's people pages
    "schools:member_edit": Case(kwargs=lambda w: {"pk": w.users["school"].pk}, expect=everyone(403, administrator=200)),
    "schools:cluster_export": Case(kwargs=lambda w: {"fmt": "xlsx"}, expect=everyone(200)),
}
