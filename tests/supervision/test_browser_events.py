"""Headless Chromium: the director records a พบกลุ่ม with a whole cluster's schools and sees the activity's reach."""

from __future__ import annotations

import re

import pytest

from schools import services as school_services
from supervision import services
from supervision.models import Activity, GroupEvent, Project
from supervision.models.types import ensure_default_types
from tests.conftest import PASSWORD
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_group_meeting_with_a_clusters_schools_is_recorded_and_counts_for_the_activity(
    page, users, school, other_school, tmp_path
):
    ensure_default_types()  # a flush by an earlier browser test removes migration data
    far = school_services.school_create(
        code="1099000009", name="โรงเรียนบ้านควนขนุนประชาสามัคคี", level_primary=True, pupils=60,
        cluster=school_services.cluster_create(name="กลุ่มเครือข่ายควนขนุน"),
    )  # fmt: skip
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    project = Project.objects.create(plan=plan, name="การนิเทศฯ แบบบูรณาการโดยความร่วมมือของภาคีเครือข่าย")
    activity = Activity.objects.create(project=project, order=1, name="กิจกรรมนิเทศแบบพบกลุ่ม “สวัสดีคุณครู”")

    browser_login(page, "director", PASSWORD)
    page.goto(f"/supervision/activities/{activity.pk}/targets/")
    page.locator("#id_t-0-kind").select_option(label="กิจกรรมกลุ่ม: นิเทศแบบพบกลุ่ม")
    page.locator("#id_t-0-per_school").fill("1")
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_url(re.compile(r"/activities/\d+/$"))

    page.goto("/supervision/events/new/")
    page.get_by_label("ประเภทกิจกรรม").select_option(label="นิเทศแบบพบกลุ่ม")
    page.get_by_label("ชื่อกิจกรรม").fill("พบกลุ่ม “สวัสดีคุณครู” กลุ่มทดสอบหนึ่ง")
    page.get_by_label("วันที่จัด").fill("20/11/2569")
    page.get_by_label("กิจกรรมตามแผน").select_option(index=1)
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_url(re.compile(r"/events/\d+/$"))
    page.locator("#cluster-form select").select_option(label="กลุ่มทดสอบหนึ่ง")
    page.get_by_role("button", name="เพิ่มทั้งกลุ่ม").click()
    page.wait_for_load_state()
    assert page.locator("#attendance-count").inner_text() == "2"
    page.get_by_label(f"จำนวนครู {school.name}").fill("18")
    page.get_by_role("button", name="บันทึกโรงเรียนที่เข้าร่วม").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="บันทึกว่าจัดแล้ว").click()
    page.wait_for_load_state()
    assert "โรงเรียนที่เข้าร่วมทุกโรงเรียนจะนับ" in page.confirmations[-1]
    assert page.locator("#event-status").inner_text() == "จัดแล้ว"
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)
    event = GroupEvent.objects.get()
    assert {(a.school.name, a.teachers) for a in event.attendance.all()} == {(school.name, 18), (other_school.name, 0)}

    page.goto(f"/supervision/activities/{activity.pk}/")
    assert page.locator("#activity-reached").inner_text() == "2"
    assert far.name in page.locator("#not-reached").inner_text()
    page.screenshot(path=str(tmp_path / "activity.png"), full_page=True)
