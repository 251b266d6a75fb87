"""Indicators that measure themselves (issue 16 item 4): coverage, visits per school, satisfied schools
counted once by their mean, meetings and events; a typed result is kept beside the computed one with a note."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role
from supervision import measures, selectors, services
from supervision.models import Activity, Indicator, Measure, Project
from supervision.selectors.indicators import indicator_value, target_number

from .test_activity_progress import visit


@pytest.fixture
def project(users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users[Role.DIRECTOR.value])
    project = Project.objects.create(plan=plan, order=1, name="การนิเทศฯ แบบบูรณาการโดยความร่วมมือของภาคีเครือข่าย")
    Activity.objects.create(
        project=project, order=4, name="งาน/โครงการตามนโยบาย 10 ครั้ง/โรงเรียน", visits_per_school_target=2
    )
    return project


def indicator(project, measure, target, **kw):
    return Indicator.objects.create(project=project, name=kw.pop("name", "ตัวชี้วัด"), measure=measure, target=target, **kw)


def test_coverage_counts_the_schools_visited_at_least_once_and_a_draft_never_counts(
    project, users, school, other_school, classroom_tool
):
    activity = project.activities.get()
    visit(users, school, activity, classroom_tool)
    visit(users, other_school, activity, classroom_tool, submit=False)  # a draft
    value = indicator_value(indicator(project, Measure.COVERAGE, "ร้อยละ 100"), 2570)
    assert value.computed == "ร้อยละ 50.00 (1 จาก 2 โรงเรียน)"
    assert value.value == Decimal("50.00") and value.met is False
    assert value.method == "ร้อยละของโรงเรียนเป้าหมายที่ได้รับการนิเทศ"


def test_visits_per_school_counts_the_schools_that_reached_the_activity_target(
    project, users, school, other_school, classroom_tool
):
    activity = project.activities.get()
    visit(users, school, activity, classroom_tool, day=3)
    visit(users, school, activity, classroom_tool, day=10)
    visit(users, other_school, activity, classroom_tool, day=17)
    row = indicator(project, Measure.VISITS_PER_SCHOOL, "ร้อยละ 50", measure_activity=activity)
    value = indicator_value(row, 2570)
    assert value.computed == "ร้อยละ 50.00 (1 จาก 2 โรงเรียน) ครบ 2 ครั้ง/โรงเรียน"
    assert value.met is True


def test_satisfied_schools_count_once_each_by_their_mean(project, users, make_user, school, other_school, make_visit):
    b_staff = make_user(Role.SCHOOL.value, school=other_school)

    def answer(at, ratings, staff, day):
        v = make_visit(status="approved", school=at, date=dt.date(2026, 11, day))
        services.visit_acknowledge(user=staff, visit=v)
        v.refresh_from_db()
        services.survey_answer(token=v.survey.token, ratings=ratings)

    for day in (3, 10, 17):
        answer(school, [5, 5, 5, 5, 5], users[Role.SCHOOL.value], day)
    answer(other_school, [2, 2, 2, 2, 3], b_staff, 24)
    value = indicator_value(indicator(project, Measure.SATISFIED_SCHOOLS, "ร้อยละ 80"), 2570)
    assert value.computed == "ร้อยละ 50.00 (1 จาก 2 โรงเรียนที่ตอบ); คำตอบทั้งหมด 4 ฉบับ"
    assert value.met is False


def test_meetings_are_counted_by_the_function_the_committee_registered(project):
    assert measures.count(measures.MEETINGS, 2570) == 0  # committee registered its counter at ready()
    value = indicator_value(indicator(project, Measure.MEETINGS, "6 ครั้ง/ปีงบประมาณ"), 2570)
    assert (value.computed, value.met) == ("0 ครั้ง", False)


def test_a_measure_no_app_counts_says_there_is_no_data_yet(project, monkeypatch):
    monkeypatch.setattr(measures, "_COUNTERS", {})
    value = indicator_value(indicator(project, Measure.MEETINGS, "6 ครั้ง"), 2570)
    assert (value.computed, value.value, value.met) == ("ยังไม่มีข้อมูลในระบบให้นับ", None, None)


def test_the_target_number_is_read_from_the_typed_target():
    assert target_number("ร้อยละ 80") == Decimal("80")
    assert target_number("6 ครั้ง/ปีงบประมาณ") == Decimal("6")
    assert target_number("1,000 คน") == Decimal("1000")
    assert target_number("ทุกโรงเรียน") is None


def _save(project, users, row):
    return services.project_save(
        user=users[Role.DIRECTOR.value], project=project, data={}, activities=[],
        indicators=[{"id": None, "DELETE": False, "order": 1, "name": "ร้อยละของสถานศึกษาที่มีนวัตกรรมเผยแพร่", **row}],
    )  # fmt: skip


def test_a_result_typed_over_a_computed_one_needs_a_note_and_keeps_it(project, users):
    row = {"measure": Measure.COVERAGE, "target": "ร้อยละ 100", "result": "ร้อยละ 100 (ตามแบบรายงานของโรงเรียน)"}
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุผล"):
        _save(project, users, row)
    _save(project, users, {**row, "result_note": "นับจากแบบรายงานที่โรงเรียนส่งเป็นกระดาษ"})
    value = selectors.project_indicator_values(project)[0]
    assert value.typed == "ร้อยละ 100 (ตามแบบรายงานของโรงเรียน)"
    assert value.note == "นับจากแบบรายงานที่โรงเรียนส่งเป็นกระดาษ"
    assert value.computed == "ร้อยละ 0.00 (0 จาก 1 โรงเรียน)"


def test_a_manual_indicator_needs_no_note(project, users):
    _save(project, users, {"measure": Measure.MANUAL, "target": "ร้อยละ 80", "result": "ร้อยละ 85"})
    value = selectors.project_indicator_values(project)[0]
    assert (value.computed, value.typed, value.note) == ("", "ร้อยละ 85", "")


def test_copying_the_plan_counts_the_indicator_on_the_copied_activity(project, users):
    activity = project.activities.get()
    indicator(project, Measure.VISITS_PER_SCHOOL, "ร้อยละ 80", measure_activity=activity, result="80", result_note="x")
    new_plan = services.plan_copy_to_next_year(plan=project.plan, user=users[Role.DIRECTOR.value])
    copied = Indicator.objects.get(project__plan=new_plan)
    assert copied.measure_activity.project.plan == new_plan and copied.measure_activity.name == activity.name
    assert (copied.result, copied.result_note) == ("", "")


def test_the_project_page_shows_the_computed_value_beside_the_target_with_the_method(
    project, users, school, other_school, classroom_tool, client_for
):
    visit(users, school, project.activities.get(), classroom_tool)
    indicator(project, Measure.COVERAGE, "ร้อยละ 100", name="โรงเรียนในสังกัดได้รับการนิเทศภายในทุกโรงเรียน")
    page = client_for(users[Role.EXECUTIVE.value]).get(reverse("supervision:project_detail", args=[project.pk]))
    text = page.content.decode()
    assert "ร้อยละ 50.00 (1 จาก 2 โรงเรียน)" in text
    assert "วิธีคำนวณ: ร้อยละของโรงเรียนเป้าหมายที่ได้รับการนิเทศ" in text
    assert "ยังไม่บรรลุ" in text


def test_events_held_count_and_a_draft_event_does_not(project, users):
    from supervision.models import EventType, GroupEvent
    from supervision.reports.result import project_result_data

    activity = project.activities.get()
    kind = EventType.objects.get_or_create(code="plc-g2", defaults={"name": "ชุมชนการเรียนรู้ทางวิชาชีพ (PLC)"})[0]
    for status, day in (("held", 5), ("held", 12), ("draft", 19)):
        GroupEvent.objects.create(
            event_type=kind, title="พบกลุ่ม “สวัสดีคุณครู” กลุ่มโรงเรียนเมืองบุรีรัมย์", date=dt.date(2026, 11, day),
            fiscal_year=2570, activity=activity, status=status, created_by=users[Role.DIRECTOR.value],
        )  # fmt: skip
    value = indicator_value(indicator(project, Measure.EVENTS, "2 ครั้ง", measure_activity=activity), 2570)
    assert (value.computed, value.met) == ("2 ครั้ง", True)
    row = project_result_data(project)["activity_rows"][0]
    assert row["counted"] == "จัดกิจกรรมกลุ่ม 2 ครั้ง"


def test_held_ktpn_meetings_of_the_fiscal_year_count_and_a_draft_does_not(project, users):
    from committee import services as committee_services
    from committee.models import Meeting

    secretary = users[Role.SECRETARY.value]
    for day in (dt.date(2026, 10, 15), dt.date(2026, 12, 10), dt.date(2027, 2, 4)):
        committee_services.meeting_create(
            user=secretary, date=day, start_time=dt.time(9, 30), place="ห้องประชุมสำนักงานเขตพื้นที่การศึกษา"
        )
    held = Meeting.objects.order_by("date")[:2]
    Meeting.objects.filter(pk__in=[m.pk for m in held]).update(status="held")
    value = indicator_value(indicator(project, Measure.MEETINGS, "6 ครั้ง/ปีงบประมาณ"), 2570)
    assert (value.computed, value.met) == ("2 ครั้ง", False)


def test_a_projects_indicators_read_the_years_coverage_once(project, users, school, other_school, classroom_tool):
    visit(users, school, project.activities.get(), classroom_tool)
    indicator(project, Measure.COVERAGE, "ร้อยละ 100", name="ร้อยละของโรงเรียนที่ได้รับการนิเทศ")
    project = Project.objects.select_related("plan").get(pk=project.pk)
    with CaptureQueriesContext(connection) as one:
        selectors.project_indicator_values(project)
    indicator(project, Measure.VISITS_PER_SCHOOL, "ร้อยละ 80", name="ร้อยละของโรงเรียนที่ได้รับการนิเทศครบตามเป้าหมาย")
    with CaptureQueriesContext(connection) as two:
        values = selectors.project_indicator_values(project)
    assert len(two) == len(one)  # the second indicator reuses the coverage the first one read
    assert values[0].computed == "ร้อยละ 50.00 (1 จาก 2 โรงเรียน)"
