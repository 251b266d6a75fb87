"""Count the clicks and page loads of each role's main flow on a running server (issue 17's before/after).

    .venv/bin/python scripts/clicks_before.py --url http://127.0.0.1:8791 --password demo1234 --version before --prepare
    .venv/bin/python scripts/clicks_before.py --url http://127.0.0.1:8792 --password demo1234 --version after --prepare

Standalone: it needs only Playwright's Python package and a Chromium (--chromium, /usr/bin/chromium by default)
and talks to the server like a user does, so the same script measures the commit before issue 17 (84d8065,
`--version before`) and the current one (`--version after`). Point it at a throwaway demo database (seed_demo):
the flows receive letters, write เกษียน, approve and acknowledge visits and upload a logo.

Every role logs in at two sizes (desktop 1366×900, phone 390×844), starts on the home page "/" and takes its
main flow the shortest way a user finds it on that version with visible links, buttons and menus only (no
typed addresses). Counted:

- clicks: every pointer click: a link, a button, the phone's menu button, a drop-down menu, a tick box, the OK
  of a confirmation, and a click into a text box that is not already focused (the next boxes are reached with
  Tab, so typing itself is not a click); choosing the logo file in the file dialog is not counted (as in
  tests/core/test_role_homes_browser.py);
- page loads: every document the browser loads, the first home page included (a form posted and redirected
  is one load).

Each flow also records when its target page is first open ("reach"), which is what the browser test on the
current code counts. A flow the version offers no way to do prints "not possible".

--prepare first makes, through the same pages (as the supervisor and the director, not counted), what the demo
data lacks on both versions: a visit planned a week ahead for the supervisor, and two approved visits at the
school of the `school` login waiting for its acknowledgement (one for each size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Dialog, Locator, Page, sync_playwright

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
VERSIONS = ("before", "after")
TIMEOUT_MS = 30_000


class NotPossible(Exception):
    """The version offers a user no way to do this flow."""


@dataclass
class Flow:
    """Counts a user's clicks and the pages the browser loads, from the first home page on."""

    page: Page
    clicks: int = 0
    loads: int = 0
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.page.on("load", self._loaded)
        self.page.on("dialog", self._confirm)

    def _loaded(self, _page: Page) -> None:
        self.loads += 1

    def _confirm(self, dialog: Dialog) -> None:
        self.clicks += 1  # the OK of window.confirm() is a click too
        dialog.accept()

    def click(self, locator: Locator) -> None:
        """A click that stays on the page (a menu, a tick box, a text box)."""
        self.clicks += 1
        locator.click()

    def go(self, locator: Locator) -> None:
        """A click that loads a page (a link, a submit button), waiting for the new page to load."""
        self.clicks += 1
        with self.page.expect_navigation(wait_until="load"):
            locator.click()
        self.page.wait_for_load_state("load")

    def focus(self, box: Locator) -> None:
        """Put the cursor in a text box: a click unless the page already put it there (autofocus)."""
        if not box.evaluate("el => el === document.activeElement"):
            self.click(box)

    def mark(self, name: str) -> None:
        self.marks[name] = (self.clicks, self.loads)


@dataclass
class Row:
    role: str
    flow: str
    size: str
    clicks: int | None
    loads: int | None
    reach: tuple[int, int] | None = None
    note: str = ""


# --- Small helpers: what a user sees -----------------------------------------------------------------


def main_menu(flow: Flow) -> Locator:
    """The header's menu; on a phone it is folded behind the ☰ button (named เปิดเมนู), opened first."""
    page = flow.page
    toggler = page.get_by_role("button", name="เปิดเมนู")
    if toggler.is_visible():
        flow.click(toggler)
        page.locator("#mainNav.show:not(.collapsing)").wait_for()  # the folded menu has finished opening
    return page.locator("#mainNav")


def menu_link(flow: Flow, name: str) -> None:
    """Click an entry of the header's menu (งานนิเทศ, สารบรรณ, …)."""
    flow.go(main_menu(flow).get_by_role("link", name=name, exact=True))


def content(page: Page) -> Locator:
    return page.locator("main")


def greeting_name(page: Page) -> str:
    """The user's name as the home page greets them ('สวัสดี นาย…'); the header's user menu carries it."""
    text = content(page).get_by_role("heading", name=re.compile("^สวัสดี")).first.inner_text()
    return text.removeprefix("สวัสดี").strip()


