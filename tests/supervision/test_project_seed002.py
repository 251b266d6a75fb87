"""Seed 002 entered as written prints as written (issue 16 item 5): every heading, eleven activities,
"-" where a split is not given, 500,000.00 with "*ขอถัวจ่ายทุกรายการ", the signature chain, at most 5 pages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.roles import Role
from supervision import selectors, services
from tests.helpers import compact, pdf_compact, pdf_page_count, pdf_text, render_document, save_page_png

from . import seed002


@pytest.fixture
def seed_project(users):
    plan = services.plan_get_or_create(fiscal_year=2558, user=users[Role.DIRECTOR.value])
    return seed002.enter(user=users[Role.SUPERVISOR.value], plan=plan)


@pytest.fixture
def printed(seed_project, users, django_capture_on_commit_callbacks):
    path = render_document(
        users[Role.EXECUTIVE.value], "supervision.project_document", {"project": seed_project.pk},
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    return path


def test_seed_002_is_held_as_typed(seed_project):
    activities = list(seed_project.activities.all())
    assert len(activities) == 11
    assert activities[3].sub_items[0] == "1. ประเมินผลระบบประกันคุณภาพการศึกษา" and len(activities[3].sub_items) == 8
    assert selectors.project_budget(seed_project)["total"] == Decimal("500000")
    assert seed_project.numbered_sections()["quantitative_targets"][9].startswith("3.1.10 ")


def test_seed_002_prints_every_heading_and_activity_in_at_most_five_pages(printed):
    found = pdf_compact(printed)
    headings = ["โครงการ", "สนอง", "กลยุทธ์ที่1พัฒนาคุณภาพผู้เรียนทุกระดับทุกประเภท", "และกลยุทธ์ที่4",
                "กลุ่ม/หน่วยผู้ที่รับผิดชอบ", "1.หลักการและเหตุผล", "2.วัตถุประสงค์", "2.3เพื่อค้นหา", "3.เป้าหมาย",
                "3.1เชิงปริมาณ", "3.1.11กิจกรรมประชุมปฏิบัติการจัดทำรายงาน", "3.2เชิงคุณภาพ", "3.2.2สถานศึกษาอย่างน้อย",
                "4.ขั้นตอนการดำเนินงาน", "8.การพัฒนาการจัดการเรียนการสอนของนักเรียนLD",
                "5.งบประมาณจำนวน500,000.00บาทโดยใช้แบบบริหารงบประมาณแบบบูรณาการเป็นเครื่องมือ",
                "รวมทั้งสิ้น500,000.00---", "*ขอถัวจ่ายทุกรายการ", "6.การวัดและประเมินผล", "7.ผลที่คาดว่าจะได้รับ",
                "5.สำนักงานเขตพื้นที่การศึกษามีข้อมูลการปฏิบัติงานที่เป็นเลิศ"]  # fmt: skip
    for phrase in headings:
        assert compact(phrase) in found, phrase
    for name, *_ in seed002.ACTIVITIES:
        assert compact(name.splitlines()[0]) in found, name
    pages = pdf_page_count(printed)
    assert pages <= 5
    for page in range(1, pages + 1):  # var/test/printouts/, for a reviewer to look at
        save_page_png(printed, "supervision.seed002_project", page=page)


def test_unsplit_budgets_print_a_dash_and_the_total_two_places(printed):
    text = compact(pdf_text(printed))
    assert compact("กิจกรรมนิเทศยกระดับผลสัมฤทธิ์โรงเรียน กลุ่ม “สีดำ – สีแดง” 20,000.00 - - -") in text
    assert compact("กิจกรรมนิเทศแบบพบกลุ่ม “สวัสดีคุณครู” - - - -") in text


def test_the_signature_chain_names_proposer_endorser_and_approver(printed):
    found = pdf_compact(printed)
    for who in ("proposer", "endorser", "approver"):
        assert compact(seed002.PROJECT[f"{who}_name"]) in found
        assert compact(seed002.PROJECT[f"{who}_position"]) in found
    for role in ("ผู้เสนอโครงการ", "ผู้เห็นชอบโครงการ", "ผู้อนุมัติโครงการ"):
        assert role in found
