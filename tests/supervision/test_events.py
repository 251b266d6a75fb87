"""Group events (กิจกรรมกลุ่ม), visit/event types as data and activities with targets (issue 16 items 1–2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.roles import Role
from schools import services as school_services
from supervision import selectors, services
from supervision.forms import VisitForm
from supervision.models import (
    Activity,
    ActivityTarget,
    EventType,
    GroupEvent,
    Project,
    TargetScope,
    Visit,
    VisitType,
)
from supervision.models.types import ensure_default_types

from .conftest import full_scores

DAY = dt.date(2026, 11, 20)  # ปีงบประมาณ 2570
SUP, DIRECTOR = Role.SUPERVISOR.value, Role.DIRECTOR.value


@pytest.fixture
def types(db):
    ensure_default_types()  # a browser test's flush may have removed the migration's rows
    return {t.code: t for t in EventType.objects.all()}


@pytest.fixture
def cluster_schools(school, other_school):
    """The test cluster with a third, long-named school; and a school of another cluster."""
    third = school_services.school_create(
        code="1099000003", name="โรงเรียนบ้านหนองบัวแดงวิทยาคาร (ประชารัฐสามัคคีพัฒนา)", level_primary=True,
        pupils=45, cluster=school.cluster,
    )  # fmt: skip
    far = school_services.school_create(
        code="1099000004", name="โรงเรียนบ้านโคกสูงสามัคคี", level_primary=True, pupils=120,
        cluster=school_services.cluster_create(name="กลุ่มเครือข่ายพัฒนาคุณภาพการศึกษาลุ่มน้ำปากพนัง"),
    )  # fmt: skip
    return [school, other_school, third], far


@pytest.fixture
def activity(users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users[DIRECTOR])
    project = Project.objects.create(plan=plan, name="การนิเทศฯ แบบบูรณาการโดยความร่วมมือของภาคีเครือข่าย")
    return Activity.objects.create(project=project, order=1, name="กิจกรรมนิเทศแบบพบกลุ่ม “สวัสดีคุณครู”")


def event(users, types, *, schools=(), activity=None, hold=True, code="group", day=DAY) -> GroupEvent:
    sup = users[SUP]
    fields = {"event_type": types[code], "title": "พบกลุ่ม “สวัสดีคุณครู” กลุ่มเครือข่ายที่ 1", "date": day,
              "activity": activity, "agenda": "1. นโยบายการศึกษา\n2. การวัดผล"}  # fmt: skip
    e = services.event_save(user=sup, fields=fields, people=[sup])
    services.event_set_attendance(user=sup, event=e, rows=[(s, 25, "") for s in schools])
    if hold:
        services.event_hold(user=sup, event=e)
    return e


def visit(users, school, tool, *, activity=None, visit_type="policy", submit=True) -> Visit:
    sup = users[SUP]
    v = services.visit_create(user=sup, school=school, date=DAY, visit_type=visit_type, tool=tool, activity=activity)
    services.visit_save(user=sup, visit=v, fields={"strengths": "ดี", "to_develop": "พัฒนา"}, team=[], teachers=[],
                        scores=full_scores(tool), follow_ups=[])  # fmt: skip
    if submit:
        services.visit_submit(user=sup, visit=v)
    return v


def test_a_group_event_with_a_whole_clusters_attendance_counts_once_per_school(users, types, cluster_schools):
    schools, far = cluster_schools
    e = event(users, types, hold=False)
    assert services.event_add_cluster(user=users[SUP], event=e, cluster=schools[0].cluster) == 3
    assert services.event_add_cluster(user=users[SUP], event=e, cluster=schools[0].cluster) == 0  # already there
    services.event_hold(user=users[SUP], event=e)
    cov = selectors.coverage(2570)
    visits = {s.name: s.visit_count for s in cov["school_rows"]}
    assert visits == {**{s.name: 1 for s in schools}, far.name: 0}
    assert (cov["visited"], cov["visits"]) == (3, 3)


def test_a_draft_or_cancelled_event_never_counts_and_a_type_that_does_not_count_is_left_out(
    users, types, cluster_schools
):
    schools, _ = cluster_schools
    event(users, types, schools=schools, hold=False)
    cancelled = event(users, types, schools=schools[:1])
    services.event_cancel(user=users[SUP], event=cancelled, reason="ฝนตกหนัก น้ำท่วมเส้นทาง")
    event(users, types, schools=schools, code="directors")  # ประชุมผู้บริหาร: not counted by its type's rule
    assert selectors.coverage(2570)["visits"] == 0


def test_visits_and_events_count_toward_the_right_school_and_activity(
    users, types, cluster_schools, activity, classroom_tool
):
    schools, far = cluster_schools
    ActivityTarget.objects.create(activity=activity, visit_type=VisitType.objects.get(code="policy"), per_school=2)
    ActivityTarget.objects.create(activity=activity, event_type=types["group"], per_school=1)
    visit(users, schools[0], classroom_tool, activity=activity)
    visit(users, schools[0], classroom_tool, activity=activity)
    visit(users, schools[1], classroom_tool, activity=activity, submit=False)  # a draft never counts
    visit(users, far, classroom_tool)  # no activity
    event(users, types, schools=schools[:2], activity=activity)
    event(users, types, schools=schools, activity=activity, hold=False)  # a draft event never counts
    progress = selectors.activity_progress(activity)
    rows = {r["school"].name: (r["done"], [c["done"] for c in r["cells"]], r["met"]) for r in progress["rows"]}
    assert rows[schools[0].name] == (3, [2, 1], True)
    assert rows[schools[1].name] == (1, [0, 1], False)
    assert rows[schools[2].name] == (0, [0, 0], False)
    assert rows[far.name] == (0, [0, 0], False)
    assert {s.name for s in progress["not_reached"]} == {far.name, schools[2].name}
    assert progress["met"] == 1


def test_the_activity_counts_only_its_target_schools(users, types, cluster_schools, activity):
    schools, far = cluster_schools
    services.activity_targets_save(
        user=users[DIRECTOR], activity=activity, targets=[{"event_type": types["group"], "per_school": 1}],
        fields={"scope": TargetScope.CLUSTER, "scope_cluster": far.cluster, "months": "10,11"},
    )  # fmt: skip
    event(users, types, schools=[*schools, far], activity=activity)
    progress = selectors.activity_progress(activity)
    assert [(r["school"].name, r["done"], r["met"]) for r in progress["rows"]] == [(far.name, 1, True)]


def test_a_cluster_scope_without_a_cluster_is_refused_in_thai(users, activity):
    with pytest.raises(ValidationError, match="กรุณาเลือกกลุ่มโรงเรียน"):
        services.activity_targets_save(
            user=users[DIRECTOR], activity=activity, fields={"scope": TargetScope.CLUSTER}, targets=[]
        )


def test_an_event_without_schools_cannot_be_marked_held(users, types):
    e = event(users, types, hold=False)
    with pytest.raises(ValidationError, match="กรุณาระบุโรงเรียนที่เข้าร่วม"):
        services.event_hold(user=users[SUP], event=e)
    assert GroupEvent.objects.get(pk=e.pk).is_draft


def test_a_teacher_count_that_is_not_a_number_is_refused_in_thai_and_nothing_is_lost(users, types, school, client_for):
    e = event(users, types, schools=[school], hold=False)
    client = client_for(users[SUP])
    url = reverse("supervision:event_attendance", args=[e.pk])
    response = client.post(url, {"school": [school.pk], f"teachers_{school.pk}": "สิบสอง"}, follow=True)
    assert "ต้องเป็นตัวเลขจำนวนเต็ม" in response.content.decode()
    assert e.attendance.get().teachers == 25


def test_attendance_by_cluster_in_one_step_through_the_page(users, types, cluster_schools, client_for):
    schools, _ = cluster_schools
    e = event(users, types, hold=False)
    client = client_for(users[SUP])
    client.post(reverse("supervision:event_add_cluster", args=[e.pk]), {"cluster": schools[0].cluster_id})
    page = client.get(reverse("supervision:event_detail", args=[e.pk])).content.decode()
    assert 'id="attendance-count">3<' in page
    client.post(reverse("supervision:event_hold", args=[e.pk]))
    assert GroupEvent.objects.get(pk=e.pk).status == "held"


def test_visit_types_are_editable_and_existing_visits_keep_their_type(users, school, classroom_tool, client_for):
    ensure_default_types()
    v = visit(users, school, classroom_tool, visit_type="policy", submit=False)
    client = client_for(users[DIRECTOR])
    policy = VisitType.objects.get(code="policy")
    data = {
        "kind": "visit",
        "pk": policy.pk,
        "visit-code": "policy",
        "visit-name": "นิเทศ ติดตาม งาน/โครงการตามนโยบาย สพฐ.",
        "visit-order": 3,
    }  # fmt: skip (is_active unticked: switched off)
    assert client.post(reverse("supervision:visit_types"), data).status_code == 302
    v.refresh_from_db()
    assert (v.visit_type, v.get_visit_type_display()) == ("policy", "นิเทศ ติดตาม งาน/โครงการตามนโยบาย สพฐ.")
    assert "policy" not in dict(VisitForm(fiscal_year=2570).fields["visit_type"].choices)
    assert "policy" in dict(VisitForm(instance=v, fiscal_year=2570).fields["visit_type"].choices)
    new = {"kind": "visit", "visit-code": "coaching", "visit-name": "นิเทศแบบ Coaching & Mentoring", "visit-order": 9,
           "visit-is_active": "on"}  # fmt: skip
    client.post(reverse("supervision:visit_types"), new)
    assert VisitType.objects.get(code="coaching").name == "นิเทศแบบ Coaching & Mentoring"


def test_only_the_director_and_the_administrator_edit_the_types(users, client_for):
    ensure_default_types()
    data = {"kind": "event", "event-code": "tea", "event-name": "จิบน้ำชา", "event-order": 1}
    for role, status in [(SUP, 403), (Role.SECRETARY.value, 403), (Role.ADMIN.value, 302)]:
        assert client_for(users[role]).post(reverse("supervision:visit_types"), data).status_code == status


def test_the_dashboard_filters_by_activity_and_visit_type(users, types, school, other_school, activity, classroom_tool,
                                                           client_for):  # fmt: skip
    visit(users, school, classroom_tool, activity=activity, visit_type="policy")
    visit(users, other_school, classroom_tool, visit_type="classroom")
    event(users, types, schools=[other_school], activity=activity)
    client = client_for(users[DIRECTOR])
    url = reverse("supervision:dashboard")

    def visited(query: str) -> str:
        html = client.get(url + query).content.decode()
        return html.split('id="kpi-visited">')[1].split("<")[0]

    assert visited("?year=2570") == "2"
    assert visited(f"?year=2570&activity={activity.pk}") == "2"  # a visit and an event under the activity
    assert visited("?year=2570&type=policy") == "1"
    assert visited(f"?year=2570&activity={activity.pk}&type=classroom") == "0"
    assert visited("?year=2570&type=not-a-type") == "2"  # an unknown type is ignored, never a 500


def test_group_events_appear_on_the_calendar_of_their_people(users, types, school):
    from supervision.calendar import supervision_entries

    e = event(users, types, schools=[school])
    entries = supervision_entries(users[SUP], DAY, DAY)
    assert [(x.title, x.kind) for x in entries if x.uid == f"supervision.event:{e.pk}"] == [(e.title, "นิเทศแบบพบกลุ่ม")]
