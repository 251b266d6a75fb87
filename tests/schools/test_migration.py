"""Schools moved from the supervision app into their own: a database in the old layout keeps every row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The last migrations before the move, and the schools app not yet installed.
OLD_LAYOUT = [
    ("core", "0002_reference_data"),
    ("supervision", "0003_default_tools"),
    ("correspondence", "0005_destruction_batches"),
    ("qa", "0002_standards_2561"),
    ("committee", "0002_links_to_correspondence"),
    ("schools", None),
]

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _fill_old_layout(apps) -> dict:  # noqa: ANN001
    User = apps.get_model("auth", "User")
    Cluster = apps.get_model("supervision", "Cluster")
    School = apps.get_model("supervision", "School")
    supervisor = User.objects.create(username="old_supervisor", first_name="ประภาพร")
    teacher = User.objects.create(username="old_teacher", first_name="มานี")
    cluster = Cluster.objects.create(name="กลุ่มโรงเรียนเก่าแก่")
    cluster.responsible_supervisors.add(supervisor)
    school = School.objects.create(code="1099999999", name="โรงเรียนบ้านหนองบัวเก่า", cluster=cluster, pupils=150)
    cluster.chair = school
    cluster.save()
    apps.get_model("core", "StaffProfile").objects.create(user=teacher, position="ครู", school=school)
    apps.get_model("core", "StaffProfile").objects.create(user=supervisor, position="ศึกษานิเทศก์")
    plan = apps.get_model("supervision", "AnnualPlan").objects.create(fiscal_year=2599)
    group = apps.get_model("supervision", "SchoolGroup").objects.create(plan=plan, name="กลุ่มสีแดง")
    group.schools.add(school)
    apps.get_model("supervision", "PlanPriority").objects.create(plan=plan, title="การอ่าน", school=school)
    job = apps.get_model("core", "DocumentJob").objects.create(
        kind="supervision.school_directory", title="ทำเนียบ", requested_by=supervisor
    )
    return {"school": school.pk, "cluster": cluster.pk, "teacher": teacher.pk, "supervisor": supervisor.pk,
            "group": group.pk, "job": job.pk}  # fmt: skip


def test_migrating_a_database_in_the_old_layout_keeps_every_school_row_and_link():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(OLD_LAYOUT)
    ids = _fill_old_layout(old.loader.project_state([t for t in OLD_LAYOUT if t[1]]).apps)

    _migrate(latest)

    from core.models import DocumentJob
    from schools.models import Cluster, School, SchoolMembership
    from supervision.models import PlanPriority, SchoolGroup

    school = School.objects.get(pk=ids["school"])
    assert (school.code, school.name, school.pupils) == ("1099999999", "โรงเรียนบ้านหนองบัวเก่า", 150)
    assert school.cluster_id == ids["cluster"]
    cluster = Cluster.objects.get(pk=ids["cluster"])
    assert cluster.chair_id == school.pk
    assert list(cluster.responsible_supervisors.values_list("pk", flat=True)) == [ids["supervisor"]]
    membership = SchoolMembership.objects.get(user_id=ids["teacher"])
    assert (membership.school_id, membership.position) == (school.pk, "ครู")
    assert not SchoolMembership.objects.filter(user_id=ids["supervisor"]).exists()
    assert list(SchoolGroup.objects.get(pk=ids["group"]).schools.all()) == [school]
    assert PlanPriority.objects.get(title="การอ่าน").school == school
    assert DocumentJob.objects.get(pk=ids["job"]).kind == "schools.school_directory"
    # the tables carry the new app's names and new rows get fresh keys after the old ones
    assert School._meta.db_table == "schools_school"
    assert School.objects.create(code="1099999998", name="โรงเรียนใหม่").pk > school.pk
