"""Reads of the committee app, narrowed to what the given user may see.

Who sees what is decided in access.py; the querysets that carry it out are here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from core import thaidate

from . import access
from .models import (
    DEFAULT_MEETINGS_PER_YEAR,
    POSITION_RANK,
    UNFINISHED,
    AgendaAttachment,
    AgendaItem,
    AnnualReport,
    Attendance,
    CommitteeMember,
    FiscalYearTarget,
    Meeting,
    MeetingStatus,
    Resolution,
)  # fmt: skip

if TYPE_CHECKING:
    from django.contrib.auth.models import User


# --- Members ---------------------------------------------------------------------


def _rank_expression() -> Case:
    return Case(*[When(position=p, then=Value(r)) for p, r in POSITION_RANK.items()], output_field=IntegerField())


def members_ordered(qs: QuerySet[CommitteeMember] | None = None) -> QuerySet[CommitteeMember]:
    qs = CommitteeMember.objects.all() if qs is None else qs
    return qs.annotate(rank=_rank_expression()).order_by("rank", "term_start", "pk")


def members_serving_on(day: dt.date) -> QuerySet[CommitteeMember]:
    """Who serves on the committee on a given date (term start ≤ day ≤ term end)."""
    qs = CommitteeMember.objects.filter(term_start__lte=day).filter(Q(term_end__isnull=True) | Q(term_end__gte=day))
    return members_ordered(qs)


def members_visible_to(user: User) -> QuerySet[CommitteeMember]:
    return members_ordered() if access.can_read(user) else CommitteeMember.objects.none()


# --- Meetings ---------------------------------------------------------------------


def meetings_visible_to(user: User) -> QuerySet[Meeting]:
    if access.sees_everything(user):
        qs = Meeting.objects.all()
    elif access.can_read(user):
        qs = Meeting.objects.filter(status__in=access.PUBLIC_STATUSES)
    else:
        return Meeting.objects.none()
    return qs.select_related("minutes").order_by("-date", "-year", "-number")


def items_visible_to(user: User) -> QuerySet[AgendaItem]:
    """Agenda items (and sub-items) of the meetings the user sees."""
    return AgendaItem.objects.filter(meeting__in=meetings_visible_to(user)).select_related("meeting", "parent")


def attachments_visible_to(user: User) -> QuerySet[AgendaAttachment]:
    return AgendaAttachment.objects.filter(item__meeting__in=meetings_visible_to(user)).select_related("item__meeting")


def attendance_visible_to(user: User) -> QuerySet[Attendance]:
    """Who attended: the secretariat and executives always; other readers once the minutes are approved."""
    qs = Attendance.objects.select_related("meeting", "member")
    if access.sees_everything(user):
        return qs
    if access.can_read(user):
        return qs.filter(meeting__status=MeetingStatus.MINUTES_APPROVED)
    return qs.none()


def agenda_tree(meeting: Meeting) -> list[dict]:
    """The five sections, each with its top-level items and their sub-items, in order."""
    from .models import Section

    items = list(
        meeting.items.select_related("previous_meeting", "carried_from__item__meeting", "parent")
        .prefetch_related("attachments", "resolutions", "corrections")
    )  # fmt: skip
    children: dict[int, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id:
            children.setdefault(item.parent_id, []).append(item)
    for item in items:
        item.sub_items = sorted(children.get(item.pk, []), key=lambda i: (i.position, i.pk))
    tops = sorted((i for i in items if not i.parent_id), key=lambda i: (i.section, i.position, i.pk))
    return [{"number": s.value, "label": s.label, "items": [i for i in tops if i.section == s.value]} for s in Section]


def pdf_attachments(meeting: Meeting) -> list[AgendaAttachment]:
    """PDF attachments in agenda order (section, item, sub-item), for bundling."""
    out = []
    for section in agenda_tree(meeting):
        for item in section["items"]:
            for node in [item, *item.sub_items]:
                out.extend(a for a in node.attachments.all() if a.is_pdf)
    return out


# --- Targets and resolutions --------------------------------------------------------


def meetings_target(fiscal_year: int) -> int:
    target = FiscalYearTarget.objects.filter(fiscal_year=fiscal_year).first()
    return target.meetings if target else DEFAULT_MEETINGS_PER_YEAR


def fiscal_year_progress(fiscal_year: int) -> dict:
    start, end = thaidate.fiscal_year_range(fiscal_year)
    qs = Meeting.objects.filter(date__range=(start, end)).exclude(status=MeetingStatus.CANCELLED)
    counts = qs.aggregate(
        planned=Count("pk"),
        held=Count("pk", filter=Q(status__in=[MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED])),
    )
    target = meetings_target(fiscal_year)
    percent = round(100 * counts["held"] / target) if target else 0
    return {"fiscal_year": fiscal_year, "target": target, **counts, "percent": min(percent, 100)}


def resolutions_visible_to(user: User) -> QuerySet[Resolution]:
    qs = Resolution.objects.select_related("item__meeting").prefetch_related("follow_ups")
    if access.sees_everything(user):
        return qs
    if access.can_read(user):
        return qs.filter(item__meeting__status=MeetingStatus.MINUTES_APPROVED)
    return qs.none()


def open_resolutions(user: User) -> QuerySet[Resolution]:
    return resolutions_visible_to(user).filter(status__in=UNFINISHED)


def next_meeting() -> Meeting | None:
    return (
        Meeting.objects.filter(date__gte=thaidate.today(), status__in=[MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED])
        .order_by("date", "start_time").first()
    )  # fmt: skip


# --- Annual reports ----------------------------------------------------------------


def reports_visible_to(user: User) -> QuerySet[AnnualReport]:
    if access.sees_everything(user):
        return AnnualReport.objects.all()
    if access.can_read(user):
        return AnnualReport.objects.filter(is_published=True)
    return AnnualReport.objects.none()