def box(page: Page, label: str) -> Locator:
    """A form field by its label, which may end with the required mark '*'."""
    escaped = re.sub(r"([\\^$.|?*+()\[\]{}])", r"\\\1", label)  # not re.escape: the browser reads it as JS
    return page.get_by_label(re.compile(rf"^\s*{escaped}\s*\*?\s*$"))  # the label's raw text, spaces and all


def be_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def expect_text(page: Page, text: str) -> None:
    page.get_by_text(text).first.wait_for()


def login(page: Page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def png_logo(path: Path) -> Path:
    """A 96×96 one-colour PNG, written with the standard library (no Pillow needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes((31, 78, 121)) * 96 for _ in range(96))
    header = struct.pack(">IIBBBBB", 96, 96, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    )
    return path


# --- The flows ---------------------------------------------------------------------------------------
# Each starts on the home page (already loaded and counted) and ends when the task is done.

LETTER = {
    "ที่": "ศธ 04010/ว {n}",
    "จาก": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
    "ถึง": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
    "เรื่อง": "ขอเชิญประชุมเชิงปฏิบัติการขับเคลื่อนการนิเทศภายในสถานศึกษา (วัดจำนวนคลิก {n})",
}


RECEIVE = re.compile(r"^\W*ลงทะเบียนรับ$")  # an icon's glyph may come first in the link's name


def clerk_receive(flow: Flow, version: str, opts: argparse.Namespace) -> None:
    """The clerk receives one incoming letter and lands on an empty receive form, ready for the next."""
    page = flow.page
    if version == "before":
        # Home has no receive link: the header's menu สารบรรณ opens the correspondence pages …
        menu_link(flow, "สารบรรณ")
        # … whose row of tabs has ลงทะเบียนรับ (on a phone the row scrolls sideways to it: a swipe, not a click).
        flow.go(content(page).get_by_role("link", name=RECEIVE))
    else:
        # Home: the clerk's keying shortcuts start with ลงทะเบียนรับ.
        flow.go(content(page).get_by_role("link", name=RECEIVE))
    assert "/correspondence/receive/new/" in page.url, page.url
    flow.mark("reach")
    # The form: ที่, (ลงวันที่ left empty), จาก, ถึง, เรื่อง; the cursor must be in ที่ first (autofocus on 'after').
    first = box(page, "ที่ (เลขที่หนังสือของผู้ส่ง)")
    flow.focus(first)
    n = f"{opts.run_id}-{flow.page.viewport_size['width']}"
    for label, value in LETTER.items():
        (first if label == "ที่" else box(page, label)).fill(value.format(n=n))  # typed, then Tab: no click
    if version == "before":
        flow.go(page.get_by_role("button", name="ลงทะเบียนรับและออกเลข"))
    else:
        flow.go(page.get_by_role("button", name="บันทึกและรับเรื่องถัดไป"))
    expect_text(page, "ลงทะเบียนรับเลขที่")  # the number just issued
    assert "/correspondence/receive/new/" in page.url, page.url
    assert box(page, "เรื่อง").input_value() == "", "the form should be empty for the next letter"


def director_instruct(flow: Flow, version: str, opts: argparse.Namespace) -> None:
    """The director opens a letter waiting for เกษียน, writes an instruction and assigns it to a supervisor."""
    page = flow.page
    if version == "before":
        # Home's งานสารบรรณของฉัน card names only urgent letters, with no status: the first one is a letter
        # assigned to the director herself. Its last line opens the whole list, where each letter shows its status.
        flow.go(content(page).get_by_role("link", name=re.compile(r"^เปิดงานของฉัน")))
        # งานของฉัน: the first letter marked เสนอ ผอ.กลุ่มแล้ว (presented, waiting for เกษียน).
        flow.go(content(page).get_by_role("link").filter(has_text="เสนอ ผอ.กลุ่มแล้ว").first)
    else:
        # Home, งานที่รอคุณ: the card หนังสือรอเกษียนสั่งการ opens the first letter waiting for it.
        flow.go(content(page).get_by_role("link", name="หนังสือรอเกษียนสั่งการ", exact=True))
    assert re.search(r"/correspondence/letters/\d+/$", page.url), page.url
    flow.mark("reach")
    # The เกษียนหนังสือและมอบหมาย card: type the instruction, tick the supervisor, save.
    instruction = box(page, "เกษียนหนังสือ (ข้อสั่งการ)")
    flow.focus(instruction)
    instruction.fill("มอบ ดำเนินการแล้วรายงานผล")
    flow.click(page.get_by_role("checkbox", name=opts.assignee, exact=True))
    flow.go(page.get_by_role("button", name="บันทึกข้อสั่งการ"))
    expect_text(page, "บันทึกข้อสั่งการและมอบหมายแล้ว")


def director_approve(flow: Flow, version: str, opts: argparse.Namespace) -> None:
    """The director finds a submitted visit record and approves it."""
    page = flow.page
    if version == "before":
        # Home's การติดตามผลที่ถึงกำหนด card: its first line is 'บันทึกการนิเทศรอพิจารณา N รายการ' …
        flow.go(content(page).get_by_role("link", name=re.compile(r"^บันทึกการนิเทศรอพิจารณา")))
        # … the list of visits filtered to ส่งแล้ว รอพิจารณา: open the first.
        flow.go(content(page).get_by_role("link").filter(has_text="รอพิจารณา").first)
    else:
        # Home, งานที่รอคุณ: the card อนุมัติบันทึกการนิเทศ opens the first visit waiting.
        flow.go(content(page).get_by_role("link", name="อนุมัติบันทึกการนิเทศ", exact=True))
    assert re.search(r"/supervision/visits/\d+/$", page.url), page.url
    flow.mark("reach")
    flow.go(page.get_by_role("button", name="อนุมัติ", exact=True))  # and OK in the confirmation
    expect_text(page, "อนุมัติแล้ว")


def supervisor_next_visit(flow: Flow, version: str, opts: argparse.Namespace) -> None:
    """The supervisor opens her next planned visit (to record it)."""
    page = flow.page
    today = dt.date.today()
    if version == "before":
        # Home lists only follow-ups; the header's menu งานนิเทศ opens the supervision page, whose card
        # ร่างและบันทึกที่ต้องแก้ไขของฉัน lists her drafts, latest date first: the planned one is on top.
        menu_link(flow, "งานนิเทศ")
        card = content(page).locator(".card").filter(has_text="ร่างและบันทึกที่ต้องแก้ไขของฉัน")
        flow.go(card.get_by_role("link").first)
    else:
        # Home, การนิเทศของฉัน → การนิเทศที่วางแผนไว้: the soonest first.
        panel = content(page).get_by_role("region", name="การนิเทศของฉัน")
        if not panel.count():
            panel = content(page)
        flow.go(panel.get_by_test_id("next-visits").get_by_role("link").first)
    assert re.search(r"/supervision/visits/\d+/edit/$", page.url), page.url
    day, month, year = (int(p) for p in box(page, "วันที่นิเทศ").input_value().split("/"))
    assert dt.date(year - 543, month, day) >= today, "the visit opened is not a planned (future) one"
    flow.mark("reach")


def school_acknowledge(flow: Flow, version: str, opts: argparse.Namespace) -> None:
    """School staff open a visit record approved for their school and acknowledge it."""
    page = flow.page
    if version == "before":
        # Home's card ผลการนิเทศที่รอสถานศึกษารับทราบ (shown only when one waits) lists them by date.
        card = content(page).locator(".card").filter(has_text="ผลการนิเทศที่รอสถานศึกษารับทราบ")
        if not card.count():
            raise NotPossible("no visit waiting on the home page (run with --prepare)")
        flow.go(card.get_by_role("link").first)
    else:
        # Home, งานที่รอคุณ: the card ผลการนิเทศที่รอสถานศึกษารับทราบ opens the oldest waiting.
        flow.go(content(page).get_by_role("link", name="ผลการนิเทศที่รอสถานศึกษารับทราบ", exact=True))
    if not re.search(r"/supervision/visits/\d+/$", page.url):
        raise NotPossible("no visit waiting (run with --prepare)")
    flow.mark("reach")
    flow.go(page.get_by_role("button", name="รับทราบผลการนิเทศ"))
    expect_text(page, "รับทราบ")


def executive_figures(flow: Flow, version: str, opts: argparse.Namespace) -> None:
    """The executive sees the year's key figures (coverage), ending on the coverage dashboard."""
    page = flow.page
    if version == "before":
        # Home has no figures: header menu งานนิเทศ → the tab แดชบอร์ด.
        menu_link(flow, "งานนิเทศ")
        flow.go(content(page).get_by_role("link", name="แดชบอร์ด", exact=True))
        content(page).get_by_text("นิเทศแล้ว", exact=True).first.wait_for()
        flow.mark("figures")
    else:
        # Home: the figure สถานศึกษาที่ได้รับการนิเทศ is on the page itself …
        content(page).get_by_text("สถานศึกษาที่ได้รับการนิเทศ").first.wait_for()
        flow.mark("figures")
        # … and its ดูรายละเอียด link opens the dashboard.
        flow.go(content(page).get_by_role("link", name="ดูรายละเอียด สถานศึกษาที่ได้รับการนิเทศ"))
    assert "/supervision/dashboard/" in page.url, page.url
    flow.mark("reach")


def administrator_logo(flow: Flow, version: str, opts: argparse.Namespace) -> None:
    """The administrator uploads the office logo."""
    page = flow.page
    # The header's user menu (the administrator's own name; on a phone inside the folded menu) → ข้อมูลสำนักงาน.
    name = greeting_name(page)
    flow.click(main_menu(flow).get_by_role("button", name=name))
    flow.go(page.get_by_role("link", name="ข้อมูลสำนักงาน", exact=True))
    assert page.url.endswith("/office/"), page.url
    flow.mark("reach")
    logo = box(page, "ตราสัญลักษณ์")
    if not logo.count():
        raise NotPossible("the office page has no logo field")
    logo.set_input_files(str(opts.logo))  # the file dialog: not counted
    flow.go(page.get_by_role("button", name="บันทึก", exact=True))
    content(page).locator(".alert-success").first.wait_for()  # บันทึกข้อมูลสำนักงานแล้ว
    assert not content(page).locator(".invalid-feedback, .errorlist").count(), "the office form refused the logo"
    if version == "after":
        page.get_by_test_id("office-logo").wait_for()  # the header now shows it


@dataclass(frozen=True)
class Task:
    role: str
    flow: str
    user: str  # the option holding the username
    run: Callable[[Flow, str, argparse.Namespace], None]


TASKS = (
    Task("clerk", "home → receive one letter, ready for the next", "clerk", clerk_receive),
    Task("director", "home → letter waiting for เกษียน → instruction + assign", "director", director_instruct),
    Task("director", "home → submitted visit → approved", "director", director_approve),
    Task("supervisor", "home → her next planned visit", "supervisor", supervisor_next_visit),
    Task("school", "home → visit to acknowledge → รับทราบ", "school", school_acknowledge),
    Task("executive", "home → key figures (coverage) → dashboard", "executive", executive_figures),
    Task("administrator", "home → upload the office logo", "admin", administrator_logo),
)


# --- Preparation: what the demo data lacks, made through the pages (not counted) -----------------------


def _start_visit(page: Page, school: str, day: dt.date) -> str:
    """As a supervisor: เริ่มบันทึกการนิเทศ at `school` on `day`, no scoring tool; returns the visit's edit URL."""
    page.goto("/supervision/visits/new/")
    box(page, "สถานศึกษา").select_option(label=school)
    box(page, "วันที่นิเทศ").fill(be_date(day))
    box(page, "เครื่องมือนิเทศ").select_option(label="— ไม่ใช้เครื่องมือ —")
    with page.expect_navigation():
        page.get_by_role("button", name="เริ่มบันทึก").click()
    assert page.url.endswith("/edit/"), page.url
    return page.url


def prepare(browser: Browser, opts: argparse.Namespace) -> None:
    today = dt.date.today()
    context = browser.new_context(base_url=opts.url, viewport=SIZES["desktop"])
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, opts.supervisor, opts.password)
    _start_visit(page, opts.school_name, today + dt.timedelta(days=7))  # planned: stays a draft
    to_approve = []
    for days_ago in (6, 2):  # two for the school to acknowledge, one per size
        edit = _start_visit(page, opts.school_name, today - dt.timedelta(days=days_ago))
        box(page, "จุดเด่น").fill("ครูใช้คำถามกระตุ้นการคิดและสื่อที่หลากหลาย")
        with page.expect_navigation():
            page.get_by_role("button", name="บันทึก", exact=True).click()
        detail = edit.removesuffix("edit/")
        if page.url != detail:
            page.goto(detail)
        with page.expect_navigation():
            page.get_by_role("button", name="ส่งให้ผู้อำนวยการกลุ่มพิจารณา").click()
        to_approve.append(detail)
    context.clear_cookies()
    login(page, opts.director, opts.password)
    for detail in to_approve:
        page.goto(detail)
        with page.expect_navigation():
            page.get_by_role("button", name="อนุมัติ", exact=True).click()
    context.close()
    print(f"prepared: a planned visit for {opts.supervisor}, {len(to_approve)} approved visits at {opts.school_name}")


