"""Who may do what in the supervision app: every rule of visits, plans, tools and dashboards, in one place.

- The app is read by anyone with a role (`can_read`); what each reads is narrowed by the selectors'
  `…_visible_to(user)` querysets, which ask the predicates below.
- Visits: the director and the administrator see all; supervisors and the secretary all but other
  people's drafts; executives and committee members approved ones; school staff their own school's
  approved ones. The visit team edits and submits, the director approves or returns, the school acknowledges.
- Plans: every office and committee role reads; supervisors, the director and the administrator edit.
- Tools: office staff read; supervisors, the director and the administrator edit.
An object the user may not know of is a 404 (`get_<thing>_for_user`); a reader who tries to change it gets a 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.roles import Role, UserLike, has_role
from schools.selectors import school_id_of

from . import selectors
from .models import (
    Activity,
    AnnualPlan,
    EventEvidence,
    EventStatus,
    Evidence,
    FollowUpAction,
    GroupEvent,
    PhaseNote,
    Project,
    SchoolGroup,
    Spending,
    Tool,
    Visit,
    VisitStatus,
)
from .models.visits import EDITABLE_STATUSES, FINAL_STATUSES

READERS = tuple(Role)  # every role reads something here; a login without a role reads nothing
# Visits
VISITORS = (Role.SUPERVISOR, Role.DIRECTOR)  # record visits and sit on visit teams
REVIEWERS = (Role.DIRECTOR,)  # approve or return a submitted visit
ALL_VISITS = (Role.ADMIN, Role.DIRECTOR)
NON_DRAFT_VISITS = (Role.SUPERVISOR, Role.SECRETARY)  # plus their own drafts
FINAL_VISITS = (Role.EXECUTIVE, Role.MEMBER)  # once the group director has approved
SURVEY_LINK_READERS = (Role.DIRECTOR, Role.ADMIN)  # plus the visit team and the school's staff
SUMMARY_READERS = (Role.DIRECTOR, Role.ADMIN)  # any supervisor's fiscal-year summary
# Plans, dashboards, tools
PLAN_READERS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER, Role.CLERK)
PLAN_EDITORS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)
DASHBOARD_READERS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER)
TOOL_READERS = (Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE)  # office staff
TOOL_EDITORS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)


# --- The app ---------------------------------------------------------------------------------


def can_read(user: UserLike) -> bool:
    return has_role(user, *READERS)


def require_reader(user: UserLike) -> None:
    if not can_read(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ใช้งานระบบนิเทศ")


def is_school_staff(user: UserLike) -> bool:
    """A school login (school staff land on the visit list: the hub is for supervisors)."""
    return has_role(user, Role.SCHOOL) and not can_create_visits(user)


# --- Visits ----------------------------------------------------------------------------------


def sees_every_visit(user: UserLike) -> bool:
    return has_role(user, *ALL_VISITS)


def sees_submitted_visits(user: UserLike) -> bool:
    """Every visit once it leaves its author's drafts, and the user's own drafts."""
    return has_role(user, *NON_DRAFT_VISITS)


def sees_final_visits(user: UserLike) -> bool:
    return has_role(user, *FINAL_VISITS)


def can_create_visits(user: UserLike) -> bool:
    return has_role(user, *VISITORS)


def require_visitor(user: UserLike) -> None:
    if not can_create_visits(user):
        raise PermissionDenied("เฉพาะศึกษานิเทศก์บันทึกการนิเทศได้")


def can_review_visits(user: UserLike) -> bool:
    return has_role(user, *REVIEWERS)


def is_on_team(user: UserLike, visit: Visit) -> bool:
    if visit.created_by_id == user.pk:
        return True
    cache = getattr(visit, "_prefetched_objects_cache", {})
    if "team" in cache:
        return any(member.pk == user.pk for member in cache["team"])
    return visit.team.filter(pk=user.pk).exists()


def is_visit_school(user: UserLike, visit: Visit) -> bool:
    return school_id_of(user) == visit.school_id


def visit_actions(user: UserLike, visit: Visit) -> set[str]:
    """What `user` may do with `visit` now: edit, submit, approve, return, acknowledge, follow_up."""
    actions: set[str] = set()
    team = can_create_visits(user) and is_on_team(user, visit)
    if team and visit.status in EDITABLE_STATUSES:
        actions |= {"edit", "submit"}
    if visit.status == VisitStatus.SUBMITTED and can_review_visits(user):
        actions |= {"approve", "return"}
    if visit.status == VisitStatus.APPROVED and is_visit_school(user, visit):
        actions.add("acknowledge")
    if team and visit.status in FINAL_STATUSES:
        actions.add("follow_up")
    return actions


EDIT_DENIED = "แก้ไขได้เฉพาะร่างของตนเองหรือของคณะที่ตนร่วมนิเทศ"
# The refusal of each action; "approve", "return" and "acknowledge" go by role (the service checks
# the visit's status after), the team's actions by role and status at once.
ACTION_DENIED = {
    "edit": EDIT_DENIED,
    "submit": "ส่งได้เฉพาะร่างของตนเองหรือของคณะที่ตนร่วมนิเทศ",
    "approve": "เฉพาะผู้อำนวยการกลุ่มนิเทศฯ อนุมัติบันทึกการนิเทศได้",
    "return": "เฉพาะผู้อำนวยการกลุ่มนิเทศฯ ส่งกลับบันทึกการนิเทศได้",
    "acknowledge": "เฉพาะบุคลากรของสถานศึกษาที่รับการนิเทศรับทราบได้",
    "follow_up": "เฉพาะคณะผู้นิเทศบันทึกผลการติดตามได้",
}


def require_visit_action(user: UserLike, visit: Visit, action: str, message: str = "") -> None:
    if action not in visit_actions(user, visit):
        raise PermissionDenied(message or ACTION_DENIED[action])


def require_reviewer(user: UserLike, action: str) -> None:
    """Approve or return: the group director's, whatever state the visit is in."""
    if not can_review_visits(user):
        raise PermissionDenied(ACTION_DENIED[action])


