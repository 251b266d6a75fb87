"""Who may see and do what with a visit, and the visit lists built on that."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from core import thaidate
from core.roles import Role, has_role
from schools.selectors import school_id_of

from ..models import FollowUpAction, Visit, VisitStatus
from ..models.visits import EDITABLE_STATUSES, FINAL_STATUSES

__all__ = [
    "FULL_READERS", "FINAL_READERS", "due_follow_ups", "get_visit_for_user", "is_on_team", "visit_actions",
    "visit_score_sections", "visits_filtered", "visits_visible_to",
]  # fmt: skip

FULL_READERS = (Role.ADMIN, Role.DIRECTOR)
# Read-only roles see a visit once the group director has approved it.
FINAL_READERS = (Role.EXECUTIVE, Role.MEMBER)


def visits_visible_to(user) -> QuerySet[Visit]:  # noqa: ANN001
    """Director/admin: all; supervisors: all but other people's drafts; executives and committee
    members: approved ones; school staff: their own school's approved ones; others: none."""
    qs = Visit.objects.select_related("school__cluster", "created_by__profile", "tool")
    if has_role(user, *FULL_READERS):
        return qs
    if has_role(user, Role.SUPERVISOR, Role.SECRETARY):
        mine = Q(created_by=user) | Q(team=user)
        own_drafts = Visit.objects.filter(mine, status=VisitStatus.DRAFT).values("pk")
        return qs.filter(~Q(status=VisitStatus.DRAFT) | Q(pk__in=own_drafts))
    if has_role(user, *FINAL_READERS):
        return qs.filter(status__in=FINAL_STATUSES)
    if school_id := school_id_of(user):
        return qs.filter(school_id=school_id, status__in=FINAL_STATUSES)
    return qs.none()


def is_on_team(user, visit: Visit) -> bool:  # noqa: ANN001
    if visit.created_by_id == user.pk:
        return True
    cache = getattr(visit, "_prefetched_objects_cache", {})
    if "team" in cache:
        return any(member.pk == user.pk for member in cache["team"])
    return visit.team.filter(pk=user.pk).exists()


def visit_actions(user, visit: Visit) -> set[str]:  # noqa: ANN001
    """What `user` may do with `visit` now: edit, submit, approve, return, acknowledge, follow_up."""
    actions: set[str] = set()
    supervisor = has_role(user, Role.SUPERVISOR, Role.DIRECTOR)
    team = supervisor and is_on_team(user, visit)
    if team and visit.status in EDITABLE_STATUSES:
        actions |= {"edit", "submit"}
    if visit.status == VisitStatus.SUBMITTED and has_role(user, Role.DIRECTOR):
        actions |= {"approve", "return"}
    if visit.status == VisitStatus.APPROVED and school_id_of(user) == visit.school_id:
        actions.add("acknowledge")
    if team and visit.status in FINAL_STATUSES:
        actions.add("follow_up")
    return actions


def get_visit_for_user(user, pk: int, *, write: bool = False) -> Visit:  # noqa: ANN001
    """404 if the user may not know the visit exists; 403 if they may read but not edit it."""
    visit = get_object_or_404(visits_visible_to(user).prefetch_related("team"), pk=pk)
    if write and "edit" not in visit_actions(user, visit):
        raise PermissionDenied("แก้ไขได้เฉพาะร่างของตนเองหรือของคณะที่ตนร่วมนิเทศ")
    return visit


def due_follow_ups(user, *, within_days: int = 14) -> QuerySet[FollowUpAction]:  # noqa: ANN001
    """Open follow-up actions of the user's visits due within `within_days` (or overdue)."""
    horizon = thaidate.today() + dt.timedelta(days=within_days)
    return (
        FollowUpAction.objects.filter(done_at__isnull=True, due_date__lte=horizon)
        .filter(Q(visit__created_by=user) | Q(visit__team=user))
        .exclude(visit__status__in=EDITABLE_STATUSES)
        .select_related("visit__school")
        .distinct()
        .order_by("due_date", "id")
    )


def visit_score_sections(visit: Visit) -> list[dict]:
    """The tool's sections with each item's score and comment, and section/overall averages."""
    if not visit.tool_id:
        return []
    scores = {s.item_id: s for s in visit.scores.all()}
    sections = []
    for section in visit.tool.sections.prefetch_related("items"):
        rows = [(item, scores.get(item.pk)) for item in section.items.all()]
        values = [s.value for _, s in rows if s and s.value is not None]
        sections.append(
            {"section": section, "rows": rows, "average": round(sum(values) / len(values), 2) if values else None}
        )
    return sections


def visits_filtered(user, params: Mapping[str, str], *, default_year: int) -> tuple[QuerySet[Visit], str]:  # noqa: ANN001
    """The visits the list shows for these query parameters (year, status, mine, type, q),
    narrowed to what the user may see; the Excel export uses the same rows."""
    qs = visits_visible_to(user)
    year = params.get("year") or str(default_year)
    if year.isdigit():
        qs = qs.filter(fiscal_year=int(year))
    if status := params.get("status"):
        qs = qs.filter(status=status)
    if params.get("mine"):
        qs = qs.filter(team=user).distinct()
    if vtype := params.get("type"):
        qs = qs.filter(visit_type=vtype)
    if q := params.get("q", "").strip():
        qs = qs.filter(school__name__icontains=q)
    return qs, year
