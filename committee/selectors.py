"""Reads of the committee app, narrowed to what the given user may see.

Who sees what:
- the secretary and the administrator: everything, and may write;
- the group director and the office executive: everything, read only;
- committee members and other office staff: published agendas, approved minutes,
  published annual reports; drafts are 404 for them;
- school staff: nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from core import thaidate
from core.roles import Role, has_role

from .models import (
    DEFAULT_MEETINGS_PER_YEAR,
    POSITION_RANK,
    UNFINISHED,
    AgendaAttachment,
    AgendaItem,
    AnnualReport,
    CommitteeMember,
    FiscalYearTarget,
    Meeting,
    MeetingStatus,
    Resolution,
)  # fmt: skip
from .services import can_write

if TYPE_CHECKING:
    from django.contrib.auth.models import User

FULL_READERS = (Role.SECRETARY, Role.ADMIN, Role.DIRECTOR, Role.EXECUTIVE)
PUBLISHED_READERS = (Role.MEMBER, Role.SUPERVISOR, Role.CLERK)
PUBLIC_STATUSES = (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)


def sees_everything(user: User) -> bool:
    return has_role(user, *FULL_READERS)


def can_read(user: User) -> bool:
    return has_role(user, *FULL_READERS, *PUBLISHED_READERS)


def _require_reader(user: User) -> None:
    if not can_read(user):
        raise PermissionDenied("หน้านี้สำหรับคณะกรรมการ ก.ต.ป.น. และบุคลากรของสำนักงาน")


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
    return members_ordered() if can_read(user) else CommitteeMember.objects.none()


def get_member_for_user(user: User, pk: int, *, write: bool = False) -> CommitteeMember:
    member = get_object_or_404(members_visible_to(user), pk=pk)
    if write and not can_write(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลเท่านั้น")
    return member


# --- Meetings ---------------------------------------------------------------------


def meetings_visible_to(user: User) -> QuerySet[Meeting]:
    if sees_everything(user):
        qs = Meeting.objects.all()
    elif can_read(user):
        qs = Meeting.objects.filter(status__in=PUBLIC_STATUSES)
    else:
        return Meeting.objects.none()
    return qs.select_related("minutes").order_by("-date", "-year", "-number")


def get_meeting_for_user(user: User, pk: int, *, write: bool = False) -> Meeting:
    meeting = get_object_or_404(meetings_visible_to(user), pk=pk)
    if write and not can_write(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลเท่านั้น")
    return meeting


def can_see_minutes(user: User, meeting: Meeting) -> bool:
    """Members read minutes once approved; the secretariat and executives see drafts too."""
    if sees_everything(user):
        return meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
    return can_read(user) and meeting.status == MeetingStatus.MINUTES_APPROVED


def get_item_for_user(user: User, pk: int, *, write: bool = False) -> AgendaItem:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "parent"), pk=pk)
    get_meeting_for_user(user, item.meeting_id, write=write)
    return item


def get_attachment_for_user(user: User, pk: int, *, write: bool = False) -> AgendaAttachment:
    att = get_object_or_404(AgendaAttachment.objects.select_related("item__meeting"), pk=pk)
    get_meeting_for_user(user, att.item.meeting_id, write=write)
    return att


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
    if sees_everything(user):
        return qs
    if can_read(user):
        return qs.filter(item__meeting__status=MeetingStatus.MINUTES_APPROVED)
    return qs.none()


def open_resolutions(user: User) -> QuerySet[Resolution]:
    return resolutions_visible_to(user).filter(status__in=UNFINISHED)


def get_resolution_for_user(user: User, pk: int, *, write: bool = False) -> Resolution:
    resolution = get_object_or_404(resolutions_visible_to(user), pk=pk)
    if write and not can_write(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลเท่านั้น")
    return resolution


def next_meeting() -> Meeting | None:
    return (
        Meeting.objects.filter(date__gte=thaidate.today(), status__in=[MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED])
        .order_by("date", "start_time").first()
    )  # fmt: skip


# --- Annual reports ----------------------------------------------------------------


def reports_visible_to(user: User) -> QuerySet[AnnualReport]:
    if sees_everything(user):
        return AnnualReport.objects.all()
    if can_read(user):
        return AnnualReport.objects.filter(is_published=True)
    return AnnualReport.objects.none()


def get_report_for_user(user: User, pk: int, *, write: bool = False) -> AnnualReport:
    report = get_object_or_404(reports_visible_to(user), pk=pk)
    if write and not can_write(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูข้อมูลเท่านั้น")
    return report
