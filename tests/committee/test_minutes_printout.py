"""Minutes (รายงานการประชุม, form 11) and the agenda as printed: read back from the PDF's text and word boxes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from committee import services
from committee.models import AttendanceKind, Category, Position
from core import services as core_services
from core.models import JobStatus, OfficeProfile
from tests.helpers import compact, pdf_compact, pdf_page_count, pdftotext_bbox

from .conftest import hold

OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1"
ONLINE = "https://meet.example.go.th/ktpn/committee-2569/room-3"
PLAN_URL = "https://drive.example.go.th/supervision/committee/2569/meeting-3/attachments/plan-of-supervision-final.pdf"
PRINTOUTS = Path("var/test/printouts")

# name | position | role, as the minutes list them (long names, full positions)
PEOPLE = [
    ("ว่าที่ร้อยตรี", "เฉลิมพระเกียรติ", "ศรีสุวรรณวงศ์ไพบูลย์", Position.CHAIR, Category.OFFICE,
     f"ผู้อำนวยการ{OFFICE}"),
    ("นางสาว", "พรรณนิภา", "เกียรติประเสริฐกุล", Position.MEMBER, Category.SCHOOL_DIRECTOR,
     "ผู้อำนวยการโรงเรียนบ้านหนองบัวแดงวิทยาคมเฉลิมพระเกียรติ"),
    ("ผศ.ดร.", "สุทธิพงษ์", "ธนากรวิวัฒน์ชัย", Position.MEMBER, Category.EXPERT,
     "อาจารย์ประจำคณะครุศาสตร์ มหาวิทยาลัยราชภัฏเชียงใหม่"),
    ("นาง", "อัญชลีพร", "แก้วประเสริฐศักดิ์", Position.SECRETARY, Category.OFFICE,
     "ศึกษานิเทศก์ชำนาญการพิเศษ"),
]  # fmt: skip
RECORDER = ("นางอัญชลีพร แก้วประเสริฐศักดิ์", "ศึกษานิเทศก์ชำนาญการพิเศษ")
CHECKER = ("นายธนพลธรรม อินทร์แก้วมณีรัตน์", "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา")


def _words(path: str, page: int | None = None) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, yMin, yMax, word) of every word, from `pdftotext -bbox`."""
    out = pdftotext_bbox(*(["-f", str(page), "-l", str(page)] if page else []), path)
    words, n = [], (page or 1) - 1
    for line in out.splitlines():
        if "<page " in line:
            n += 1
        found = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)</word>', line)
        if found:
            x, y0, y1, text = found.groups()
            words.append((n, float(x), float(y0), float(y1), unescape(text)))
    return words


def _word(words: list, text: str) -> tuple:
    hits = [w for w in words if w[4] == text]
    assert hits, f"'{text}' is not printed as one whole word (split across lines?)"
    return hits[0]


def _same_line(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and abs(a[2] - b[2]) < 3


def _save_page(path: str, kind: str) -> None:
    PRINTOUTS.mkdir(parents=True, exist_ok=True)
    out = PRINTOUTS / f"{kind}-p1"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, str(out)], check=True)


def _render(django_capture_on_commit_callbacks, user, kind: str, meeting) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind=kind, params={"meeting": meeting.pk})
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job.result.path


@pytest.fixture
def office():
    profile = OfficeProfile.get()
    profile.office_name = OFFICE
    profile.save()
    return profile


@pytest.fixture
def members(secretary, office):
    return [
        services.member_create(user=secretary, prefix=p, first_name=f, last_name=last, position=pos, category=cat,
                               job_title=job, term_start=dt.date(2024, 1, 1), order_number="185/2567")
        for p, f, last, pos, cat, job in PEOPLE
    ]  # fmt: skip


