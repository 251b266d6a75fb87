"""Reads of the QA app, narrowed to what the given user may see (the rules themselves are in access.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet

from core import thaidate
from core.models import OfficeProfile
from schools.models import School
from schools.selectors import schools_visible_to

from . import access
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

if TYPE_CHECKING:
    from django.contrib.auth.models import User


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


def _narrowed(qs: QuerySet, user: User) -> QuerySet:
    """Every school's rows for readers, the own school's for school staff, nothing for anyone else."""
    if access.can_read(user):
        return qs
    school_id = access.own_school_id(user)
    return qs.filter(school_id=school_id) if school_id else qs.none()


def sars_visible_to(user: User) -> QuerySet[SelfAssessmentReport]:
    return _narrowed(SelfAssessmentReport.objects.select_related("school", "school__cluster"), user)


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
    return _narrowed(ExternalAssessment.objects.select_related("school"), user)


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


def sar_status_counts(user: User, academic_year: int) -> dict[str, int]:
    """How many of the year's SARs the user may see are draft, submitted and reviewed."""
    return (
        sars_visible_to(user)
        .filter(academic_year=academic_year)
        .aggregate(
            draft=Count("pk", filter=Q(status=SarStatus.DRAFT)),
            submitted=Count("pk", filter=Q(status=SarStatus.SUBMITTED)),
            reviewed=Count("pk", filter=Q(status=SarStatus.REVIEWED)),
        )
    )


def sars_search(user: User, academic_year: int, *, status: str = "", q: str = "") -> QuerySet[SelfAssessmentReport]:
    """The SAR list: the year's SARs the user may see, by status and school name or code, by cluster."""
    qs = sars_visible_to(user).filter(academic_year=academic_year)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(school__name__icontains=q) | Q(school__code=q))
    return qs.order_by("school__cluster__name", "school__name")