# --- Running and printing ----------------------------------------------------------------------------


def measure(browser: Browser, task: Task, size: str, opts: argparse.Namespace) -> Row:
    context = browser.new_context(base_url=opts.url, viewport=SIZES[size])
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        login(page, getattr(opts, task.user), opts.password)
        flow = Flow(page)
        page.goto("/")  # the home page: load 1
        page.wait_for_load_state("load")
        try:
            task.run(flow, opts.version, opts)
        except NotPossible as why:
            return Row(task.role, task.flow, size, None, None, note=str(why))
        if opts.shots:
            name = f"{opts.version}-{task.role}-{task.run.__name__}-{size}.png"
            page.screenshot(path=str(Path(opts.shots) / name), full_page=True)
        note = ""
        if "figures" in flow.marks:
            note = "figures seen after {} click(s), {} load(s)".format(*flow.marks["figures"])
        return Row(task.role, task.flow, size, flow.clicks, flow.loads, flow.marks.get("reach"), note)
    finally:
        context.close()


def table(rows: list[Row], version: str) -> str:
    lines = [
        f"| role | flow ({version}) | size | clicks | page loads | to reach the target page (clicks/loads) | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if r.clicks is None:
            cells = ["not possible", "not possible", "-"]
        else:
            cells = [str(r.clicks), str(r.loads), f"{r.reach[0]}/{r.reach[1]}" if r.reach else "-"]
        lines.append(f"| {r.role} | {r.flow} | {r.size} | {' | '.join(cells)} | {r.note} |")
    return "\n".join(lines)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the running server, e.g. http://127.0.0.1:8791")
    parser.add_argument("--password", required=True, help="the demo logins' password")
    parser.add_argument("--version", choices=VERSIONS, required=True, help="before: 84d8065; after: issue 17 done")
    parser.add_argument("--prepare", action="store_true", help="first make the planned and approved visits")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--roles", nargs="*", help="only these roles (clerk director supervisor …)")
    parser.add_argument("--shots", help="a folder: keep a picture of each flow's last page")
    for role, default in (("clerk", "clerk"), ("director", "director"), ("supervisor", "supervisor"),
                          ("school", "school"), ("executive", "executive"), ("admin", "admin")):  # fmt: skip
        parser.add_argument(f"--{role}", default=default, help=f"the {role} login (default {default})")
    parser.add_argument("--assignee", default="นางประภาพร วงศ์สวัสดิ์", help="the supervisor ticked in the เกษียน")
    parser.add_argument("--school-name", default="โรงเรียนบ้านห้วยเย็น", help="the school of the school login")
    opts = parser.parse_args(argv)
    opts.url = opts.url.rstrip("/")
    opts.run_id = dt.datetime.now().strftime("%H%M%S")
    return opts


def main(argv: list[str]) -> int:
    opts = parse(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        opts.logo = png_logo(Path(tmp) / "ตราสำนักงาน.png")
        browser = playwright.chromium.launch(executable_path=opts.chromium, headless=True)
        try:
            if opts.prepare:
                prepare(browser, opts)
            for task in TASKS:
                if opts.roles and task.role not in opts.roles:
                    continue
                for size in SIZES:
                    rows.append(measure(browser, task, size, opts))
                    print(f"  {rows[-1]}", file=sys.stderr)
        finally:
            browser.close()
    print(table(rows, opts.version))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