def require_visit_school(user: UserLike, visit: Visit) -> None:
    if not is_visit_school(user, visit):
        raise PermissionDenied(ACTION_DENIED["acknowledge"])


def can_see_survey_link(user: UserLike, visit: Visit) -> bool:
    """The survey link is for the school's staff, the visit team, the director and the administrator."""
    return is_visit_school(user, visit) or has_role(user, *SURVEY_LINK_READERS) or is_on_team(user, visit)


def can_request_summary(user: UserLike, person_id: int) -> bool:
    """A supervisor's own fiscal-year summary; the director and the administrator anyone's."""
    return (person_id == user.pk and can_create_visits(user)) or has_role(user, *SUMMARY_READERS)


def can_read_visit(user: UserLike, pk: object) -> bool:
    return selectors.visits_visible_to(user).filter(pk=pk).exists()


def get_visit_for_user(user: UserLike, pk: int, *, write: bool = False) -> Visit:
    """404 if the user may not know the visit exists; 403 if they may read but not edit it."""
    visit = get_object_or_404(selectors.visits_visible_to(user).prefetch_related("team"), pk=pk)
    if write:
        require_visit_action(user, visit, "edit")
    return visit


def get_evidence_for_user(user: UserLike, pk: int, *, write: bool = False) -> Evidence:
    """Evidence follows its visit: read with the visit, changed by whoever may edit the visit."""
    evidence = get_object_or_404(selectors.evidence_visible_to(user), pk=pk)
    if write:
        require_visit_action(user, evidence.visit, "edit")
    return evidence


def get_follow_up_for_user(user: UserLike, pk: int, *, write: bool = False) -> FollowUpAction:
    """A follow-up follows its visit; marking it done is the visit team's, once the visit is approved."""
    action = get_object_or_404(selectors.follow_ups_visible_to(user), pk=pk)
    if write:
        require_visit_action(user, action.visit, "follow_up")
    return action


# --- Plans -----------------------------------------------------------------------------------


def can_read_plans(user: UserLike) -> bool:
    return has_role(user, *PLAN_READERS)


