from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from committee import selectors, services
from committee.models import Category, Position


def test_who_serves_follows_term_dates(secretary, committee_members):
    expert = committee_members[2]
    services.member_end_term(user=secretary, member=expert, end=dt.date(2025, 6, 30))
    newcomer = services.member_create(
        user=secretary,
        prefix="ผศ.ดร.",
        first_name="กนกพร",
        last_name="ทองดี",
        position=Position.MEMBER,
        category=Category.EXPERT,
        term_start=dt.date(2025, 7, 1),
    )
    on_june_30 = list(selectors.members_serving_on(dt.date(2025, 6, 30)))
    on_july_1 = list(selectors.members_serving_on(dt.date(2025, 7, 1)))
    assert expert in on_june_30 and newcomer not in on_june_30
    assert expert not in on_july_1 and newcomer in on_july_1
    assert selectors.members_serving_on(dt.date(2023, 12, 31)).count() == 0


def test_members_are_listed_chair_first_and_secretary_last(committee_members):
    names = [m.position for m in selectors.members_serving_on(dt.date(2025, 1, 1))]
    assert names[0] == Position.CHAIR
    assert names[-1] == Position.SECRETARY


def test_full_name_carries_the_thai_prefix(committee_members):
    assert committee_members[2].full_name == "ดร.สมศักดิ์ รู้ลึก"


def test_a_term_cannot_end_before_it_starts(secretary, committee_members):
    with pytest.raises(ValidationError, match="วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"):
        services.member_end_term(user=secretary, member=committee_members[1], end=dt.date(2023, 1, 1))


def test_only_the_secretary_or_admin_adds_members(users):
    with pytest.raises(PermissionDenied, match="หรือผู้ดูแลระบบเท่านั้นที่แก้ไขข้อมูลนี้ได้"):
        services.member_create(
            user=users["member"],
            prefix="นาย",
            first_name="ก",
            last_name="ข",
            position=Position.MEMBER,
            category=Category.EXPERT,
            term_start=dt.date(2025, 1, 1),
        )
