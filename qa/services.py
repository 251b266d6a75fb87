"""Writes and workflow steps of the QA app (<noun>_<verb>, keyword-only, atomic)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core import uploads
from schools.models import School

from . import access, plan_feed, selectors
from .models import ExternalAssessment, ExternalResult, SarRating, SarStatus, SarYear, SelfAssessmentReport, Standard

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from supervision.models import AnnualPlan


def check_pdf(upload: UploadedFile | None, *, label: str = "ไฟล์", field: str = "file") -> None:
    """A PDF by its content (not its name), no larger than UPLOAD_MAX_BYTES; the error names the form field."""
    if upload is None:
        return
    try:
        uploads.check_upload(upload, allowed=uploads.PDF, label=label)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


# --- Deadlines --------------------------------------------------------------


@transaction.atomic
def sar_year_set(*, user: User, academic_year: int, deadline: dt.date | None, note: str = "") -> SarYear:
    access.require_manager(user, access.NOT_A_DEADLINE_SETTER)
    year, _ = SarYear.objects.update_or_create(
        academic_year=academic_year, defaults={"deadline": deadline, "note": note}
    )
    return year


# --- Self-assessment reports ------------------------------------------------


@transaction.atomic
def sar_start(*, user: User, school: School, academic_year: int) -> SelfAssessmentReport:
    """Open (or return) the school's SAR for the year, with one empty rating per rated standard."""
    access.require_sar_starter(user, school)
    existing = SelfAssessmentReport.objects.filter(school=school, academic_year=academic_year).first()
    if existing:
        return existing
    if access.is_own_school(user, school.pk) and selectors.deadline_passed(academic_year):
        raise ValidationError("เลยกำหนดส่ง SAR ของปีการศึกษานี้แล้ว กรุณาติดต่อกลุ่มนิเทศฯ")
    sets = selectors.standard_sets_for_school(school, academic_year)
    if not sets:
        raise ValidationError(f"ยังไม่มีชุดมาตรฐานที่ใช้ได้ในปีการศึกษา {academic_year}")
    sar = SelfAssessmentReport.objects.create(school=school, academic_year=academic_year, created_by=user)
    sar.standard_sets.set(sets)
    rated = Standard.objects.filter(standard_set__in=sets, is_rated=True)
    SarRating.objects.bulk_create([SarRating(sar=sar, standard=std) for std in rated])
    return sar


@transaction.atomic
def sar_update(
    *,
    user: User,
    sar: SelfAssessmentReport,
    levels: dict[int, int | None],
    evidence: dict[int, str] | None = None,
    strengths: str = "",
    to_develop: str = "",
    development_plan: str = "",
    file: UploadedFile | None = None,
) -> SelfAssessmentReport:
    """Save a draft: levels and evidence keyed by standard id, the texts, and optionally the PDF."""
    sar = SelfAssessmentReport.objects.select_for_update().get(pk=sar.pk)
    access.require_sar_editor(user, sar)
    check_pdf(file, label="ไฟล์ SAR ")
    evidence = evidence or {}
    for rating in sar.ratings.all():
        sid = rating.standard_id
        if sid in levels or sid in evidence:
            rating.level = levels.get(sid, rating.level)
            rating.evidence = evidence.get(sid, rating.evidence).strip()
            rating.save()
    sar.strengths, sar.to_develop = strengths.strip(), to_develop.strip()
    sar.development_plan = development_plan.strip()
    if file is not None:
        sar.file, sar.original_name = file, uploads.original_name(file.name)
    sar.save()
    return sar


@transaction.atomic
def sar_submit(*, user: User, sar: SelfAssessmentReport) -> SelfAssessmentReport:
    """Send the SAR to the office: every rated standard needs a level, plus strengths, needs and a plan."""
    sar = SelfAssessmentReport.objects.select_for_update().get(pk=sar.pk)
    access.require_sar_editor(user, sar)
    missing = [r.standard.code for r in sar.ratings.select_related("standard") if r.level is None]
    problems = []
    if missing:
        problems.append(f"ยังไม่ได้ระบุระดับคุณภาพของมาตรฐาน {', '.join(missing)}")
    if not sar.strengths.strip():
        problems.append("ยังไม่ได้กรอกจุดเด่น")
    if not sar.to_develop.strip():
        problems.append("ยังไม่ได้กรอกจุดที่ควรพัฒนา")
    if not sar.development_plan.strip():
        problems.append("ยังไม่ได้กรอกแผนพัฒนา")
    if problems:
        raise ValidationError(problems)
    sar.status = SarStatus.SUBMITTED
    sar.submitted_at, sar.submitted_by = timezone.now(), user
    sar.save()
    return sar


