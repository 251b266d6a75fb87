"""On a phone (390×844) the main page of every app a user may open fits the screen and logs no errors."""

from __future__ import annotations

import datetime as dt

import pytest

from committee import services as committee_services
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
