"""Every role, on a desktop (1366×900) and a phone (390×844): log in, read the home page, take the main
next step from it. axe-core finds no serious or critical violation on any page visited, and the clicks
and page loads of each flow are printed (`pytest -s`) for the issue's closing note."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.axe import assert_accessible
from tests.conftest import PASSWORD
from tests.core import home_scene
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


class Flow:
    """Counts the clicks a user makes and the pages the browser loads, checking each page with axe."""

    def __init__(self, page, label: str) -> None:  # noqa: ANN001
        self.page, self.label, self.clicks, self.loads = page, label, 0, 0
        page.on("load", self._loaded)

    def _loaded(self, _page) -> None:  # noqa: ANN001
        self.loads += 1

    def click(self, locator) -> None:  # noqa: ANN001
        self.clicks += 1
        locator.click()
        self.page.wait_for_load_state()

    def check(self, where: str) -> None:
        assert_accessible(self.page, where=f"{self.label}: {where}")
        if shots := os.environ.get("HOME_SHOTS"):  # a folder: keep a picture of every page checked
            name = f"{self.label} {where}".replace(" ", "_").replace("/", "-")
            self.page.screenshot(path=str(Path(shots) / f"{name}.png"), full_page=True)

    def report(self) -> str:
        line = f"{self.label}: {self.clicks} คลิก, {self.loads} การโหลดหน้า (นับจากหน้าแรกหลังเข้าสู่ระบบ)"
        print(line)
        return line


@pytest.fixture
def scene(users, school):
    return home_scene.build(users, school)


def _walk(page, username: str, step: Callable[[Flow], None]) -> list[str]:  # noqa: ANN001
    """Log in at each size, land on the home page, check it, then take the role's step."""
    lines = []
    for size, viewport in SIZES.items():
        page.context.clear_cookies()
        page.set_viewport_size(viewport)
        browser_login(page, username, PASSWORD)
        flow = Flow(page, f"{username} {size}")
        page.goto("/")
        flow.check("หน้าแรก")
        step(flow)
        lines.append(flow.report())
    return lines


def _card(page, name: str):  # noqa: ANN001, ANN202
    return page.locator(f'[data-testid="action-{name}"] a.stretched-link')


def test_the_login_page_passes_axe(page, live_server):
    page.set_viewport_size(SIZES["phone"])
    page.goto("/accounts/login/")
    page.get_by_role("button", name="เข้าสู่ระบบ").wait_for()
    assert_accessible(page, where="หน้าเข้าสู่ระบบ")


def test_the_clerk_goes_from_home_to_the_receive_form_in_one_click(page, users, scene):
    def step(flow: Flow) -> None:
        flow.click(flow.page.get_by_test_id("shortcut-receive"))
        assert "/correspondence/receive/new/" in flow.page.url
        flow.check("ลงทะเบียนรับ")

    _walk(page, "clerk", step)


def test_the_director_opens_the_letter_waiting_for_the_gasian_from_the_first_card(page, users, scene):
    def step(flow: Flow) -> None:
        flow.click(_card(flow.page, "letters-to-instruct"))
        assert flow.page.url.endswith(f"/correspondence/letters/{scene['letter'].pk}/")
        flow.check("หนังสือรอเกษียน")
        flow.page.go_back()
        flow.click(_card(flow.page, "visits-to-review"))
        assert flow.page.url.endswith(f"/supervision/visits/{scene['submitted'].pk}/")
        flow.check("บันทึกการนิเทศรออนุมัติ")

    _walk(page, "director", step)


def test_a_supervisor_opens_her_next_planned_visit_from_home(page, users, scene):
    def step(flow: Flow) -> None:
        flow.click(flow.page.get_by_test_id("next-visits").get_by_role("link").first)
        assert flow.page.url.endswith(f"/supervision/visits/{scene['planned'].pk}/edit/")
        flow.check("บันทึกการนิเทศ")

    _walk(page, "supervisor", step)


def test_school_staff_acknowledge_the_visit_from_the_home_card(page, users, scene):
    waiting = iter([scene["waiting"], scene["waiting_later"]])  # the oldest first: one for each size

    def step(flow: Flow) -> None:
        flow.check("หน้าแรก (แบบสอบถาม)")
        flow.click(_card(flow.page, "visits-to-acknowledge"))
        visit = next(waiting)
        assert flow.page.url.endswith(f"/supervision/visits/{visit.pk}/")
        flow.check("ผลการนิเทศ")
        flow.click(flow.page.get_by_role("button", name="รับทราบผลการนิเทศ"))
        visit.refresh_from_db()
        assert visit.status == "acknowledged"

    _walk(page, "school", step)


def test_the_executive_reads_the_figures_and_opens_the_dashboard(page, users, scene):
    def step(flow: Flow) -> None:
        flow.page.wait_for_function("() => window.Chart && Object.keys(Chart.instances).length >= 2")
        flow.check("หน้าแรก (แผนภูมิ)")
        flow.click(flow.page.get_by_test_id("figure-coverage").get_by_role("link"))
        assert "/supervision/dashboard/" in flow.page.url
        flow.check("แดชบอร์ด")

    _walk(page, "executive", step)


@pytest.mark.parametrize(("username", "link", "path"), [
    ("secretary", "หน้างาน ก.ต.ป.น.", "/committee/"),
    ("member", "หน้างาน ก.ต.ป.น.", "/committee/"),
])  # fmt: skip
def test_the_committee_roles_reach_the_committee_page_from_home(page, users, scene, username, link, path):
    def step(flow: Flow) -> None:
        flow.click(flow.page.get_by_role("link", name=link))
        assert flow.page.url.endswith(path)
        flow.check("หน้างาน ก.ต.ป.น.")

    _walk(page, username, step)


def test_the_administrator_uploads_the_office_logo_and_sees_it_in_the_header(page, users, scene, tmp_path):
    from PIL import Image

    logo = tmp_path / "ตราสำนักงาน.png"
    Image.new("RGB", (96, 96), (31, 78, 121)).save(logo)

    def step(flow: Flow) -> None:
        if flow.page.get_by_role("button", name="เปิดเมนู").is_visible():  # the phone's collapsed menu
            flow.click(flow.page.get_by_role("button", name="เปิดเมนู"))
        flow.page.locator("#mainNav:not(.collapsing)").wait_for()  # the phone's menu has finished opening
        flow.click(flow.page.locator("#mainNav .dropdown-toggle"))
        flow.click(flow.page.get_by_role("link", name="ข้อมูลสำนักงาน"))
        assert flow.page.url.endswith("/office/")
        flow.check("ข้อมูลสำนักงาน")
        flow.page.locator("#id_logo").set_input_files(str(logo))
        flow.click(flow.page.get_by_role("button", name="บันทึก", exact=True))
        header_logo = flow.page.get_by_test_id("office-logo")
        header_logo.wait_for()
        assert flow.page.evaluate("img => img.complete && img.naturalWidth > 0", header_logo.element_handle())
        flow.check("ข้อมูลสำนักงาน (มีตราสัญลักษณ์)")

    _walk(page, "administrator", step)
