"""Fixtures of the committee tests: the secretary, a sitting committee and meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from committee import services
from committee.models import Category, Position
from core import thaidate


@pytest.fixture
def secretary(users):
    return users["secretary"]


@pytest.fixture
def committee_members(secretary):
    """A chair, a school-director representative, an outside expert and the secretary."""
    start = dt.date(2024, 1, 1)
    specs = [
        ("นาย", "วิชาญ", "ศึกษาดี", Position.CHAIR, Category.OFFICE, "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"),
        ("นาง", "มาลี", "ใจงาม", Position.MEMBER, Category.SCHOOL_DIRECTOR, "ผู้อำนวยการโรงเรียนบ้านหนองบัว"),
        ("ดร.", "สมศักดิ์", "รู้ลึก", Position.MEMBER, Category.EXPERT, "ผู้ทรงคุณวุฒิ"),
        ("นาง", "อัญชลี", "เลขาดี", Position.SECRETARY, Category.OFFICE, "ศึกษานิเทศก์"),
    ]
    return [
        services.member_create(
            user=secretary,
            prefix=p,
            first_name=f,
            last_name=last,
            position=pos,
            category=cat,
            job_title=job,
            term_start=start,
            order_number="185/2567",
        )
        for p, f, last, pos, cat, job in specs
    ]


@pytest.fixture
def make_meeting(secretary):
    def make(date: dt.date, **kwargs):
        kwargs.setdefault("start_time", dt.time(9, 30))
        kwargs.setdefault("place", "ห้องประชุมสำนักงานเขต")
        return services.meeting_create(user=secretary, date=date, **kwargs)

    return make


@pytest.fixture
def past_day():
    """A date safely in the past, so meetings on it may be marked held."""
    return thaidate.today() - dt.timedelta(days=60)


def hold(secretary, meeting):
    """Publish (adding an item if needed) and mark held."""
    if not meeting.items.exists():
        services.item_add(user=secretary, meeting=meeting, section=1, title="ประธานแจ้งเพื่อทราบ")
    if meeting.status == "draft":
        services.meeting_publish_agenda(user=secretary, meeting=meeting)
    return services.meeting_mark_held(user=secretary, meeting=meeting)
