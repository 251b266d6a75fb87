"""Who may do what in the QA app: every rule of the app, in one place.

Office staff and the committee (READERS) read every school's QA data: SARs, ONESQA (สมศ.) results and
the district synthesis. School staff read their own school's SARs and ONESQA results only, and write
their own school's SAR while it is a draft (before the deadline, unless the office returned it).
Supervisors, the group director and the administrator (MANAGERS) set deadlines, record ONESQA results,
key in a school's paper SAR and feed the synthesis into the supervision plan; REVIEWERS review SARs.
A record the user may not know of is a 404; a user who may read it but not do this gets a 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.roles import Role, UserLike, has_role
from schools import access as schools_access
from schools.selectors import school_id_of

from . import selectors
from .models import ExternalAssessment, SarRating, SarStatus, SelfAssessmentReport
from .synthesis import Synthesis, build

if TYPE_CHECKING:
    from schools.models import School

READERS = (Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER)
REVIEWERS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)  # ศึกษานิเทศก์ตรวจ SAR
MANAGERS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)  # deadlines, paper SARs, ONESQA results
PLAN_FEEDERS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)  # synthesis → next year's supervision plan

NOT_A_READER = "หน้านี้สำหรับบุคลากรของสำนักงานและคณะกรรมการ ก.ต.ป.น."
NOT_A_MANAGER = "เฉพาะศึกษานิเทศก์ ผู้อำนวยการกลุ่ม และผู้ดูแลระบบทำรายการนี้ได้"
NOT_A_DEADLINE_SETTER = "เฉพาะศึกษานิเทศก์ ผู้อำนวยการกลุ่ม และผู้ดูแลระบบกำหนดวันส่ง SAR ได้"
NOT_A_REVIEWER = "เฉพาะศึกษานิเทศก์ตรวจ SAR ได้"
NOT_A_PLAN_FEEDER = "เฉพาะผู้อำนวยการกลุ่มและศึกษานิเทศก์ส่งผลการสังเคราะห์เข้าแผนนิเทศได้"
NOT_AN_EXTERNAL_EDITOR = "เฉพาะศึกษานิเทศก์และผู้ดูแลระบบบันทึกผลการประเมินภายนอกได้"
NOT_OWN_SCHOOL = "คุณจัดทำ SAR ได้เฉพาะของสถานศึกษาของคุณ"


# --- Roles ------------------------------------------------------------------


def can_read(user: UserLike) -> bool:
    """Every school's QA data: the office pages, the synthesis, every SAR and ONESQA result."""
    return has_role(user, *READERS)


def require_reader(user: UserLike) -> None:
    if not can_read(user):
        raise PermissionDenied(NOT_A_READER)


def own_school_id(user: UserLike) -> int | None:
    """The school of a school-staff login (whose QA data it reads); None for office and committee logins."""
    return None if can_read(user) else school_id_of(user)


def can_open(user: UserLike) -> bool:
    """The QA menu: readers, and school staff (their own school's QA page)."""
    return can_read(user) or own_school_id(user) is not None


def is_own_school(user: UserLike, school_id: int) -> bool:
    """A school-staff login of this school (their SAR, their deadline)."""
    return school_id is not None and own_school_id(user) == school_id


def can_read_school(user: UserLike, school: School) -> bool:
    """The QA data of this one school: readers see every school, school staff their own."""
    return can_read(user) or is_own_school(user, school.pk)


def can_manage(user: UserLike) -> bool:
    """Office QA work: deadlines, ONESQA results, SARs recorded for a school."""
    return has_role(user, *MANAGERS)


def require_manager(user: UserLike, message: str = NOT_A_MANAGER) -> None:
    if not can_manage(user):
        raise PermissionDenied(message)


def can_review(user: UserLike) -> bool:
    return has_role(user, *REVIEWERS)


def require_reviewer(user: UserLike, message: str = NOT_A_REVIEWER) -> None:
    if not can_review(user):
        raise PermissionDenied(message)


def can_feed_plan(user: UserLike) -> bool:
    return has_role(user, *PLAN_FEEDERS)


def require_plan_feeder(user: UserLike) -> None:
    if not can_feed_plan(user):
        raise PermissionDenied(NOT_A_PLAN_FEEDER)


