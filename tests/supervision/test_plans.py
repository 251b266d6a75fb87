from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from supervision import selectors, services
from supervision.models import Activity, AnnualPlan, Indicator, Phase, PhaseNote, Project, SchoolGroup


@pytest.fixture
def plan(users, school):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    plan.vision, plan.visits_per_school_target = "นิเทศเชิงรุก", 4
    plan.save()
    project = Project.objects.create(plan=plan, order=1, name="การนิเทศแบบบูรณาการ", objectives="ข้อหนึ่ง\nข้อสอง")
    Activity.objects.create(
        project=project,
        order=1,
        name="นิเทศยกระดับโรงเรียนกลุ่มสีดำ–สีแดง",
        compensation=Decimal("5000"),
        operating=Decimal("12000"),
        materials=Decimal("3000"),
    )
    Activity.objects.create(project=project, order=2, name="นิเทศระบบ online", operating=Decimal("50000"))
    Indicator.objects.create(
        project=project,
        name="ร้อยละของสถานศึกษาที่พึงพอใจ",
        method="สำรวจ",
        tool="แบบสำรวจ",
        target="ร้อยละ 80",
        result="ร้อยละ 85",
    )
    group = SchoolGroup.objects.create(plan=plan, name="กลุ่มสีดำ–สีแดง", visits_per_school_target=6)
    group.schools.set([school])
    return plan


def test_budget_totals_add_the_three_lines_per_activity_and_per_project(plan):
    project = plan.projects.get()
    assert [a.budget_total for a in project.activities.all()] == [Decimal("20000"), Decimal("50000")]
    assert selectors.project_budget(project) == {
        "compensation": Decimal("5000"),
        "operating": Decimal("62000"),
        "materials": Decimal("3000"),
        "total": Decimal("70000"),
    }


def test_a_project_moves_one_pdca_step_at_a_time_with_a_note(plan, users):
    project = plan.projects.get()
    with pytest.raises(ValidationError, match="ทีละขั้น"):
        services.project_move_phase(user=users["supervisor"], project=project, to=Phase.CHECK, note="ข้าม")
    with pytest.raises(ValidationError, match="กรุณาบันทึกสิ่งที่ทำ/ผลที่ได้ในระยะนี้"):
        services.project_move_phase(user=users["supervisor"], project=project, to=Phase.DO, note="  ")
    for phase in (Phase.DO, Phase.CHECK, Phase.ACT, Phase.PLAN):
        project = services.project_move_phase(user=users["supervisor"], project=project, to=phase, note=f"ทำ {phase}")
    assert project.phase == Phase.PLAN
    assert list(PhaseNote.objects.values_list("phase", "moved_to")) == [
        ("plan", "do"),
        ("do", "check"),
        ("check", "act"),
        ("act", "plan"),
    ]


def test_readers_cannot_move_phases(plan, users):
    activity = plan.projects.get().activities.first()
    for role in ("executive", "member", "school", "secretary"):
        with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น"):
            services.activity_move_phase(user=users[role], activity=activity, to=Phase.DO, note="x")


