"""Who hears of visit records: the director on submit, the team on return or approval, the school's
staff when it awaits their acknowledgement; and the team when a follow-up is due or passed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from core import reminders, thaidate
from core.models import Notification
from supervision import services
from supervision.models import FollowUpAction


def _titles(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_submit_tells_the_director_and_review_tells_the_team_and_the_school(
    users, make_visit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        visit = make_visit(status="submitted")
    assert _titles(users["director"])[0].startswith("บันทึกการนิเทศรออนุมัติ")
    with django_capture_on_commit_callbacks(execute=True):
        services.visit_return(user=users["director"], visit=visit, comment="เพิ่มหลักฐานภาพถ่าย")
    assert "เพิ่มหลักฐานภาพถ่าย" in _titles(users["supervisor"])[0]
    assert not _titles(users["school"])  # a returned record is not the school's business
    services.visit_submit(user=users["supervisor"], visit=visit)
    with django_capture_on_commit_callbacks(execute=True):
        services.visit_approve(user=users["director"], visit=visit)
    assert _titles(users["supervisor"])[0].startswith("อนุมัติบันทึกการนิเทศแล้ว")
    assert _titles(users["school"]) == [
        f"บันทึกการนิเทศรอโรงเรียนรับทราบ: {visit.school.name} ({thaidate.format_full(visit.date)})"
    ]
    assert not _titles(users["executive"])


def test_a_follow_up_is_told_to_the_team_a_day_ahead_and_when_passed(
    users, make_visit, django_capture_on_commit_callbacks
):
    visit = make_visit(status="approved")
    due = thaidate.today() + dt.timedelta(days=1)
    FollowUpAction.objects.create(visit=visit, text="ครูจัดทำแผนการสอนเพิ่มเติม", due_date=due)
    Notification.objects.all().delete()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.reminders_run()
    assert len(_titles(users["supervisor"])) == 1
    with django_capture_on_commit_callbacks(execute=True):
        reminders.reminders_run(now=timezone.now() + dt.timedelta(days=2))
    assert _titles(users["supervisor"])[0].startswith("เลยกำหนดติดตามผล")
