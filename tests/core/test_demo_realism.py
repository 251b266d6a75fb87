"""The demo office looks like a real one, since every printout shows it: letters registered and routed in
office hours on working days, visits on school days, school names as schools are named."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction

from core import thaidate
from core.demo import FIXED_HOLIDAYS, OFFICE_CLOSES, OFFICE_OPENS, is_working_day, office_after

pytestmark = pytest.mark.django_db


def _in_office_hours(moment: dt.datetime) -> bool:
    local = moment.astimezone(thaidate.BANGKOK)
    return is_working_day(local.date()) and OFFICE_OPENS <= local.time() <= OFFICE_CLOSES


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """One seed_demo for the whole module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_counting_working_minutes_skips_evenings_weekends_and_holidays():
    friday_late = dt.datetime(2026, 12, 4, 16, 0, tzinfo=thaidate.BANGKOK)  # Friday; Saturday 5 Dec is a holiday
    assert office_after(friday_late, 60) == dt.datetime(2026, 12, 7, 9, 0, tzinfo=thaidate.BANGKOK)
    night = dt.datetime(2026, 12, 9, 2, 15, tzinfo=thaidate.BANGKOK)  # Wednesday night; Thursday 10 Dec is a holiday
    assert office_after(night, 30) == dt.datetime(2026, 12, 9, 9, 0, tzinfo=thaidate.BANGKOK)
    evening = dt.datetime(2026, 12, 9, 19, 0, tzinfo=thaidate.BANGKOK)
    assert office_after(evening, 10) == dt.datetime(2026, 12, 11, 8, 40, tzinfo=thaidate.BANGKOK)
    assert (12, 5) in FIXED_HOLIDAYS and not is_working_day(dt.date(2026, 12, 5))


@pytest.mark.slow
def test_every_demo_letter_is_registered_on_a_working_day_in_office_hours(demo):
    from correspondence.models import Letter

    registered = list(Letter.objects.filter(registered_at__isnull=False).values_list("pk", "registered_at"))
    assert len(registered) > 300
    outside = [(pk, at.astimezone(thaidate.BANGKOK)) for pk, at in registered if not _in_office_hours(at)]
    assert not outside, f"registered outside office hours: {outside[:5]}"


@pytest.mark.slow
def test_every_routing_step_follows_its_letters_registration_in_office_hours(demo):
    from correspondence.models import RoutingStep

    steps = list(RoutingStep.objects.select_related("letter").filter(letter__registered_at__isnull=False))
    kinds = {step.kind for step in steps}
    assert {"presented", "instructed", "acknowledged", "done"} <= kinds, kinds
    early = [(s.letter_id, s.kind, s.at) for s in steps if s.at < s.letter.registered_at]
    assert not early, f"steps before the letter was registered: {early[:5]}"
    outside = [(s.letter_id, s.kind, s.at.astimezone(thaidate.BANGKOK)) for s in steps if not _in_office_hours(s.at)]
    assert not outside, f"steps outside office hours: {outside[:5]}"


@pytest.mark.slow
def test_every_demo_visit_is_on_a_school_day(demo):
    from core.models import OfficeProfile
    from supervision.models import Visit

    calendar = OfficeProfile.get().academic_calendar
    dates = list(Visit.objects.values_list("date", flat=True))
    assert len(dates) >= 200
    assert not [d for d in dates if d.weekday() >= 5], "a visit on a weekend"
    assert not [d for d in dates if thaidate.semester(d, calendar)[1] is None], "a visit in the school break"
    assert max(dates) <= thaidate.today()


@pytest.mark.slow
def test_demo_school_names_are_plain_village_names(demo):
    from schools.models import School

    names = list(School.objects.values_list("name", flat=True))
    assert len(names) == 120 == len(set(names))
    for name in names:
        words = name.split()
        assert len(words) == len(set(words)), f"repeated word in {name!r}"
        assert name.startswith("โรงเรียนบ้าน") and not re.search(r"[0-9๐-๙]", name), name
        assert not re.search(r"(วิทยา|ศึกษา|พัฒนา)$", name), name


@pytest.mark.slow
def test_demo_people_have_plausible_names_and_positions(demo):
    from django.contrib.auth import get_user_model

    users = {u.username: u for u in get_user_model().objects.select_related("profile")}
    assert users["director"].profile.position == "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
    assert users["supervisor"].profile.position_line == "ศึกษานิเทศก์ ชำนาญการพิเศษ"
    role_words = ["นิเทศ", "เลขา", "สารบรรณ", "กรรมการ", "ระบบ", "ครู", "นำทาง", "เขต", "แทน"]
    joking = [(u.username, u.last_name) for u in users.values() if any(w in u.last_name for w in role_words)]
    assert not joking, f"surnames that spell out the role: {joking}"


@pytest.mark.slow
def test_every_demo_meeting_follow_up_and_due_date_is_on_a_working_day(demo):
    from committee.models import FollowUp, Meeting, Resolution

    meetings = list(Meeting.objects.values_list("date", flat=True))
    assert len(meetings) >= 4 and any(d > thaidate.today() for d in meetings)
    dates = meetings + list(FollowUp.objects.values_list("date", flat=True))
    dates += [d for d in Resolution.objects.values_list("due_date", flat=True) if d]
    assert not [d for d in dates if not is_working_day(d)], "a meeting, follow-up or due date off a working day"