def require_plan_reader(user: UserLike) -> None:
    if not can_read_plans(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูแผนนิเทศ")


def can_edit_plans(user: UserLike) -> bool:
    return has_role(user, *PLAN_EDITORS)


def require_plan_editor(user: UserLike) -> None:
    if not can_edit_plans(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น")


def get_plan_for_user(user: UserLike, fiscal_year: int, *, write: bool = False) -> AnnualPlan:
    plan = get_object_or_404(selectors.plans_visible_to(user), fiscal_year=fiscal_year)
    if write:
        require_plan_editor(user)
    return plan


def get_project_for_user(user: UserLike, pk: int, *, write: bool = False) -> Project:
    project = get_object_or_404(selectors.projects_visible_to(user), pk=pk)
    if write:
        require_plan_editor(user)
    return project


def get_activity_for_user(user: UserLike, pk: int, *, write: bool = False) -> Activity:
    activity = get_object_or_404(selectors.activities_visible_to(user), pk=pk)
    if write:
        require_plan_editor(user)
    return activity


def get_spending_for_user(user: UserLike, pk: int, *, write: bool = False) -> Spending:
    spending = get_object_or_404(selectors.spendings_visible_to(user), pk=pk)
    if write:
        require_plan_editor(user)
    return spending


def get_phase_note_for_user(user: UserLike, pk: int, *, write: bool = False) -> PhaseNote:
    """A PDCA note (บันทึกตามวงจร PDCA) follows its project."""
    note = get_object_or_404(selectors.phase_notes_visible_to(user), pk=pk)
    if write:
        require_plan_editor(user)
    return note


def get_school_group_for_user(user: UserLike, pk: int, *, write: bool = False) -> SchoolGroup:
    group = get_object_or_404(selectors.school_groups_visible_to(user), pk=pk)
    if write:
        require_plan_editor(user)
    return group


# --- Dashboards and tools --------------------------------------------------------------------


def can_read_dashboards(user: UserLike) -> bool:
    return has_role(user, *DASHBOARD_READERS)


def require_dashboard_reader(user: UserLike) -> None:
    if not can_read_dashboards(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูแดชบอร์ด")


def can_read_tools(user: UserLike) -> bool:
    return has_role(user, *TOOL_READERS)


def require_tool_reader(user: UserLike) -> None:
    if not can_read_tools(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูเครื่องมือนิเทศ")


def can_edit_tools(user: UserLike) -> bool:
    return has_role(user, *TOOL_EDITORS)


def require_tool_editor(user: UserLike) -> None:
    if not can_edit_tools(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขเครื่องมือนิเทศ")


def get_tool_for_user(user: UserLike, pk: int, *, write: bool = False) -> Tool:
    """Tools are not secret to office staff; others (committee members, schools) get a 403 before the lookup."""
    require_tool_reader(user)
    tool = get_object_or_404(selectors.tools_visible_to(user), pk=pk)
    if write:
        require_tool_editor(user)
    return tool


# --- Summaries to print, registers of networks and good practice (issue 16) ----------------------


def can_print_any_summary(user: UserLike) -> bool:
    """The director and the administrator print any supervisor's summary of any year."""
    return has_role(user, *SUMMARY_READERS)


def require_summary_chooser(user: UserLike) -> None:
    if not (can_create_visits(user) or can_print_any_summary(user)):
        raise PermissionDenied("เฉพาะศึกษานิเทศก์และผู้อำนวยการกลุ่มพิมพ์สรุปผลการนิเทศได้")


REGISTER_READERS = PLAN_READERS  # office and committee roles; schools do not know the registers
REGISTER_EDITORS = PLAN_EDITORS


def can_read_registers(user: UserLike) -> bool:
    return has_role(user, *REGISTER_READERS)


def require_register_reader(user: UserLike) -> None:
    """School staff (and a login without a role) are told nothing exists: 404."""
    if not can_read_registers(user):
        raise Http404("ไม่พบทะเบียนนี้")


def can_edit_registers(user: UserLike) -> bool:
    return has_role(user, *REGISTER_EDITORS)


def require_register_editor(user: UserLike) -> None:
    if not can_edit_registers(user):
        raise PermissionDenied("คุณมีสิทธิ์ดูทะเบียนเท่านั้น")


def get_register_record_for_user(user: UserLike, model: type, pk: int, *, write: bool = False) -> object:
    """A network, good practice or study record: 404 for those who may not know it, 403 for readers who write."""
    require_register_reader(user)
    record = get_object_or_404(model.objects.all(), pk=pk)
    if write:
        require_register_editor(user)
    return record


# --- Group events and the office's visit/event types (issue 16) ------------------------------
# Group events (กิจกรรมกลุ่ม) are read like plans; a draft only by its recorder, its people, the director and
# the administrator. Supervisors and the director record them; the office's type lists are edited by the
# director and the administrator.
EVENT_RECORDERS = (Role.SUPERVISOR, Role.DIRECTOR)
ALL_EVENTS = (Role.ADMIN, Role.DIRECTOR)
TYPE_EDITORS = (Role.ADMIN, Role.DIRECTOR)


def can_record_events(user: UserLike) -> bool:
    return has_role(user, *EVENT_RECORDERS)


def sees_every_event(user: UserLike) -> bool:
    return has_role(user, *ALL_EVENTS)


def require_event_recorder(user: UserLike) -> None:
    if not can_record_events(user):
        raise PermissionDenied("บันทึกกิจกรรมกลุ่มได้เฉพาะศึกษานิเทศก์และผู้อำนวยการกลุ่ม")


def can_edit_event(user: UserLike, event: GroupEvent) -> bool:
    """The recorder, the event's people and the director or administrator; a cancelled event is closed."""
    if event.status == EventStatus.CANCELLED:
        return False
    if sees_every_event(user):
        return True
    return can_record_events(user) and (
        event.created_by_id == getattr(user, "pk", None) or event.people.filter(pk=user.pk).exists()
    )


def get_event_for_user(user: UserLike, pk: int, *, write: bool = False) -> GroupEvent:
    event = get_object_or_404(selectors.events_visible_to(user), pk=pk)
    if write and not can_edit_event(user, event):
        raise PermissionDenied("คุณแก้ไขกิจกรรมกลุ่มนี้ไม่ได้")
    return event


def get_event_evidence_for_user(user: UserLike, pk: int, *, write: bool = False) -> EventEvidence:
    evidence = get_object_or_404(EventEvidence.objects.select_related("event"), pk=pk)
    get_event_for_user(user, evidence.event_id, write=write)
    return evidence


def can_edit_types(user: UserLike) -> bool:
    return has_role(user, *TYPE_EDITORS)


def require_type_reader(user: UserLike) -> None:
    if not can_read_plans(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูประเภทการนิเทศ")


def require_type_editor(user: UserLike) -> None:
    if not can_edit_types(user):
        raise PermissionDenied("แก้ไขประเภทการนิเทศได้เฉพาะผู้อำนวยการกลุ่มและผู้ดูแลระบบ")
