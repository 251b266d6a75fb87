"""On a phone (390×844) the main page of every app a user may open fits the screen and logs no errors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committee import services as committee_services
from correspondence import keeping as correspondence_keeping
from correspondence import services as correspondence_services
from qa import selectors as qa_selectors
from qa import services as qa_services
from supervision import services as supervision_services
from supervision.models import VisitType
from tests.conftest import PASSWORD
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# The links of the main navigation (collapsed behind the menu button on a phone).
NAV_LINKS = "#mainNav .navbar-nav:first-child a.nav-link"


@pytest.fixture
def app_data(users, school):
    """One row in each app so that lists and tables are not just their empty state."""
    today = dt.date.today()
    supervision_services.visit_create(
        user=users["supervisor"], school=school, date=today, visit_type=VisitType.CLASSROOM
    )
    committee_services.meeting_create(
        user=users["secretary"], date=today + dt.timedelta(days=7), start_time=dt.time(9, 30), place="ห้องประชุมกลุ่มนิเทศ"
    )
    qa_services.sar_start(user=users["school"], school=school, academic_year=qa_selectors.current_academic_year())


def _watch_errors(page) -> list[str]:
    """Console errors, uncaught exceptions and failed requests."""
    errors: list[str] = []

    def on_console(msg) -> None:  # noqa: ANN001
        if msg.type == "error":
            errors.append(f"console: {msg.text} ({msg.location.get('url')})")

    def on_response(response) -> None:  # noqa: ANN001
        if response.status >= 400:
            errors.append(f"HTTP {response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"exception: {exc}"))
    page.on("response", on_response)
    return errors


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def _app_pages(page, username: str) -> dict[str, str]:
    browser_login(page, username, PASSWORD)
    links = page.eval_on_selector_all(NAV_LINKS, "els => els.map(e => [e.textContent.trim(), e.getAttribute('href')])")
    return dict(links)


def test_every_app_main_page_fits_a_phone_without_console_errors(page, users, app_data):
    page.set_viewport_size(PHONE)
    errors = _watch_errors(page)
    expected = {
        "supervisor": {"งานนิเทศ", "ก.ต.ป.น.", "ประกันคุณภาพ", "สถานศึกษา"},
        "director": {"งานนิเทศ", "ก.ต.ป.น.", "ประกันคุณภาพ"},
        "secretary": {"ก.ต.ป.น.", "ประกันคุณภาพ"},
        "school": {"งานนิเทศ", "ประกันคุณภาพ"},
    }
    problems: list[str] = []
    for username, apps in expected.items():
        page.context.clear_cookies()
        pages = _app_pages(page, username)
        assert apps <= set(pages), f"{username} sees only {sorted(pages)}"
        if username == "school":
            assert "ก.ต.ป.น." not in pages
        for label, href in pages.items():
            errors.clear()
            response = page.goto(href)  # waits for "load": scripts and styles have run
            assert response.status == 200, f"{username} {href}: HTTP {response.status}"
            assert page.locator("main h1").count() >= 1, f"{username} {href}: no page title"
            if (extra := _overflow(page)) > 0:
                problems.append(f"{username} {label} {href}: {extra}px wider than the phone")
            problems += [f"{username} {label} {href}: {e}" for e in errors]
    assert not problems, "\n".join(problems)


@pytest.fixture
def correspondence_data(users):
    """What fills the clerk's pages: urgent letters routed to two people (a long การปฏิบัติ),
    an overdue borrowing still out (the return form) and an old letter due for destruction."""
    clerk, director = users["clerk"], users["director"]
    today = dt.date.today()
    letters = [
        correspondence_services.letter_register_incoming(
            user=clerk,
            subject=f"ขอความอนุเคราะห์ส่งข้อมูลการนิเทศภายในสถานศึกษา ครั้งที่ {n}",
            sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
            external_no=f"ศธ 04010/ว {1200 + n}",
            recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
            urgency=n % 4,
        )
        for n in range(1, 4)
    ]
    for letter in letters[:2]:
        correspondence_services.letter_present(user=clerk, letter=letter)
        correspondence_services.letter_instruct(
            user=director, letter=letter, assignees=[users["supervisor"], users["secretary"]],
            instruction="มอบศึกษานิเทศก์ผู้รับผิดชอบดำเนินการ รวบรวมข้อมูล และรายงานผลภายในกำหนด",
        )  # fmt: skip
    correspondence_keeping.borrowing_record(
        user=clerk, letter=letters[0], borrower="นางสาวยืมเอกสาร ตัวอย่างยาว", received_by="นางสุนีย์ สารบรรณดี",
        borrowed_on=today - dt.timedelta(days=20), due_on=today - dt.timedelta(days=5),
    )  # fmt: skip
    correspondence_services.letter_register_incoming(
        user=clerk, subject="แจ้งกำหนดการประชุมผู้บริหารสถานศึกษา", sender="สำนักงานศึกษาธิการจังหวัด",
        recipient_text="ผู้อำนวยการกลุ่มนิเทศ", retention_years=1, now=timezone.now() - dt.timedelta(days=3 * 366),
    )  # fmt: skip


CLERK_CORRESPONDENCE = [
    ("correspondence:inbox", ()), ("correspondence:register_list", ("receive",)),
    ("correspondence:incoming_create", ()), ("correspondence:keeping", ()),
]  # fmt: skip
# Per page: tables outside a .table-responsive, sub-menu rows, whether the current tab shows,
# the tallest table row, and choice boxes still showing Django's "---------".
LAYOUT_FACTS = """() => {
  const nav = document.querySelector('main .nav-pills');
  const tops = nav ? new Set([...nav.querySelectorAll('.nav-item')].map(li => li.offsetTop)) : new Set();
  const active = nav && nav.querySelector('.active');
  const n = nav && nav.getBoundingClientRect(), a = active && active.getBoundingClientRect();
  return {
    bare_tables: [...document.querySelectorAll('main table')].filter(t => !t.closest('.table-responsive')).length,
    subnav_rows: tops.size,
    active_tab_shown: !!(a && a.left >= n.left - 1 && a.right <= n.right + 1),
    tallest_row: Math.max(0, ...[...document.querySelectorAll('main tbody tr')].map(r => r.offsetHeight)),
    dashes: [...document.querySelectorAll('main select option')].filter(o => o.text.includes('-----')).length,
  };
}"""


def test_the_clerks_correspondence_pages_fit_a_phone_without_console_errors(page, users, correspondence_data):
    page.set_viewport_size(PHONE)
    errors = _watch_errors(page)
    browser_login(page, "clerk", PASSWORD)
    problems: list[str] = []
    for name, args in CLERK_CORRESPONDENCE:
        href = reverse(name, args=args)
        errors.clear()
        response = page.goto(href)
        assert response.status == 200, f"{href}: HTTP {response.status}"
        if (extra := _overflow(page)) > 0:
            problems.append(f"{href}: {extra}px wider than the phone")
        facts = page.evaluate(LAYOUT_FACTS)
        if facts["bare_tables"]:
            problems.append(f"{href}: {facts['bare_tables']} table(s) not inside .table-responsive")
        if facts["subnav_rows"] != 1 or not facts["active_tab_shown"]:
            problems.append(
                f"{href}: sub-menu on {facts['subnav_rows']} rows, current tab shown: {facts['active_tab_shown']}"
            )
        if facts["tallest_row"] > 250:
            problems.append(f"{href}: a table row {facts['tallest_row']}px tall")
        if facts["dashes"]:
            problems.append(f"{href}: a choice box shows '---------'")
        problems += [f"{href}: {e}" for e in errors]
    # the data did reach the cramped parts: the return form and the destruction list
    assert page.locator("form[action*='/return/'] input[name=returned_on]").count() == 1
    assert page.locator("input[name=letters][type=checkbox]").count() == 1
    assert not problems, "\n".join(problems)
