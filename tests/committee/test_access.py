"""The committee's rules, from committee/access.py, seen at the services and the access helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from committee import access, services
from correspondence.models import Letter

from .conftest import hold


def test_only_the_secretariat_issues_the_invitation_letter(users, secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 12, 20))
    with pytest.raises(PermissionDenied, match="เฉพาะเลขานุการ ก.ต.ป.น."):
        services.invitation_issue(user=users["director"], meeting=meeting)
    assert not Letter.objects.filter(subject__contains="ขอเชิญประชุม").exists()


def test_only_the_secretariat_pulls_in_carried_over_resolutions(users, make_meeting):
    meeting = make_meeting(dt.date(2026, 12, 20))
    with pytest.raises(PermissionDenied, match="เฉพาะเลขานุการ ก.ต.ป.น."):
        services.agenda_carry_over(user=users["executive"], meeting=meeting)


def test_a_guest_is_unknown_to_members_until_the_minutes_are_approved(users, secretary, make_meeting, past_day):
    meeting = make_meeting(past_day)
    hold(secretary, meeting)
    guest = services.guest_add(user=secretary, meeting=meeting, name="ผู้สังเกตการณ์")
    assert access.get_attendance_for_user(users["director"], guest.pk) == guest
    with pytest.raises(Http404, match="No Attendance matches"):
        access.get_attendance_for_user(users["member"], guest.pk)
    with pytest.raises(PermissionDenied, match="เฉพาะเลขานุการ ก.ต.ป.น."):
        access.get_attendance_for_user(users["director"], guest.pk, write=True)


def test_draft_minutes_are_unknown_to_members(users, secretary, make_meeting, past_day):
    meeting = make_meeting(past_day)
    hold(secretary, meeting)
    assert access.get_minutes_for_user(users["executive"], meeting.pk) == meeting.minutes
    with pytest.raises(Http404, match="ยังไม่มีรายงานการประชุมที่เผยแพร่"):
        access.get_minutes_for_user(users["member"], meeting.pk)
