"""Members hear of a published agenda; the responsible person and the secretary of a resolution's due date."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from committee import services
from core import reminders, thaidate
from core.models import Notification

from .conftest import hold


def test_members_with_accounts_hear_of_the_published_agenda(
    secretary, committee_members, make_meeting, users, django_capture_on_commit_callbacks
):
    chair = committee_members[0]
    chair.user = users["member"]
    chair.save()
    meeting = make_meeting(thaidate.today() + dt.timedelta(days=7))
    services.item_add(user=secretary, meeting=meeting, section=1, title="ประธานแจ้งเพื่อทราบ")
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish_agenda(user=secretary, meeting=meeting)
    notice = Notification.objects.get(kind="committee.agenda_published")
    assert notice.recipient == users["member"] and f"ครั้งที่ {meeting.number}/{meeting.year}" in notice.title


def test_a_resolution_due_tomorrow_and_then_passed_is_told_once_each(
    secretary, make_meeting, past_day, users, django_capture_on_commit_callbacks
):
    meeting = make_meeting(past_day)
    hold(secretary, meeting)
    item = meeting.items.first()
    due = thaidate.today() + dt.timedelta(days=1)
    services.resolution_add(
        user=secretary, item=item, text="จัดทำแผนนิเทศภาคเรียนที่ 2", responsible_user=users["supervisor"], due_date=due
    )
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.reminders_run()
    ahead = Notification.objects.filter(kind="committee.resolution_due")
    assert {n.recipient for n in ahead} == {users["supervisor"], users["secretary"]}
    with django_capture_on_commit_callbacks(execute=True):
        reminders.reminders_run(now=timezone.now() + dt.timedelta(days=2))
    titles = list(Notification.objects.filter(recipient=users["supervisor"]).values_list("title", flat=True))
    assert len(titles) == 2 and titles[0].startswith("เลยกำหนดตามมติ")
