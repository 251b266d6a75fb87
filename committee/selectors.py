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
    AgendaPlanLink,
    AnnualReport,
    Attendance,
    Audience,
    BodyKind,
    CommitteeMember,
    DomainInformation,
    FiscalYearTarget,
    Meeting,
    MeetingBody,
    MeetingStatus,
    Publication,
    Resolution,
)  # fmt: skip

if TYPE_CHECKING:
    from django.contrib.auth.models import User


# --- Meeting bodies ---------------------------------------------------------------


def bodies_linked_to(user: User) -> QuerySet[MeetingBody]:
    """Bodies the user is secretary, member (with an account) or named reader of."""
    if not getattr(user, "is_authenticated", False):
        return MeetingBody.objects.none()
    return MeetingBody.objects.filter(Q(secretary=user) | Q(members__user=user) | Q(readers=user)).distinct()


def bodies_writable_by(user: User) -> QuerySet[MeetingBody]:
    """Active bodies whose meetings the user may create and run (the rule itself is access.can_write_body)."""
    if access.has_role(user, access.Role.ADMIN):
        return MeetingBody.objects.filter(is_active=True)
    if not getattr(user, "is_authenticated", False):
        return MeetingBody.objects.none()
    rule = Q(secretary=user)
    if access.has_role(user, access.Role.SECRETARY):
        rule |= Q(kind=BodyKind.KTPN)
    if access.has_role(user, access.Role.CLERK):
        rule |= Q(kind=BodyKind.INTERNAL)
    return MeetingBody.objects.filter(rule, is_active=True)


def bodies_visible_to(user: User) -> QuerySet[MeetingBody]:
    if access.has_role(user, *access.FULL_READERS, *access.PUBLISHED_READERS):
        return MeetingBody.objects.all()
    return bodies_linked_to(user)


def ktpn_body() -> MeetingBody | None:
    """The ก.ต.ป.น. body (the first, if an office ever keeps two)."""
    return MeetingBody.objects.filter(kind=BodyKind.KTPN).order_by("pk").first()


# --- Members ---------------------------------------------------------------------


def _rank_expression() -> Case:
    return Case(*[When(position=p, then=Value(r)) for p, r in POSITION_RANK.items()], output_field=IntegerField())


def members_ordered(qs: QuerySet[CommitteeMember] | None = None) -> QuerySet[CommitteeMember]:
    qs = CommitteeMember.objects.all() if qs is None else qs
    return qs.annotate(rank=_rank_expression()).order_by("rank", "term_start", "pk")


def members_serving_on(day: dt.date, body: MeetingBody | None = None) -> QuerySet[CommitteeMember]:
    """Who serves on a body (every body if None) on a given date (term start ≤ day ≤ term end)."""
    qs = CommitteeMember.objects.filter(term_start__lte=day).filter(Q(term_end__isnull=True) | Q(term_end__gte=day))
    if body is not None:
        qs = qs.filter(body=body)
    return members_ordered(qs)


def members_visible_to(user: User) -> QuerySet[CommitteeMember]:
    if not access.can_read(user):
        return CommitteeMember.objects.none()
    return members_ordered(CommitteeMember.objects.filter(body__in=bodies_visible_to(user)))


# --- Meetings ---------------------------------------------------------------------


def meetings_visible_to(user: User) -> QuerySet[Meeting]:
    """Everything for the secretariat and executives; drafts of the bodies the user runs; otherwise
    published meetings of the bodies the user may read."""
    if access.sees_everything(user):
        qs = Meeting.objects.all()
    elif access.can_read(user):
        qs = Meeting.objects.filter(
            Q(body__in=bodies_writable_by(user))
            | Q(status__in=access.PUBLIC_STATUSES, body__in=bodies_visible_to(user))
        )  # fmt: skip
    else:
        return Meeting.objects.none()
    return qs.select_related("minutes", "body").order_by("-date", "-year", "-number")


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
        return qs.filter(meeting__in=meetings_visible_to(user)).filter(
            Q(meeting__status=MeetingStatus.MINUTES_APPROVED) | Q(meeting__body__in=bodies_writable_by(user))
        )
    return qs.none()


