"""Budget execution (issue 16 item 3): spending entries against activities, planned / spent / remaining."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.roles import Role
from supervision import selectors, services
from supervision.models import Activity, Project, Spending

D = Decimal
READERS = {Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER, Role.CLERK}
EDITORS = {Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR}


@pytest.fixture
def project(users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users[Role.DIRECTOR.value])
    project = Project.objects.create(plan=plan, order=1, name="การนิเทศแบบบูรณาการ")
    Activity.objects.create(project=project, order=1, name="นิเทศยกระดับโรงเรียนกลุ่มสีดำ–สีแดง", amount=D("20000"))
    Activity.objects.create(project=project, order=2, name="นิเทศระบบ online", amount=D("50000"))
    Activity.objects.create(project=project, order=3, name="พบกลุ่ม สวัสดีคุณครู")  # no budget ("-")
    return project


def spend(user, activity, amount, **kw):
    data = {"date": dt.date(2026, 12, 1), "category": "operating", "purpose": "ค่าอาหารว่าง", **kw}
    return services.spending_record(user=user, activity=activity, amount=amount, **data)


def test_spending_3600_and_2450_50_on_a_20000_activity_leaves_13949_50_and_the_totals_follow(project, users):
    first = project.activities.get(order=1)
    spend(users["supervisor"], first, "3,600.00", document_number="ศธ 04293/123", paid_by="นางสาวสมใจ ใจดี")
    spend(users["director"], first, D("2450.50"), category="materials")
    execution = selectors.budget_execution(project)
    row = execution["rows"][0]
    assert (row["planned"], row["spent"], row["remaining"], row["over"]) == (
        D("20000"),
        D("6050.50"),
        D("13949.50"),
        False,
    )
    assert (execution["planned"], execution["spent"], execution["remaining"]) == (
        D("70000"),
        D("6050.50"),
        D("63949.50"),
    )
    assert str(Spending.objects.get(category="materials").amount) == "2450.50"


def test_an_activity_given_as_a_total_only_plans_that_total(project):
    assert selectors.project_budget(project) == {
        "compensation": D(0), "operating": D(0), "materials": D(0), "total": D("70000"),
    }  # fmt: skip


def test_a_split_that_does_not_add_up_to_the_total_is_refused_in_thai(project):
    activity = Activity(project=project, name="ประชุม", amount=D("1000"), operating=D("600"))
    with pytest.raises(ValidationError, match="ไม่เท่ากับงบประมาณรวม"):
        activity.full_clean()


def test_overspending_an_activity_is_refused_when_the_project_does_not_pool(project, users):
    first = project.activities.get(order=1)
    spend(users["supervisor"], first, "19000")
    with pytest.raises(ValidationError, match="เกินงบประมาณของกิจกรรม: คงเหลือ 1,000.00 บาท"):
        spend(users["supervisor"], first, "1000.01")
    assert Spending.objects.count() == 1


def test_overspending_inside_the_total_is_kept_and_flagged_when_the_project_pools(project, users):
    project.pooled_budget = True
    project.save()
    first = project.activities.get(order=1)
    entry = spend(users["supervisor"], first, "25000")
    assert entry.over_activity_budget is True
    execution = selectors.budget_execution(project)
    assert execution["rows"][0]["over"] and execution["rows"][0]["remaining"] == D("-5000")
    assert execution["remaining"] == D("45000") and not execution["over"]
    with pytest.raises(ValidationError, match="เกินงบประมาณรวมของโครงการ: คงเหลือทั้งโครงการ 45,000.00 บาท"):
        spend(users["supervisor"], first, "45000.01")


def test_amounts_keep_two_places_and_must_be_positive(project, users):
    first = project.activities.get(order=1)
    with pytest.raises(ValidationError, match="ไม่เกิน 2 ตำแหน่ง"):
        spend(users["supervisor"], first, "10.005")
    with pytest.raises(ValidationError, match="มากกว่า 0"):
        spend(users["supervisor"], first, "0")
    with pytest.raises(ValidationError, match="เป็นตัวเลข"):
        spend(users["supervisor"], first, "สามพัน")


def test_an_impossible_date_is_refused_in_thai_by_the_service_and_the_page(project, users, client_for):
    first = project.activities.get(order=1)
    with pytest.raises(ValidationError, match="ไม่มีวันที่ 31 กุมภาพันธ์ 2570"):
        spend(users["supervisor"], first, "100", date="31/02/2570")
    url = reverse("supervision:activity_spending", args=[first.pk])
    post = {"date": "31/02/2570", "amount": "100", "category": "operating", "purpose": "ค่าเดินทาง"}
    response = client_for(users["supervisor"]).post(url, post)
    assert response.status_code == 200 and "ไม่มีวันที่ 31 กุมภาพันธ์ 2570 ในปฏิทิน" in response.content.decode()
    assert not Spending.objects.exists()


def test_the_page_records_an_entry_and_shows_what_is_left(project, users, client_for):
    first = project.activities.get(order=1)
    client = client_for(users["director"])
    url = reverse("supervision:activity_spending", args=[first.pk])
    post = {"date": "01/12/2569", "amount": "3600.00", "category": "compensation", "purpose": "ค่าตอบแทนวิทยากร",
            "document_number": "บจ 12/2570", "paid_by": "นายสมชาย"}  # fmt: skip
    assert client.post(url, post).status_code == 302
    page = client.get(url).content.decode()
    assert 'id="activity-remaining">16,400.00<' in page and "ค่าตอบแทนวิทยากร" in page and "1 ธ.ค. 69" in page
    detail = client.get(reverse("supervision:project_detail", args=[project.pk])).content.decode()
    assert 'id="project-remaining">66,400.00<' in detail


def test_an_activity_with_spending_cannot_be_deleted(project, users):
    first = project.activities.get(order=1)
    spend(users["supervisor"], first, "100")
    with pytest.raises(ValidationError, match="มีรายการเบิกจ่ายแล้ว"):
        services.project_save(
            user=users["supervisor"],
            project=project,
            data={},
            activities=[{"id": first, "DELETE": True}],
            indicators=[],
        )


def test_the_annual_report_adds_spent_and_remaining_per_project(project, users):
    spend(users["supervisor"], project.activities.get(order=1), "3600")
    row = selectors.annual_report_data(2570)["projects"][0]
    assert (row["budget_total"], row["budget_spent"], row["budget_remaining"]) == (D("70000"), D("3600"), D("66400"))


def test_readers_cannot_record_spending(project, users):
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น"):
        spend(users["clerk"], project.activities.get(order=1), "100")


@pytest.mark.parametrize("role", list(Role))
def test_the_spending_page_per_role(project, users, client_for, role):
    url = reverse("supervision:activity_spending", args=[project.activities.get(order=1).pk])
    client = client_for(users[role.value])
    assert client.get(url).status_code == (200 if role in EDITORS | READERS else 404)
    post = {"date": "01/12/2569", "amount": "10", "category": "operating", "purpose": "ค่าเดินทาง"}
    assert client.post(url, post).status_code == (302 if role in EDITORS else 403 if role in READERS else 404)


@pytest.mark.parametrize("role", list(Role))
def test_deleting_an_entry_per_role_and_get_is_refused(project, users, client_for, role):
    entry = spend(users["supervisor"], project.activities.get(order=1), "100")
    url = reverse("supervision:spending_delete", args=[entry.pk])
    client = client_for(users[role.value])
    assert client.get(url).status_code == 405
    expected = 302 if role in EDITORS else (403 if role in READERS else 404)
    assert client.post(url).status_code == expected
    assert Spending.objects.filter(pk=entry.pk).exists() == (role not in EDITORS)