@pytest.fixture
def minutes_meeting(secretary, members, make_meeting):
    chair, principal, expert, recorder = members
    first = make_meeting(dt.date(2026, 1, 15))
    hold(secretary, first)
    meeting = make_meeting(dt.date(2026, 3, 2), place="ห้องประชุมราชพฤกษ์ ชั้น 3 อาคารอำนวยการ", online_link=ONLINE)
    item = services.item_add(user=secretary, meeting=meeting, section=4,
                             title="พิจารณาแผนการนิเทศ ติดตาม และประเมินผลการจัดการศึกษา ปีการศึกษา 2569",
                             presenter="กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา")  # fmt: skip
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    services.attendance_set(user=secretary, meeting=meeting, member=chair, kind=AttendanceKind.PRESENT)
    services.attendance_set(
        user=secretary,
        meeting=meeting,
        member=principal,
        kind=AttendanceKind.SUBSTITUTE,
        name="นายสมปองศักดิ์ แทนคุณประเสริฐ",
        job_title="รองผู้อำนวยการโรงเรียนบ้านหนองบัวแดง",
    )
    services.attendance_set(
        user=secretary, meeting=meeting, member=expert, kind=AttendanceKind.ABSENT, reason="ติดภารกิจราชการต่างประเทศ"
    )
    services.attendance_set(user=secretary, meeting=meeting, member=recorder, kind=AttendanceKind.PRESENT)
    services.guest_add(user=secretary, meeting=meeting, name="นางสาวสุนีย์รัตน์ สารบรรณวิจิตร",
                       job_title="เจ้าพนักงานธุรการชำนาญงาน")  # fmt: skip
    hold(secretary, meeting)
    for it in meeting.items.all():
        if it.previous_meeting_id:
            services.item_record(
                user=secretary,
                item=it,
                record="ไม่มีกรรมการขอแก้ไข",
                resolution="ที่ประชุมรับรองรายงานการประชุม ครั้งที่ 1/2569 โดยไม่มีการแก้ไข",
            )
    services.item_record(
        user=secretary,
        item=item,
        resolution="ที่ประชุมเห็นชอบแผนการนิเทศ",
        record=f"ฝ่ายเลขานุการนำเสนอร่างแผนการนิเทศ ดูเอกสารได้ที่ {PLAN_URL} ที่ประชุมร่วมอภิปราย",
    )
    services.minutes_update(user=secretary, minutes=meeting.minutes, started_at=dt.time(9, 0),
                            ended_at=dt.time(11, 45), recorder_name=RECORDER[0], recorder_title=RECORDER[1],
                            checker_name=CHECKER[0], checker_title=CHECKER[1])  # fmt: skip
    return meeting


@pytest.fixture
def minutes_pdf(django_capture_on_commit_callbacks, secretary, minutes_meeting) -> str:
    path = _render(django_capture_on_commit_callbacks, secretary, "committee.minutes", minutes_meeting)
    _save_page(path, "committee.minutes")
    return path


def test_minutes_print_the_parts_of_form_11_in_order(minutes_pdf):
    found = pdf_compact(minutes_pdf)
    parts = [
        f"รายงานการประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา {OFFICE}",
        "ครั้งที่ 2/2569",
        "เมื่อวันที่ 2 มีนาคม 2569",
        "ณ ห้องประชุมราชพฤกษ์ ชั้น 3 อาคารอำนวยการ",
        "ผู้มาประชุม",
        "ผู้ไม่มาประชุม",
        "ผู้เข้าร่วมประชุม",
        "เริ่มประชุมเวลา 09.00 น.",
        "ประธานกล่าวเปิดประชุม",
        "ระเบียบวาระที่ 1",
        "ระเบียบวาระที่ 2 เรื่องรับรองรายงานการประชุม",
        "ที่ประชุมรับรองรายงานการประชุม ครั้งที่ 1/2569",
        "ระเบียบวาระที่ 4",
        "มติที่ประชุม ที่ประชุมเห็นชอบแผนการนิเทศ",
        "ระเบียบวาระที่ 5",
        "เลิกประชุมเวลา 11.45 น.",
        "ผู้จดรายงานการประชุม",
        "ผู้ตรวจรายงานการประชุม",
    ]
    at = [found.find(compact(p)) for p in parts]
    assert -1 not in at, [p for p, i in zip(parts, at, strict=True) if i == -1]
    assert at == sorted(at), "form 11's parts are out of order"