def test_an_activity_keeps_its_own_phase_and_evidence(plan, users, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    activity = plan.projects.get().activities.first()
    client = client_for(users["supervisor"])
    client.post(
        reverse("supervision:activity_phase", args=[activity.pk]),
        {"to": "do", "note": "ประชุมชี้แจงแล้ว", "evidence": SimpleUploadedFile("รายงาน.pdf", b"%PDF-1.4")},
    )
    activity.refresh_from_db()
    note = PhaseNote.objects.get(activity=activity)
    assert activity.phase == Phase.DO and note.evidence_name == "รายงาน.pdf"
    assert client.get(reverse("supervision:phase_note_evidence", args=[note.pk])).status_code == 200


def test_the_plan_page_shows_where_every_project_stands(plan, users, client_for):
    project = plan.projects.get()
    services.project_move_phase(user=users["supervisor"], project=project, to=Phase.DO, note="เริ่มดำเนินการ")
    page = client_for(users["executive"]).get(reverse("supervision:plan_detail", args=[2570])).content.decode()
    assert "การนิเทศแบบบูรณาการ" in page and 'data-phase="do"' in page
    assert "70,000" in page and "กลุ่มสีดำ–สีแดง" in page


def test_copying_a_plan_restarts_phases_and_clears_results(plan, users, client_for, school):
    project = plan.projects.get()
    services.project_move_phase(user=users["supervisor"], project=project, to=Phase.DO, note="ดำเนินการ")
    response = client_for(users["director"]).post(reverse("supervision:plan_copy", args=[2570]))
    assert response.status_code == 302
    new = AnnualPlan.objects.get(fiscal_year=2571)
    copied = new.projects.get()
    assert new.vision == "นิเทศเชิงรุก" and new.visits_per_school_target == 4
    assert copied.phase == Phase.PLAN and copied.activities.count() == 2
    assert copied.indicators.get().result == "" and copied.indicators.get().target == "ร้อยละ 80"
    assert list(new.school_groups.get().schools.all()) == [school]
    with pytest.raises(ValidationError, match="มีแผนนิเทศปีงบประมาณ 2571 อยู่แล้ว"):
        services.plan_copy_to_next_year(plan=plan, user=users["director"])


def test_a_project_is_edited_with_its_activities_and_indicators(plan, users, client_for):
    data = {
        "order": 2, "name": "โครงการพัฒนาการอ่าน", "responsible_unit": "กลุ่มนิเทศฯ", "budget_note": "",
        "a-TOTAL_FORMS": 1, "a-INITIAL_FORMS": 0, "a-0-order": 1, "a-0-name": "นิเทศการอ่านออกเขียนได้",
        "a-0-period": "ต.ค. 69 – ก.ย. 70", "a-0-target_group": "โรงเรียน", "a-0-responsible": "ศึกษานิเทศก์",
        "a-0-compensation": "1000", "a-0-operating": "2000", "a-0-materials": "500",
        "i-TOTAL_FORMS": 1, "i-INITIAL_FORMS": 0, "i-0-order": 1, "i-0-name": "นักเรียน ป.1 อ่านออก",
        "i-0-method": "ทดสอบ", "i-0-tool": "แบบทดสอบ RT", "i-0-target": "ร้อยละ 90", "i-0-result": "",
    }  # fmt: skip
    response = client_for(users["supervisor"]).post(reverse("supervision:project_create", args=[2570]), data)
    assert response.status_code == 302
    project = Project.objects.get(name="โครงการพัฒนาการอ่าน")
    assert selectors.project_budget(project)["total"] == Decimal("3500")
    assert (
        client_for(users["executive"]).post(reverse("supervision:project_create", args=[2570]), data).status_code == 403
    )


def test_plan_current_creates_this_years_plan_for_editors_only(users, client_for):
    assert client_for(users["executive"]).get(reverse("supervision:plan_current")).status_code == 404
    response = client_for(users["supervisor"]).get(reverse("supervision:plan_current"))
    year = selectors.current_fiscal_year()
    assert response.status_code == 302 and response["Location"].endswith(f"/plans/{year}/")
    assert AnnualPlan.objects.filter(fiscal_year=year).exists()


def test_editing_a_project_updates_and_deletes_its_rows_through_the_service(plan, users, client_for):
    project = plan.projects.get()
    first, second = project.activities.order_by("order")
    indicator = project.indicators.get()
    data = {
        "order": 1, "name": "การนิเทศแบบบูรณาการ (ปรับ)", "responsible_unit": "กลุ่มนิเทศฯ", "budget_note": "",
        "a-TOTAL_FORMS": 2, "a-INITIAL_FORMS": 2,
        "a-0-id": first.pk, "a-0-project": project.pk, "a-0-order": 1, "a-0-name": "นิเทศกลุ่มสีแดง",
        "a-0-compensation": "100", "a-0-operating": "0", "a-0-materials": "0",
        "a-1-id": second.pk, "a-1-project": project.pk, "a-1-order": 2, "a-1-name": second.name,
        "a-1-compensation": "0", "a-1-operating": "0", "a-1-materials": "0", "a-1-DELETE": "on",
        "i-TOTAL_FORMS": 1, "i-INITIAL_FORMS": 1, "i-0-id": indicator.pk, "i-0-project": project.pk,
        "i-0-order": 1, "i-0-name": indicator.name, "i-0-target": "ร้อยละ 90", "i-0-result": "",
    }  # fmt: skip
    response = client_for(users["supervisor"]).post(reverse("supervision:project_edit", args=[project.pk]), data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.name == "การนิเทศแบบบูรณาการ (ปรับ)"
    assert [(a.name, a.compensation) for a in project.activities.all()] == [("นิเทศกลุ่มสีแดง", Decimal("100"))]
    assert project.indicators.get().target == "ร้อยละ 90"


def test_a_row_of_another_project_is_refused(plan, users):
    other = Project.objects.create(plan=plan, order=2, name="อีกโครงการ")
    stranger = Activity.objects.create(project=other, name="กิจกรรมของโครงการอื่น")
    project = plan.projects.get(order=1)
    with pytest.raises(ValidationError, match="รายการนี้ไม่ได้อยู่ในโครงการนี้"):
        services.project_save(
            user=users["director"], project=project, data={}, activities=[{"id": stranger, "name": "x"}], indicators=[]
        )


def test_a_second_school_group_of_the_same_name_is_a_form_error_not_a_crash(plan, users, client_for, school):
    url = reverse("supervision:school_group_create", args=[2570])
    data = {"name": "กลุ่มสีดำ–สีแดง", "color": "#000000", "visits_per_school_target": 2, "schools": [school.pk]}
    response = client_for(users["director"]).post(url, data)
    assert response.status_code == 200 and "แผนนี้มีกลุ่มสถานศึกษาชื่อนี้อยู่แล้ว" in response.content.decode()
    assert plan.school_groups.count() == 1


@pytest.mark.parametrize("role", ["clerk", "executive", "member", "school"])
def test_plan_writes_refuse_readers_inside_the_services(plan, users, role):
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น"):
        services.plan_update(user=users[role], plan=plan, data={"vision": "x"})
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น"):
        services.plan_add_priorities(plan=plan, items=[{"title": "x"}], user=users[role])
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น"):
        services.school_group_save(user=users[role], group=SchoolGroup(plan=plan), data={"name": "x"})
