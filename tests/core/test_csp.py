"""The Content-Security-Policy: every page passes it in a real browser, and its scripts still work.

Each demo role logs in and opens its main pages (the main menu's links, plus letters, the
supervision dashboard with its chart and map, a visit form with its autosave, the QA synthesis
chart, the committee and the admin). A violation of the policy shows both as a console message
("Refused to ...") and as a `securitypolicyviolation` event; neither may happen.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from committee import services as committee_services
from core.models import DocumentJob, JobStatus
from correspondence import services as correspondence_services
from qa import selectors as qa_selectors
from qa import services as qa_services
from schools.models import School
from supervision import services as supervision_services
from supervision.models import VisitType
from tests.conftest import PASSWORD
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAV_LINKS = "#mainNav .navbar-nav:first-child a.nav-link"
SECRET_SUBJECT = "สอบสวนข้อเท็จจริงกรณีร้องเรียนผู้บริหารสถานศึกษา โรงเรียนบ้านหนองบัวทองวิทยาคม"
# Registered before any page loads, outside the page's CSP (Playwright injects it itself).
WATCH_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


def test_the_policy_header_is_strict(client, db):
    csp = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'" and directives["form-action"] == "'self'"
    assert "unsafe" not in csp


@pytest.fixture
def site(users, school, other_school):
    """What fills the pages: schools on the map, a draft visit, a submitted SAR, letters (one secret),
    a meeting and a PDF still being made (its progress bar)."""
    today = dt.date.today()
    School.objects.filter(pk=school.pk).update(latitude="16.4419", longitude="102.8360")
    School.objects.filter(pk=other_school.pk).update(latitude="16.5012", longitude="102.7105")
    visit = supervision_services.visit_create(
        user=users["supervisor"], school=school, date=today, visit_type=VisitType.CLASSROOM
    )
    year = qa_selectors.current_academic_year()
    sar = qa_services.sar_start(user=users["school"], school=school, academic_year=year)
    qa_services.sar_update(
        user=users["school"], sar=sar, levels={r.standard_id: 4 for r in sar.ratings.all()},
        strengths="ครูใช้สื่อเทคโนโลยีในการจัดการเรียนรู้อย่างหลากหลาย",
        to_develop="ผลสัมฤทธิ์ทางการเรียนวิชาคณิตศาสตร์ยังต่ำกว่าเป้าหมาย",
        development_plan="โครงการยกระดับผลสัมฤทธิ์ทางการเรียนด้วยชุมชนแห่งการเรียนรู้ทางวิชาชีพ",
    )  # fmt: skip
    qa_services.sar_submit(user=users["school"], sar=sar)
    letter = correspondence_services.letter_register_incoming(
        user=users["clerk"], subject=SECRET_SUBJECT, sender="สำนักงานตรวจสอบพิเศษ กระทรวงศึกษาธิการ",
        recipient_text="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", external_no="ลับ ศธ 04002/1234", secrecy=2,
    )  # fmt: skip
    correspondence_services.letter_register_incoming(
        user=users["clerk"], subject="ขอเชิญประชุมผู้บริหารสถานศึกษาเพื่อขับเคลื่อนนโยบายการนิเทศภายใน",
        sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", recipient_text="ผู้อำนวยการกลุ่มนิเทศฯ", urgency=2,
    )  # fmt: skip
    meeting = committee_services.meeting_create(
        user=users["secretary"], date=today + dt.timedelta(days=7), start_time=dt.time(9, 30),
        place="ห้องประชุมกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    )  # fmt: skip
    DocumentJob.objects.create(
        kind="schools.school_directory", title="ทำเนียบสถานศึกษา", requested_by=users["supervisor"],
        status=JobStatus.RUNNING, progress=40,
    )  # fmt: skip
    return {"visit": visit, "letter": letter, "meeting": meeting, "year": year, "clerk": users["clerk"]}


def _watch(page) -> list[str]:
    """CSP complaints on the console, and uncaught exceptions (a script broken by the policy)."""
    found: list[str] = []

    def on_console(msg) -> None:  # noqa: ANN001
        if "Content Security Policy" in msg.text or msg.text.startswith("Refused to"):
            found.append(f"console: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: found.append(f"exception: {exc}"))
    page.context.add_init_script(WATCH_VIOLATIONS)
    return found


def _open(page, href: str, found: list[str]) -> list[str]:
    response = page.goto(href)
    assert response.status == 200, f"{href}: HTTP {response.status}"
    assert "script-src 'self'" in response.headers.get("content-security-policy", ""), href
    page.wait_for_load_state("networkidle")
    events = page.evaluate("window.__csp || []")
    problems = [f"{href}: {p}" for p in (*found, *events)]
    found.clear()
    return problems


# Per role: the pages beyond the main menu that carry scripts, charts, maps or forms.
def _extra_pages(site: dict) -> dict[str, list[str]]:
    visit, letter, meeting = site["visit"], site["letter"], site["meeting"]
    return {
        "administrator": [reverse("admin:index"), reverse("admin:core_apitoken_changelist"),
                          reverse("admin:auth_user_changelist"), reverse("core:office"),
                          reverse("admin:auth_user_change", args=[site["clerk"].pk])],
        "clerk": [reverse("correspondence:inbox"), reverse("correspondence:register_list", args=["receive"]),
                  reverse("correspondence:letter_detail", args=[letter.pk]), reverse("correspondence:keeping")],
        "supervisor": [reverse("supervision:dashboard"), reverse("supervision:visit_start"),
                       reverse("supervision:visit_edit", args=[visit.pk]), reverse("schools:school_list"),
                       reverse("correspondence:register_list", args=["receive"])],
        "director": [reverse("qa:synthesis"), reverse("supervision:dashboard"),
                     reverse("correspondence:letter_detail", args=[letter.pk])],
        "secretary": [reverse("committee:index"), reverse("committee:meeting_detail", args=[meeting.pk]),
                      reverse("committee:member_list")],
        "member": [],
        "executive": [reverse("supervision:dashboard")],
        "school": [reverse("qa:index")],
    }  # fmt: skip


def test_every_roles_pages_pass_the_policy(page, users, site):
    found = _watch(page)
    problems: list[str] = []
    for username, extra in _extra_pages(site).items():
        page.context.clear_cookies()
        browser_login(page, username, PASSWORD)
        links = page.eval_on_selector_all(NAV_LINKS, "els => els.map(e => e.getAttribute('href'))")
        for href in ["/", reverse("core:documents"), reverse("core:api_tokens"), *links, *extra]:
            problems += _open(page, href, found)
    assert not problems, "\n".join(problems)


def test_charts_map_and_htmx_still_work_under_the_policy(page, users, site):
    found = _watch(page)
    browser_login(page, "supervisor", PASSWORD)
    problems = _open(page, reverse("supervision:dashboard"), found)
    assert page.evaluate("!!Chart.getChart(document.getElementById('chart-month'))"), "the month chart is not drawn"
    assert page.locator("#school-map path.leaflet-interactive").count() == 2, "the two schools are not on the map"

    problems += _open(page, reverse("core:documents"), found)  # data-progress → width through ui.js
    bar = page.locator(".progress-bar").first
    assert bar.evaluate("el => el.style.width") == "40%"

    problems += _open(page, reverse("schools:school_list"), found)  # ui.js classes; htmx search without eval
    assert page.locator("form select.form-select").count() >= 1
    page.get_by_placeholder("ค้นหาชื่อ รหัส ผู้บริหาร ตำบล").fill("บ้านอื่น")
    page.wait_for_function("() => !document.body.innerText.includes('โรงเรียนบ้านทดสอบ')")
    assert page.get_by_role("link", name="โรงเรียนบ้านอื่น").is_visible()

    problems += _open(page, reverse("supervision:visit_start"), found)
    assert page.locator("form[data-bootstrap-fields] select.form-select").count() >= 1

    visit = site["visit"]
    problems += _open(page, reverse("supervision:visit_edit", args=[visit.pk]), found)
    with page.expect_response(re.compile(r"/autosave/")) as autosave:  # htmx, no eval and no hx-on
        page.locator("#visit-form input[name='t-0-name']").fill("นางสาวพิมพ์ชนก ศรีสุวรรณวงศ์ชัย")
        page.locator("#visit-form input[name='t-0-name']").dispatch_event("change")
    assert autosave.value.status == 200
    page.wait_for_load_state("networkidle")
    visit.refresh_from_db()
    saved = str(visit.draft_data) + " ".join(visit.teachers.values_list("name", flat=True))
    assert "พิมพ์ชนก" in saved, "the autosave did not reach the server"
    problems += [p for p in found] + page.evaluate("window.__csp")
    assert not problems, "\n".join(problems)


def test_the_qa_synthesis_chart_and_year_select_work(page, users, site):
    found = _watch(page)
    browser_login(page, "director", PASSWORD)
    problems = _open(page, reverse("qa:synthesis"), found)
    assert page.evaluate("!!Chart.getChart(document.getElementById('levels-chart'))"), "the chart is not drawn"
    years = page.locator("#year-select option").evaluate_all("els => els.map(e => e.value)")
    other = next(y for y in years if y != str(site["year"]))
    page.locator("#year-select").select_option(other)  # data-autosubmit, no onchange="" attribute
    page.wait_for_url(re.compile(rf"year={other}"))
    problems += [p for p in found] + page.evaluate("window.__csp")
    assert not problems, "\n".join(problems)


def test_a_user_makes_and_revokes_a_token_in_the_browser(page, users):
    found = _watch(page)
    browser_login(page, "clerk", PASSWORD)
    problems = _open(page, reverse("core:api_tokens"), found)
    page.get_by_label("ชื่อโทเค็น (ใช้ทำอะไร)").fill("สคริปต์ส่งออกทะเบียนหนังสือรับประจำวัน")
    page.get_by_role("button", name="สร้างโทเค็น").click()
    key = page.locator("#new-token-key").input_value()
    assert key.startswith("nt_")
    page.goto(reverse("core:api_tokens"))
    assert key not in page.content()
    page.on("dialog", lambda dialog: dialog.accept())  # data-confirm, no inline onclick
    page.get_by_role("button", name="ยกเลิก").click()
    page.get_by_text("ยกเลิกแล้ว", exact=True).wait_for()
    problems += [p for p in found] + page.evaluate("window.__csp")
    assert not problems, "\n".join(problems)