def test_minutes_list_people_as_name_position_role_on_one_row(minutes_pdf):
    words = _words(minutes_pdf)
    rows = [
        ("ว่าที่ร้อยตรี", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่", "ประธานกรรมการ"),
        ("นายสมปองศักดิ์", "รองผู้อำนวยการโรงเรียนบ้านหนองบัวแดง", "แทน"),
        ("ผศ.ดร.", "อาจารย์ประจำคณะครุศาสตร์", "กรรมการ"),
        ("นางอัญชลีพร", "ศึกษานิเทศก์ชำนาญการพิเศษ", "กรรมการและเลขานุการ"),
        ("นางสาวสุนีย์รัตน์", "เจ้าพนักงานธุรการชำนาญงาน", None),
    ]
    for name, position, role in rows:
        first = _word(words, name)
        pos = next(w for w in words if w[4].startswith(position[:12]) and _same_line(w, first))
        assert first[1] < pos[1], f"{name}: the position is not after the name"
        if role:
            cell = next(w for w in words if w[4] == role and _same_line(w, first))
            assert pos[1] < cell[1], f"{name}: the role is not after the position"
    for whole in ("เฉลิมพระเกียรติ", "ศรีสุวรรณวงศ์ไพบูลย์", "เกียรติประเสริฐกุล", "ธนากรวิวัฒน์ชัย", "แทนคุณประเสริฐ", "สารบรรณวิจิตร"):
        _word(words, whole)  # surnames are never split across lines
    found = pdf_compact(minutes_pdf)
    assert compact("แทน นางสาวพรรณนิภา เกียรติประเสริฐกุล (กรรมการ)") in found
    assert compact("(ติดภารกิจราชการต่างประเทศ)") in found


def test_minutes_signature_blocks_carry_names_and_positions_on_the_last_page(minutes_pdf):
    last = pdf_page_count(minutes_pdf)
    text = compact(subprocess.run(["pdftotext", "-f", str(last), "-l", str(last), minutes_pdf, "-"],
                                  capture_output=True, text=True, check=True).stdout)  # fmt: skip
    for name, position in (RECORDER, CHECKER):
        assert compact(f"({name})") in text and compact(position) in text
    assert text.index(compact(RECORDER[0])) < text.index(compact("ผู้จดรายงานการประชุม"))
    words = _words(minutes_pdf, last)
    assert _same_line(_word(words, "(นางอัญชลีพร"), _word(words, "(นายธนพลธรรม"))  # side by side


def test_minutes_print_links_readably_breaking_only_at_slashes(minutes_pdf):
    found = pdf_compact(minutes_pdf)
    assert compact(f"ประชุมผ่านสื่ออิเล็กทรอนิกส์ ({ONLINE})") in found
    assert compact(PLAN_URL) in found
    pieces = [w for w in _words(minutes_pdf) if len(w[4]) > 3 and w[4] in PLAN_URL and "." in w[4] + "/"]
    lines: dict = {}
    for w in pieces:
        lines.setdefault((w[0], round(w[2])), []).append(w[4])
    fragments = ["".join(v) for v in lines.values()]
    assert "".join(fragments).endswith("plan-of-supervision-final.pdf")
    assert len(fragments) >= 2, "the long address should wrap in this test"
    assert all(f.endswith("/") for f in fragments[:-1]), fragments


def test_agenda_prints_the_office_in_the_title_and_the_online_link(
    django_capture_on_commit_callbacks, secretary, minutes_meeting
):
    path = _render(django_capture_on_commit_callbacks, secretary, "committee.agenda", minutes_meeting)
    _save_page(path, "committee.agenda")
    found = pdf_compact(path)
    assert compact(f"ระเบียบวาระการประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา {OFFICE}") in found
    assert compact("วันจันทร์ที่ 2 มีนาคม 2569 เวลา 09.30 น.") in found
    assert compact(f"ประชุมผ่านสื่ออิเล็กทรอนิกส์ ({ONLINE})") in found
    words = _words(path)
    _word(words, "2569")
    assert _same_line(_word(words, "มีนาคม"), _word(words, "2569"))


def test_the_longest_role_ends_inside_the_right_margin(
    django_capture_on_commit_callbacks, secretary, office, make_meeting
):
    assistant = services.member_create(
        user=secretary, prefix="นางสาว", first_name="วิมลรัตน์", last_name="ศรีสุวรรณวงศ์ไพบูลย์",
        position=Position.ASSISTANT_SECRETARY, category=Category.OFFICE, job_title="ศึกษานิเทศก์ชำนาญการพิเศษ",
        term_start=dt.date(2024, 1, 1), order_number="185/2567",
    )  # fmt: skip
    meeting = make_meeting(dt.date(2026, 4, 20))
    services.item_add(user=secretary, meeting=meeting, section=1, title="ประธานแจ้งเพื่อทราบ")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    services.attendance_set(user=secretary, meeting=meeting, member=assistant, kind=AttendanceKind.PRESENT)
    hold(secretary, meeting)
    path = _render(django_capture_on_commit_callbacks, secretary, "committee.minutes", meeting)
    boxes = re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', pdftotext_bbox("-f", "1", "-l", "1", path))
    assert compact("กรรมการและผู้ช่วยเลขานุการ") in pdf_compact(path)
    right_margin = 595.28 - 2 / 2.54 * 72  # A4 less the 2 cm right margin, in points
    assert max(float(x) for x, _ in boxes) <= right_margin + 1


def test_a_rank_and_a_role_keep_their_words_whole():
    from committee.templatetags.committee_print import role_phrase
    from core.templatetags.thai import position_phrase

    assert position_phrase("เจ้าพนักงานธุรการชำนาญงาน") == 'เจ้าพนักงานธุรการ<wbr><span class="nw">ชำนาญงาน</span>'
    assert role_phrase("กรรมการและผู้ช่วยเลขานุการ") == (
        '<span class="nw">กรรมการและ</span><wbr><span class="nw">ผู้ช่วยเลขานุการ</span>'
    )
    assert role_phrase("<b>") == '<span class="nw">&lt;b&gt;</span>'
