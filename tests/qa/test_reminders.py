"""SAR deadline reminders: school staff who have not sent are told a week ahead and when it passed, once each."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone

from core import reminders, thaidate
from core.models import Notification
from core.roles import Role
from qa import services
from schools import services as school_services


def _staff_of(other_school, django_user_model):
    teacher = django_user_model.objects.create_user("teacher2", password="x")
    teacher.groups.add(Group.objects.get(name=Role.SCHOOL))
    school_services.membership_set(user=None, member=teacher, school=other_school)
    return teacher


def test_staff_of_schools_that_have_not_sent_hear_once_ahead_and_once_when_passed(
    users, year, submitted, other_school, django_user_model, django_capture_on_commit_callbacks
):
    late = _staff_of(other_school, django_user_model)
    deadline = thaidate.today() + dt.timedelta(days=3)
    services.sar_year_set(user=users["director"], academic_year=year, deadline=deadline)
    for _ in range(3):  # beat runs every 15 minutes
        with django_capture_on_commit_callbacks(execute=True):
            reminders.reminders_run()
    notices = list(Notification.objects.filter(kind="qa.sar_deadline"))
    assert [n.recipient for n in notices] == [late]  # the school that sent hears nothing
    assert notices[0].title.startswith("ใกล้ถึงกำหนดส่ง SAR")
    later = timezone.now() + dt.timedelta(days=4)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.reminders_run(now=later)
    titles = list(Notification.objects.filter(recipient=late).values_list("title", flat=True))
    assert len(titles) == 2 and any(t.startswith("เลยกำหนดส่ง SAR") for t in titles)


def test_a_failing_reminder_does_not_stop_the_others(
    users, year, other_school, django_user_model, django_capture_on_commit_callbacks
):
    def broken(now: dt.datetime) -> int:
        raise RuntimeError("boom")

    reminders.register(broken)
    try:
        late = _staff_of(other_school, django_user_model)
        services.sar_year_set(user=users["director"], academic_year=year, deadline=thaidate.today())
        with django_capture_on_commit_callbacks(execute=True):
            result = reminders.reminders_run()
    finally:
        reminders._REMINDERS.remove(broken)
    assert result[f"{__name__}.broken"] == -1
    assert Notification.objects.filter(recipient=late, kind="qa.sar_deadline").exists()