def agenda_tree(meeting: Meeting) -> list[dict]:
    """The five sections, each with its top-level items and their sub-items, in order."""
    from .models import Section

    items = list(
        meeting.items.select_related("previous_meeting", "carried_from__item__meeting", "parent",
                                     "plan_link__plan", "plan_link__project")  # fmt: skip
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


def meetings_target(fiscal_year: int, body: MeetingBody | None = None) -> int:
    """ก.ต.ป.น. (body None): the year's FiscalYearTarget; another body: its own target per fiscal year."""
    if body is not None and body.kind != BodyKind.KTPN:
        return body.meetings_per_year
    target = FiscalYearTarget.objects.filter(fiscal_year=fiscal_year).first()
    if target:
        return target.meetings
    return body.meetings_per_year if body is not None else DEFAULT_MEETINGS_PER_YEAR


def _meetings_of_fiscal_year(fiscal_year: int) -> QuerySet[Meeting]:
    start, end = thaidate.fiscal_year_range(fiscal_year)
    return Meeting.objects.filter(date__range=(start, end)).exclude(status=MeetingStatus.CANCELLED)


def _planned_and_held() -> dict[str, Count]:
    held = Q(status__in=[MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED])
    return {"planned": Count("pk"), "held": Count("pk", filter=held)}


def _progress(fiscal_year: int, body: MeetingBody | None, counts: dict) -> dict:
    target = meetings_target(fiscal_year, body)
    percent = round(100 * counts["held"] / target) if target else 0
    return {"fiscal_year": fiscal_year, "target": target, "planned": counts["planned"], "held": counts["held"],
            "percent": min(percent, 100)}  # fmt: skip


def fiscal_year_progress(fiscal_year: int, body: MeetingBody | None = None) -> dict:
    """Meetings planned and held against the target: of `body`, or of the ก.ต.ป.น. when None."""
    qs = _meetings_of_fiscal_year(fiscal_year)
    qs = qs.filter(body=body) if body is not None else qs.filter(body__kind=BodyKind.KTPN)
    return _progress(fiscal_year, body, qs.aggregate(**_planned_and_held()))


def fiscal_year_progress_by_body(fiscal_year: int, bodies: list[MeetingBody]) -> dict[int, dict]:
    """fiscal_year_progress of each body (keyed by pk), the meetings counted in one query (the body list)."""
    rows = (
        _meetings_of_fiscal_year(fiscal_year).filter(body__in=bodies)
        .values("body").annotate(**_planned_and_held()).order_by()
    )  # fmt: skip
    counts = {row["body"]: row for row in rows}
    return {b.pk: _progress(fiscal_year, b, counts.get(b.pk, {"planned": 0, "held": 0})) for b in bodies}


def resolutions_visible_to(user: User) -> QuerySet[Resolution]:
    qs = Resolution.objects.select_related("item__meeting").prefetch_related("follow_ups")
    if access.sees_everything(user):
        return qs
    if access.can_read(user):
        return qs.filter(item__meeting__in=meetings_visible_to(user)).filter(
            Q(item__meeting__status=MeetingStatus.MINUTES_APPROVED)
            | Q(item__meeting__body__in=bodies_writable_by(user))
        )
    return qs.none()


def open_resolutions(user: User) -> QuerySet[Resolution]:
    return resolutions_visible_to(user).filter(status__in=UNFINISHED)


def next_meeting() -> Meeting | None:
    return (
        Meeting.objects.filter(date__gte=thaidate.today(), status__in=[MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED])
        .select_related("body").order_by("date", "start_time").first()
    )  # fmt: skip


# --- Annual reports ----------------------------------------------------------------


def reports_visible_to(user: User) -> QuerySet[AnnualReport]:
    if access.sees_everything(user):
        return AnnualReport.objects.all()
    if access.can_read(user):
        return AnnualReport.objects.filter(is_published=True)
    return AnnualReport.objects.none()


# --- The information system in four domains ------------------------------------------------


def information_entries(fiscal_year: int) -> dict[str, DomainInformation]:
    """The typed text of a fiscal year's domains, keyed by Domain value (the reader check is the view's)."""
    return {entry.domain: entry for entry in DomainInformation.objects.filter(fiscal_year=fiscal_year)}


def information_years() -> set[int]:
    """The fiscal years for which some domain's text has been saved."""
    return set(DomainInformation.objects.values_list("fiscal_year", flat=True))


# --- Publications and the plan in the cycle -------------------------------------------------


def publications_visible_to(user: User) -> QuerySet[Publication]:
    """Publishers and executives: every publication, withdrawn ones too; office staff: those not withdrawn;
    school staff: those published to schools or to everyone, not withdrawn."""
    qs = Publication.objects.select_related("published_by__profile", "withdrawn_by__profile", "plan")
    if access.sees_withdrawn_publications(user):
        return qs
    if access.is_school_staff_only(user):
        return qs.filter(withdrawn_at__isnull=True, audience__in=[Audience.SCHOOLS, Audience.PUBLIC])
    if access.can_read_publications(user):
        return qs.filter(withdrawn_at__isnull=True)
    return qs.none()


def current_publications_for(user: User) -> QuerySet[Publication]:
    """What the user's lists and home page show: visible and not withdrawn."""
    return publications_visible_to(user).filter(withdrawn_at__isnull=True)


def public_publications() -> QuerySet[Publication]:
    """The office's public page: published to everyone and not withdrawn."""
    return Publication.objects.filter(audience=Audience.PUBLIC, withdrawn_at__isnull=True).order_by("-published_at")


def plan_links_for(user: User, plan_id: int) -> QuerySet[AgendaPlanLink]:
    """Agenda items (of meetings the user sees) that present the plan or one of its projects."""
    items = items_visible_to(user)
    return (
        AgendaPlanLink.objects.filter(plan_id=plan_id, item__in=items)
        .select_related("item__meeting", "item__parent", "project")
        .order_by("item__meeting__date", "item__section", "item__position")
    )  # fmt: skip