# --- A school's QA page ------------------------------------------------------


def get_school_for_user(user: UserLike, pk: int) -> School:
    """A school whose QA data the user may see: 404 for any other (school staff do not learn of it)."""
    school = schools_access.get_school_for_user(user, pk)
    if not can_read_school(user, school):
        raise Http404("ไม่พบสถานศึกษา")
    return school


# --- SARs -------------------------------------------------------------------


def can_start_sar(user: UserLike, school: School) -> bool:
    """School staff open their own school's SAR; office QA staff key in one for any school."""
    return can_manage(user) or is_own_school(user, school.pk)


def can_start_any_sar(user: UserLike) -> bool:
    """Whether the user may open some school's SAR (the start page); which school is can_start_sar's."""
    return can_manage(user) or own_school_id(user) is not None


def require_sar_starter(user: UserLike, school: School | None = None) -> None:
    """With a school: may open that school's SAR. Without: may open some school's SAR (the start page)."""
    if school is None and not can_start_any_sar(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์จัดทำ SAR")
    if school is not None and not can_start_sar(user, school):
        raise PermissionDenied(NOT_OWN_SCHOOL)


def sar_edit_refusal(user: UserLike, sar: SelfAssessmentReport) -> str | None:
    """Why this user may not edit this SAR now (Thai), or None when they may."""
    if sar.status != SarStatus.DRAFT:
        return "รายงานนี้ส่งแล้ว แก้ไขไม่ได้"
    if is_own_school(user, sar.school_id):
        if selectors.deadline_passed(sar.academic_year) and sar.returned_at is None:
            return "เลยกำหนดส่ง SAR ของปีการศึกษานี้แล้ว แก้ไขไม่ได้ กรุณาติดต่อกลุ่มนิเทศฯ"
        return None
    if can_manage(user):
        return None  # office staff key in a school's paper SAR
    return "คุณมีสิทธิ์ดูรายงานนี้เท่านั้น"


def require_sar_editor(user: UserLike, sar: SelfAssessmentReport) -> None:
    if reason := sar_edit_refusal(user, sar):
        raise PermissionDenied(reason)


def sar_actions(user: UserLike, sar: SelfAssessmentReport) -> dict[str, object]:
    """Which buttons the SAR page shows this user; `edit_refusal` says why editing is closed (Thai)."""
    refusal = sar_edit_refusal(user, sar)
    reviewer = can_review(user)
    return {
        "edit": refusal is None,
        "edit_refusal": refusal,
        "review": reviewer and sar.status != SarStatus.DRAFT,
        "send_back": reviewer and sar.status == SarStatus.SUBMITTED,  # ส่งคืนให้แก้ไข
        "file": bool(sar.file),
    }


def get_sar_for_user(user: UserLike, pk: int, *, write: bool = False) -> SelfAssessmentReport:
    """404 for those who may not know the SAR exists; 403 when they may read but not edit it now."""
    sar = get_object_or_404(selectors.sars_visible_to(user), pk=pk)
    if write:
        require_sar_editor(user, sar)
    return sar


def get_sar_rating_for_user(user: UserLike, pk: int, *, write: bool = False) -> SarRating:
    """One standard's level and evidence (หลักฐาน) of a SAR: the SAR's own rule, 404 or 403 alike."""
    rating = get_object_or_404(
        SarRating.objects.select_related("sar", "standard").filter(sar__in=selectors.sars_visible_to(user)), pk=pk
    )
    if write:
        require_sar_editor(user, rating.sar)
    return rating


# --- External assessment (สมศ.) ---------------------------------------------


def get_external_for_user(user: UserLike, pk: int, *, write: bool = False) -> ExternalAssessment:
    assessment = get_object_or_404(selectors.external_visible_to(user), pk=pk)
    if write:
        require_manager(user, NOT_AN_EXTERNAL_EDITOR)
    return assessment


# --- District synthesis -----------------------------------------------------


def get_synthesis_for_user(user: UserLike, academic_year: int, *, write: bool = False) -> Synthesis:
    """The year's synthesis for readers (403 for the rest); write=True: feeding it into the plan."""
    if write:
        require_plan_feeder(user)  # every plan feeder is a reader
    else:
        require_reader(user)
    return build(academic_year)
