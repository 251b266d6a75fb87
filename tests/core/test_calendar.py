"""The calendar: a month and an agenda of what the user may see, and a private iCal feed."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from icalendar import Calendar

from committee.services import meeting_create
from core import thaidate
from qa.models import SarYear
from supervision.models import Visit


def _visit(school, user, day, **kw) -> Visit:
    visit = Visit.objects.create(
        school=school, date=day, fiscal_year=thaidate.fiscal_year(day), visit_type="policy", created_by=user, **kw
    )
    visit.team.add(user)
    return visit


def test_a_supervisor_sees_her_own_visits_and_not_a_colleagues(
    users, client_for, school, other_school, django_user_model
):
    today = thaidate.today()
    _visit(school, users["supervisor"], today)
    colleague = django_user_model.objects.create_user("colleague", password="x")
    colleague.groups.add(*users["supervisor"].groups.all())
    _visit(other_school, colleague, today)
    html = client_for(users["supervisor"]).get(reverse("core:calendar")).content.decode()
    assert school.name in html and other_school.name not in html
    assert thaidate.format_month_year(today) in html  # Thai month and BE year


def test_the_month_moves_in_buddhist_era(users, client_for):
    html = client_for(users["clerk"]).get(reverse("core:calendar"), {"month": "2570-1"}).content.decode()
    assert "มกราคม 2570" in html and "?month=2569-12" in html and "?month=2570-2" in html
    assert client_for(users["clerk"]).get(reverse("core:calendar"), {"month": "junk"}).status_code == 200


def test_the_feed_parses_holds_only_what_the_user_may_see_and_dies_when_revoked(users, client_for, client, school):
    today = thaidate.today()
    _visit(school, users["supervisor"], today + dt.timedelta(days=3))
    SarYear.objects.create(academic_year=thaidate.to_be(today.year), deadline=today + dt.timedelta(days=10))
    meeting_create(
        user=users["secretary"], date=today + dt.timedelta(days=5), start_time=dt.time(9, 30), place="ห้องเขต"
    )
    owner = client_for(users["supervisor"])
    owner.post(reverse("core:calendar_feed_renew"))
    page = owner.get(reverse("core:calendar_feed_settings")).content.decode()
    token = page.split("/calendar/")[2].split(".ics")[0]
    response = client.get(reverse("calendar_feed", args=[token]))  # no login: the token is the key
    assert response["Content-Type"].startswith("text/calendar")
    events = [c for c in Calendar.from_ical(response.content).walk("VEVENT")]
    summaries = {str(e["SUMMARY"]) for e in events}
    assert f"นิเทศ (วางแผน): {school.name}" in summaries
    assert any(s.startswith("กำหนดส่ง SAR") for s in summaries)
    assert not any(s.startswith("ประชุม") for s in summaries)  # a draft meeting is not the supervisor's to see
    secretary = client_for(users["secretary"])
    secretary.post(reverse("core:calendar_feed_renew"))
    token2 = (
        secretary.get(reverse("core:calendar_feed_settings")).content.decode().split("/calendar/")[2].split(".ics")[0]
    )
    feed2 = Calendar.from_ical(client.get(reverse("calendar_feed", args=[token2])).content)
    meeting = next(e for e in feed2.walk("VEVENT") if str(e["SUMMARY"]).startswith("ประชุม"))
    assert str(meeting["LOCATION"]) == "ห้องเขต" and meeting["DTSTART"].dt.hour == 9
    owner.post(reverse("core:calendar_feed_revoke"))
    assert client.get(reverse("calendar_feed", args=[token])).status_code == 404
    assert client.get(reverse("calendar_feed", args=["x" * 43])).status_code == 404


def test_renew_and_revoke_are_post_only_and_pages_need_a_login(users, client_for, client):
    assert client_for(users["clerk"]).get(reverse("core:calendar_feed_renew")).status_code == 405
    assert client_for(users["clerk"]).get(reverse("core:calendar_feed_revoke")).status_code == 405
    assert client.get(reverse("core:calendar")).status_code == 302


def test_a_supervisor_puts_a_planned_visit_on_a_calendar_day_and_it_starts_as_a_draft(users, client_for, school):
    day = thaidate.today() + dt.timedelta(days=9)
    supervisor = client_for(users["supervisor"])
    month = supervisor.get(reverse("core:calendar"), {"month": f"{thaidate.to_be(day.year)}-{day.month}"})
    plan_link = f"{reverse('supervision:visit_start')}?date={day.isoformat()}"
    assert plan_link in month.content.decode()
    form = supervisor.get(plan_link).content.decode()
    assert f"{day:%d/%m}/{thaidate.to_be(day.year)}" in form  # the chosen day, in BE, already filled in
    response = supervisor.post(
        reverse("supervision:visit_start"),
        {"school": school.pk, "date": f"{day:%d/%m}/{thaidate.to_be(day.year)}", "visit_type": "policy"},
    )
    assert response.status_code == 302
    visit = Visit.objects.get(school=school)
    assert visit.status == "draft" and visit.date == day
    agenda = supervisor.get(reverse("core:calendar"), {"month": f"{thaidate.to_be(day.year)}-{day.month}"})
    assert f"นิเทศ (วางแผน): {school.name}" in agenda.content.decode()


def test_only_those_who_record_visits_are_offered_to_plan_one(users, client_for):
    plan_link = f"{reverse('supervision:visit_start')}?date="
    assert plan_link not in client_for(users["clerk"]).get(reverse("core:calendar")).content.decode()
    assert plan_link not in client_for(users["school"]).get(reverse("core:calendar")).content.decode()