@transaction.atomic
def sar_review(*, user: User, sar: SelfAssessmentReport, comment: str) -> SelfAssessmentReport:
    """A supervisor reads a submitted SAR and records comments for the school."""
    access.require_reviewer(user)
    sar = SelfAssessmentReport.objects.select_for_update().get(pk=sar.pk)
    if sar.status == SarStatus.DRAFT:
        raise ValidationError("ตรวจได้เฉพาะรายงานที่สถานศึกษาส่งแล้ว")
    if not comment.strip():
        raise ValidationError("กรุณากรอกความเห็นถึงสถานศึกษา")
    sar.status = SarStatus.REVIEWED
    sar.review_comment = comment.strip()
    sar.reviewed_at, sar.reviewed_by = timezone.now(), user
    sar.save()
    return sar


@transaction.atomic
def sar_return(*, user: User, sar: SelfAssessmentReport, comment: str) -> SelfAssessmentReport:
    """Send a submitted SAR back to the school as a draft to correct (the deadline still applies)."""
    access.require_reviewer(user, "เฉพาะศึกษานิเทศก์ส่งคืน SAR ได้")
    sar = SelfAssessmentReport.objects.select_for_update().get(pk=sar.pk)
    if sar.status != SarStatus.SUBMITTED:
        raise ValidationError("ส่งคืนได้เฉพาะรายงานที่ส่งแล้วและยังไม่ได้ตรวจ")
    if not comment.strip():
        raise ValidationError("กรุณาระบุสิ่งที่ต้องแก้ไข")
    sar.status = SarStatus.DRAFT
    sar.review_comment = comment.strip()
    sar.submitted_at = sar.submitted_by = None
    sar.returned_at = timezone.now()
    sar.save()
    return sar


# --- External assessment (สมศ.) ---------------------------------------------


@transaction.atomic
def external_save(
    *,
    user: User,
    school: School,
    round_name: str,
    assessment_year: int,
    levels: dict[int, int | None],
    assessed_on: dt.date | None = None,
    overall_result: str = "",
    summary: str = "",
    file: UploadedFile | None = None,
    assessment: ExternalAssessment | None = None,
) -> ExternalAssessment:
    """Record (or correct) one ONESQA assessment of a school with its result per standard id."""
    access.require_manager(user, access.NOT_AN_EXTERNAL_EDITOR)
    check_pdf(file, label="ไฟล์รายงาน สมศ. ")
    clash = ExternalAssessment.objects.filter(school=school, round_name=round_name.strip())
    if assessment:
        clash = clash.exclude(pk=assessment.pk)
    if clash.exists():
        raise ValidationError({"round_name": f"{school} มีผลการประเมินภายนอก {round_name} อยู่แล้ว"})
    obj = assessment or ExternalAssessment(recorded_by=user)
    obj.school, obj.round_name, obj.assessment_year = school, round_name.strip(), assessment_year
    obj.assessed_on, obj.overall_result, obj.summary = assessed_on, overall_result.strip(), summary.strip()
    if file is not None:
        obj.file, obj.original_name = file, uploads.original_name(file.name)
    obj.save()
    valid = set(Standard.objects.filter(pk__in=levels, is_rated=True).values_list("pk", flat=True))
    for standard_id, level in levels.items():
        if standard_id in valid:
            ExternalResult.objects.update_or_create(assessment=obj, standard_id=standard_id, defaults={"level": level})
    return obj


# --- Synthesis into the supervision plan ------------------------------------


class PlanFeed(NamedTuple):
    plan: AnnualPlan
    added: int  # priorities added (those already in the plan are not added again)


@transaction.atomic
def synthesis_to_plan(*, user: User, academic_year: int, fiscal_year: int | None = None) -> PlanFeed:
    """Put the year's priority standards, schools and needs into the plan of the fiscal year (seed 004 §5.5)."""
    data = access.get_synthesis_for_user(user, academic_year, write=True)
    if not data.sars:
        raise ValidationError(f"ยังไม่มี SAR ปีการศึกษา {academic_year} ที่ส่งแล้ว จึงยังไม่มีผลการสังเคราะห์")
    from supervision import services as supervision_services

    plan = supervision_services.plan_get_or_create(
        fiscal_year=fiscal_year or plan_feed.next_fiscal_year(academic_year), user=user
    )
    added = supervision_services.plan_add_priorities(plan=plan, items=plan_feed.plan_items(data), user=user)
    return PlanFeed(plan, added)
