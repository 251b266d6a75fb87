"""The calendar: a month grid and an agenda of what the user may see, and their private iCal feed."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from . import calendar, notifications, thaidate

FEED_DAYS_BACK, FEED_DAYS_AHEAD = 60, 400
WEEKDAYS = ("จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา.")


def _month(param: str | None) -> tuple[int, int]:
    """'2569-12' (BE year, month) → (2026, 12); today's month for anything else."""
    try:
        year_be, month = (int(x) for x in (param or "").split("-"))
        if 2400 <= year_be <= 2700 and 1 <= month <= 12:
            return thaidate.to_ce(year_be), month
    except ValueError:
        pass
    today = thaidate.today()
    return today.year, today.month


def _shift(year: int, month: int, delta: int) -> str:
    index = year * 12 + month - 1 + delta
    return f"{thaidate.to_be(index // 12)}-{index % 12 + 1}"


@login_required
def calendar_month(request: HttpRequest) -> HttpResponse:
    year, month = _month(request.GET.get("month"))
    weeks = calendar.month_grid(year, month, [])
    entries = calendar.entries_for(request.user, weeks[0][0]["day"], weeks[-1][-1]["day"])
    context = {
        "weeks": calendar.month_grid(year, month, entries),
        "agenda": [e for e in entries if e.day.month == month],
        "title": thaidate.format_month_year(dt.date(year, month, 1)),
        "previous": _shift(year, month, -1), "next": _shift(year, month, 1), "weekdays": WEEKDAYS,
        "today": thaidate.today(), "day_actions": calendar.day_actions_for(request.user),
    }  # fmt: skip
    return render(request, "core/calendar/month.html", context)


@login_required
def calendar_feed_settings(request: HttpRequest) -> HttpResponse:
    prefs = notifications.settings_for(request.user)
    url = (
        request.build_absolute_uri(reverse("calendar_feed", args=[prefs.calendar_token]))
        if prefs.calendar_token
        else ""
    )
    return render(request, "core/calendar/feed.html", {"feed_url": url})


@login_required
@require_POST
def calendar_feed_renew(request: HttpRequest) -> HttpResponse:
    calendar.feed_token_for(request.user, renew=True)
    messages.success(request, "สร้างลิงก์ปฏิทินใหม่แล้ว ลิงก์เดิม (ถ้ามี) ใช้ไม่ได้อีก")
    return redirect("core:calendar_feed_settings")


@login_required
@require_POST
def calendar_feed_revoke(request: HttpRequest) -> HttpResponse:
    calendar.feed_token_revoke(user=request.user)
    messages.success(request, "ยกเลิกลิงก์ปฏิทินแล้ว")
    return redirect("core:calendar_feed_settings")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private iCalendar feed (no login: the secret token is the key; a revoked one is 404)."""
    user = calendar.user_for_token(token)
    if user is None:
        raise Http404("ไม่พบปฏิทินนี้")
    today = thaidate.today()
    entries = calendar.entries_for(
        user, today - dt.timedelta(days=FEED_DAYS_BACK), today + dt.timedelta(days=FEED_DAYS_AHEAD)
    )
    response = HttpResponse(_ical(entries, request), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


def _ical(entries: list[calendar.Entry], request: HttpRequest) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//nites//calendar//TH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "ปฏิทินงานนิเทศ")
    stamp = dt.datetime.now(dt.UTC)
    for entry in entries:
        event = Event()
        event.add("uid", f"{entry.uid or id(entry)}@{request.get_host()}")
        event.add("summary", f"{entry.kind}: {entry.title}")
        event.add("dtstart", entry.start)
        if entry.all_day:
            event.add("dtend", entry.start + dt.timedelta(days=1))
        else:
            event.add("dtend", entry.start + dt.timedelta(hours=2))
        event.add("dtstamp", stamp)
        if entry.place:
            event.add("location", entry.place)
        if entry.url:
            event.add("url", request.build_absolute_uri(entry.url))
        cal.add_component(event)
    return cal.to_ical()
