"""Each role's home page answers "what do I do now" (issue 17 item 1)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supervision import services as supervision_services
from tests.core import home_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(users, school):
    return home_scene.build(users, school)


def _home(client_for, user) -> str:  # noqa: ANN001
    response = client_for(user).get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_clerk_sees_the_keying_shortcuts_and_todays_counts(users, client_for, scene):
    page = _home(client_for, users["clerk"])
    assert reverse("correspondence:incoming_create") in page and "ลงทะเบียนรับ" in page
    assert "ออกเลขหนังสือส่ง" in page and 'name="q"' in page and 'id="clerk-search"' in page
    assert "รับวันนี้" in page and "ออกเลขส่งวันนี้" in page


def test_the_director_sees_the_pending_decisions_first_each_with_a_direct_link(users, client_for, scene):
    page = _home(client_for, users["director"])
    actions = page.index('data-testid="home-actions"')
    assert actions < page.index('id="supervision-panel"')
    letter_url = reverse("correspondence:letter_detail", args=[scene["letter"].pk])
    visit_url = reverse("supervision:visit_detail", args=[scene["submitted"].pk])
    assert letter_url in page and visit_url in page
    assert "หนังสือรอเกษียนสั่งการ" in page and "อนุมัติบันทึกการนิเทศ" in page and "หนังสือรอตรวจ/ลงนาม" in page


def test_a_supervisor_sees_only_follow_ups_due_soon_or_recently_overdue_with_a_link_to_all(users, client_for, scene):
    page = _home(client_for, users["supervisor"])
    assert home_scene.FOLLOW_UP_SOON in page and home_scene.FOLLOW_UP_RECENT in page
    assert home_scene.FOLLOW_UP_ANCIENT not in page
    assert "เลยกำหนดเกิน 30 วันอีก 1 รายการ" in page and reverse("supervision:index") in page


def test_a_supervisor_sees_her_next_planned_visit(users, client_for, scene):
    page = _home(client_for, users["supervisor"])
    assert reverse("supervision:visit_edit", args=[scene["planned"].pk]) in page


def test_school_staff_see_the_visit_to_acknowledge_as_an_action_and_the_survey_explained(users, client_for, scene):
    page = _home(client_for, users["school"])
    assert 'data-testid="action-visits-to-acknowledge"' in page and "รอดำเนินการ" in page
    assert reverse("supervision:visit_detail", args=[scene["waiting"].pk]) in page
    assert 'data-testid="home-survey"' in page and "<svg" in page
    assert "คิวอาร์โค้ดนี้เปิดแบบสอบถามความพึงพอใจ" in page


def test_the_executive_sees_the_fiscal_years_key_figures_with_charts(users, client_for, scene):
    page = _home(client_for, users["executive"])
    for name in ("coverage", "satisfaction", "budget", "meetings"):
        assert f'data-testid="figure-{name}"' in page
    assert "ใช้แล้ว 6,050.50 จาก 20,000.00 บาท" in page and "ร้อยละ 30.3" in page
    assert 'id="figures-data"' in page and "vendor/chartjs/chart.umd.min.js" in page
    assert home_scene.PROJECT_NAME in page  # in the budget chart's data and its text alternative
    # nothing waits for the executive's signature: the figures lead, the empty card follows
    assert page.index('data-testid="home-figures"') < page.index('data-testid="home-actions"')


def test_nobody_but_those_who_steer_gets_the_figures(users, client_for, scene):
    for role in ("clerk", "supervisor", "director", "school"):
        assert 'data-testid="home-figures"' not in _home(client_for, users[role]), role


def test_a_supervisor_gets_a_card_only_when_a_visit_was_returned_to_her(users, client_for, scene):
    assert 'data-testid="action-visits-returned"' not in _home(client_for, users["supervisor"])
    supervision_services.visit_return(
        user=users["director"], visit=scene["submitted"], comment="แนบภาพถ่ายกิจกรรมในชั้นเรียนเพิ่ม"
    )
    page = _home(client_for, users["supervisor"])
    assert 'data-testid="action-visits-returned"' in page and "บันทึกการนิเทศที่ส่งกลับให้แก้ไข" in page
