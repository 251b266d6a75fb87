"""Headless Chromium: seed 002 typed through the project page (activities added in place) prints as written."""

from __future__ import annotations

import re

import pytest

from core.roles import Role
from supervision import services
from tests.conftest import PASSWORD
from tests.helpers import browser_login, compact, pdf_compact, pdf_page_count

from . import seed002

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT_FIELDS = ("name", "policies", "strategy", "responsible_unit", "rationale", "objectives", "quantitative_targets",
               "qualitative_targets", "budget_source", "budget_note", "expected_outcomes", "proposer_name",
               "proposer_position", "endorser_name", "endorser_position", "approver_name", "approver_position")  # fmt: skip


def _type_activities(page) -> None:
    for n, (name, period, group, who, total) in enumerate(seed002.ACTIVITIES):
        if n:
            page.get_by_role("button", name="+ เพิ่มกิจกรรม").click()
        page.locator(f"#id_a-{n}-name").fill(name)
        page.locator(f"#id_a-{n}-period").fill(period)
        page.locator(f"#id_a-{n}-target_group").fill(group)
        page.locator(f"#id_a-{n}-responsible").fill(who)
        if total:
            page.locator(f"#id_a-{n}-amount").fill(total)


def test_seed_002_typed_through_the_pages_prints_in_at_most_five_pages(page, users, tmp_path):
    services.plan_get_or_create(fiscal_year=2558, user=users[Role.DIRECTOR.value])
    browser_login(page, "supervisor", PASSWORD)
    page.goto("/supervision/plans/2558/projects/new/")
    for field in TEXT_FIELDS:
        page.locator(f"#id_{field}").fill(str(seed002.PROJECT[field]))
    page.locator("#id_pooled_budget").check()
    _type_activities(page)
    for n, (name, method, tool) in enumerate(seed002.INDICATORS):
        if n:
            page.get_by_role("button", name="+ เพิ่มตัวชี้วัด").click()
        page.locator(f"#id_i-{n}-name").fill(name)
        page.locator(f"#id_i-{n}-method").fill(method)
        page.locator(f"#id_i-{n}-tool").fill(tool)
    page.get_by_role("button", name="บันทึกโครงการ").click()
    page.wait_for_url(re.compile(r"/projects/\d+/$"))
    assert page.locator("#budget-execution tbody tr").count() == 12  # eleven activities and the total

    page.get_by_role("button", name="เอกสารโครงการ PDF").click()
    page.wait_for_url(re.compile(r"/documents/"))
    row = page.locator("tr[data-status]").first
    row.locator("text=เสร็จแล้ว").wait_for()
    with page.expect_download() as download_info:
        row.get_by_role("link", name="ดาวน์โหลด").click()
    path = tmp_path / "project.pdf"
    download_info.value.save_as(path)
    found = pdf_compact(path)
    for phrase in ("1.หลักการและเหตุผล", "3.1.11", "8.การพัฒนาการจัดการเรียนการสอนของนักเรียนLD",
                   "รวมทั้งสิ้น500,000.00---", "*ขอถัวจ่ายทุกรายการ", "7.ผลที่คาดว่าจะได้รับ", "ผู้อนุมัติโครงการ"):  # fmt: skip
        assert compact(phrase) in found, phrase
    for name, *_ in seed002.ACTIVITIES:
        assert compact(name.splitlines()[0]) in found, name
    assert pdf_page_count(path) <= 5
