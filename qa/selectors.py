"""Reads of the QA app, narrowed to what the given user may see, and the access helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from core import thaidate
from core.models import OfficeProfile
from core.roles import Role, has_role
from schools.models import School
from schools.selectors import school_id_of, schools_visible_to

from .models import (
    EducationLevel,
    ExternalAssessment,
    SarRating,
    SarStatus,
    SarYear,
    SelfAssessmentReport,
    Standard,
    StandardSet,
)

READERS = (Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE, Role.MEMBER)
REVIEWERS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)  # ศึกษานิเทศก์ตรวจ SAR
OFFICE_EDITORS = (Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)  # record paper SARs, external results, deadlines

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def can_review(user: User) -> bool:
    return has_role(user, *REVIEWERS)


def can_manage(user: User) -> bool:
    """Office QA work: deadlines, external assessments, SARs recorded for a school, plan feed."""
    return has_role(user, *OFFICE_EDITORS)


def current_academic_year() -> int:
    return thaidate.academic_year(thaidate.today(), OfficeProfile.get().academic_calendar)


# --- Standards --------------------------------------------------------------


def standard_set_for(education_level: str, academic_year: int) -> StandardSet | None:
    """The revision in force in an academic year: the latest one effective on or before it."""
    return (
        StandardSet.objects.filter(education_level=education_level, effective_from__lte=academic_year)
        .order_by("-effective_from")
        .first()
    )


def standard_sets_for_school(school: School, academic_year: int) -> list[StandardSet]:
    """Early-childhood set for schools with kindergarten classes, basic set for the rest of their levels."""
    levels = []
    if school.level_kindergarten:
        levels.append(EducationLevel.EARLY_CHILDHOOD)
    if school.level_primary or school.level_extended or school.level_secondary or not levels:
        levels.append(EducationLevel.BASIC)
    return [s for level in levels if (s := standard_set_for(level, academic_year))]


def standard_sets_with_tree() -> QuerySet[StandardSet]:
    return StandardSet.objects.prefetch_related(
        Prefetch("standards", queryset=Standard.objects.order_by("order"))
    ).order_by("education_level", "-effective_from")


# --- SARs -------------------------------------------------------------------


def sar_year(academic_year: int) -> SarYear | None:
    return SarYear.objects.filter(academic_year=academic_year).first()


def deadline_passed(academic_year: int) -> bool:
    year = sar_year(academic_year)
    return bool(year and year.deadline and thaidate.today() > year.deadline)


def sars_visible_to(user: User) -> QuerySet[SelfAssessmentReport]:
    qs = SelfAssessmentReport.objects.select_related("school", "school__cluster")
    if has_role(user, *READERS):
        return qs
    school_id = school_id_of(user)
    if school_id:
        return qs.filter(school_id=school_id)
    return qs.none()


def sar_edit_refusal(user: User, sar: SelfAssessmentReport) -> str | None:
    """Why this user may not edit this SAR now (Thai), or None when they may."""
    if sar.status != SarStatus.DRAFT:
        return "รายงานนี้ส่งแล้ว แก้ไขไม่ได้"
    if school_id_of(user) == sar.school_id:
        if deadline_passed(sar.academic_year) and sar.returned_at is None:
            return "เลยกำหนดส่ง SAR ของปีการศึกษานี้แล้ว แก้ไขไม่ได้ กรุณาติดต่อกลุ่มนิเทศฯ"
        return None
    if can_manage(user):
        return None  # office staff key in a school's paper SAR
    return "คุณมีสิทธิ์ดูรายงานนี้เท่านั้น"


def get_sar_for_user(user: User, pk: int, *, write: bool = False) -> SelfAssessmentReport:
    """404 for those who may not know the SAR exists; 403 when they may read but not edit now."""
    sar = get_object_or_404(sars_visible_to(user), pk=pk)
    if write and (reason := sar_edit_refusal(user, sar)):
        raise PermissionDenied(reason)
    return sar


def ratings_of(sar: SelfAssessmentReport) -> list[SarRating]:
    return list(
        sar.ratings.select_related("standard", "standard__standard_set").order_by(
            "standard__standard_set", "standard__order"
        )
    )


def schools_not_submitted(user: User, academic_year: int) -> QuerySet[School]:
    """Active schools (visible to the user) with no submitted or reviewed SAR for the year."""
    done = SelfAssessmentReport.objects.filter(
        academic_year=academic_year, status__in=[SarStatus.SUBMITTED, SarStatus.REVIEWED]
    ).values("school_id")
    return schools_visible_to(user).filter(is_active=True).exclude(pk__in=done).order_by("cluster__name", "name")


# --- External assessment ----------------------------------------------------


def external_visible_to(user: User) -> QuerySet[ExternalAssessment]:
    qs = ExternalAssessment.objects.select_related("school")
    if has_role(user, *READERS):
        return qs
    school_id = school_id_of(user)
    return qs.filter(school_id=school_id) if school_id else qs.none()


def get_external_for_user(user: User, pk: int, *, write: bool = False) -> ExternalAssessment:
    assessment = get_object_or_404(external_visible_to(user), pk=pk)
    if write and not can_manage(user):
        raise PermissionDenied("เฉพาะศึกษานิเทศก์และผู้ดูแลระบบบันทึกผลการประเมินภายนอกได้")
    return assessment


def qa_visits_for_school(user: User, school: School) -> list:
    """The school's supervision visits of type การประกันคุณภาพ that the user may see (no second visit system)."""
    from supervision.models import VisitType
    from supervision.selectors import visits_visible_to

    return list(visits_visible_to(user).filter(school=school, visit_type=VisitType.QA).order_by("-date")[:50])


def annual_report_qa_data(academic_year: int) -> dict:
    """For the committee's annual report (contracts.md): level counts per rated standard,
    how many schools are below ดี on at least one, and how many SARs count."""
    from .synthesis import build

    data = build(academic_year)
    return {
        "standards": [
            {
                "code": s.standard.code,
                "name": s.standard.name,
                "education_level": s.standard.standard_set.get_education_level_display(),
                "levels": s.overall.as_dict(),
            }
            for s in data.standards
        ],
        "below_good": len(data.below_good),
        "sars": data.sars,
    }
