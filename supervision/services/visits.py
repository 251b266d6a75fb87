"""Visit workflow: draft → submitted → approved | returned → acknowledged by the school."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core import thaidate, uploads
from core.roles import Role, UserLike, acting_wording
from core.text import clean_instance
from schools.models import School

from .. import access, notices
from ..models import (
    Activity,
    Evidence,
    FollowUpAction,
    SurveyInvitation,
    Tool,
    ToolItem,
    Visit,
    VisitScore,
    VisitStatus,
    VisitTeacher,
)
from ..models.visits import EDITABLE_STATUSES
from . import score_tally

__all__ = [
    "ALLOWED_EVIDENCE", "evidence_add", "evidence_check", "evidence_delete", "evidence_fields",
    "follow_up_mark_done",
    "visit_acknowledge", "visit_approve", "visit_autosave_raw", "visit_create", "visit_return", "visit_save",
    "visit_submit",
]  # fmt: skip

ALLOWED_EVIDENCE = {
    **uploads.IMAGES, "image/webp": "WEBP", "image/gif": "GIF", "image/heic": "HEIC",
    **uploads.PDF, **uploads.OFFICE_DOCUMENTS, "video/mp4": "วิดีโอ MP4",
}  # fmt: skip


def _lock(visit: Visit) -> Visit:
    return Visit.objects.select_for_update().get(pk=visit.pk)


@transaction.atomic
def visit_create(
    *,
    user: UserLike,
    school: School,
    date: dt.date,
    visit_type: str,
    tool: Tool | None = None,
    team: list | None = None,
    activity: Activity | None = None,
    policy: str = "",
) -> Visit:
    """Start a draft visit; the recording supervisor is always in the team."""
    access.require_visitor(user)
    visit = Visit(
        school=school,
        date=date,
        fiscal_year=thaidate.fiscal_year(date),
        visit_type=visit_type,
        tool=tool,
        activity=activity,
        policy=policy,
        created_by=user,
    )
    visit.full_clean(exclude=["draft_data"])
    visit.save()
    visit.team.set({user, *(team or [])})
    return visit


@transaction.atomic
def visit_save(
    *,
    user: UserLike,
    visit: Visit,
    fields: dict,
    team: list,
    teachers: list[dict],
    scores: dict[int, tuple],
    follow_ups: list[dict],
) -> Visit:
    """Apply a whole, validated visit form; clears the raw autosaved draft."""
    visit = _lock(visit)
    access.require_visit_action(user, visit, "edit")
    before = score_tally.contribution(visit)
    for name, value in fields.items():
        setattr(visit, name, value)
    visit.fiscal_year = thaidate.fiscal_year(visit.date)
    visit.draft_data, visit.draft_saved_at = None, timezone.now()
    visit.save()
    visit.team.set({visit.created_by, *team})
    visit.teachers.all().delete()
    VisitTeacher.objects.bulk_create(clean_instance(VisitTeacher(visit=visit, **t)) for t in teachers)
    visit.follow_ups.filter(done_at__isnull=True).delete()
    FollowUpAction.objects.bulk_create(clean_instance(FollowUpAction(visit=visit, **f)) for f in follow_ups)
    _save_scores(visit, scores)
    score_tally.tally_update(visit, before=before)
    return visit


def _save_scores(visit: Visit, scores: dict[int, tuple]) -> None:
    item_ids = set()
    if visit.tool_id:
        item_ids = set(ToolItem.objects.filter(section__tool_id=visit.tool_id).values_list("id", flat=True))
    visit.scores.exclude(item_id__in=item_ids).delete()
    existing = {s.item_id: s for s in visit.scores.all()}
    for item_id, (value, comment) in scores.items():
        if item_id not in item_ids:
            continue
        score = existing.get(item_id) or VisitScore(visit=visit, item_id=item_id)
        score.value, score.comment = value, comment or ""
        score.save()


@transaction.atomic
def visit_autosave_raw(*, user: UserLike, visit: Visit, raw: dict) -> Visit:
    """Keep what was typed, even if incomplete or invalid, so nothing is lost."""
    visit = _lock(visit)
    access.require_visit_action(user, visit, "edit")
    visit.draft_data = {k: v for k, v in raw.items() if k != "csrfmiddlewaretoken"}
    visit.draft_saved_at = timezone.now()
    visit.save(update_fields=["draft_data", "draft_saved_at"])
    return visit


def _check_complete(visit: Visit) -> None:
    errors = []
    if visit.draft_data:
        errors.append("มีข้อมูลที่พิมพ์ค้างไว้แต่ยังไม่ผ่านการตรวจสอบ กรุณาแก้ไขและกดบันทึกก่อนส่ง")
    if visit.tool_id:
        total = ToolItem.objects.filter(section__tool_id=visit.tool_id).count()
        missing = total - visit.scores.filter(value__isnull=False).count()
        if missing > 0:
            errors.append(f"ยังไม่ได้ให้คะแนนตามเครื่องมืออีก {missing} รายการ")
    if not (visit.strengths.strip() or visit.to_develop.strip() or visit.recommendations.strip()):
        errors.append("กรุณาบันทึกจุดเด่น จุดที่ควรพัฒนา หรือข้อเสนอแนะอย่างน้อยหนึ่งช่อง")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def visit_submit(*, user: UserLike, visit: Visit) -> Visit:
    visit = _lock(visit)
    access.require_visit_action(user, visit, "submit")
    _check_complete(visit)
    before = score_tally.contribution(visit)
    visit.status, visit.submitted_at = VisitStatus.SUBMITTED, timezone.now()
    visit.save()
    score_tally.tally_update(visit, before=before)
    notices.tell_submitted(visit, user)
    return visit


@transaction.atomic
def visit_approve(*, user: UserLike, visit: Visit, comment: str = "") -> Visit:
    access.require_reviewer(user, "approve")
    visit = _lock(visit)
    if visit.status != VisitStatus.SUBMITTED:
        raise ValidationError("อนุมัติได้เฉพาะบันทึกที่ส่งแล้วและรอพิจารณา")
    visit.status, visit.reviewed_by, visit.reviewed_at = VisitStatus.APPROVED, user, timezone.now()
    visit.reviewed_as = acting_wording(user, Role.DIRECTOR)
    visit.review_comment = comment.strip()
    visit.save()
    notices.tell_reviewed(visit, user, approved=True)
    return visit


@transaction.atomic
def visit_return(*, user: UserLike, visit: Visit, comment: str) -> Visit:
    access.require_reviewer(user, "return")
    visit = _lock(visit)
    if visit.status != VisitStatus.SUBMITTED:
        raise ValidationError("ส่งกลับได้เฉพาะบันทึกที่ส่งแล้วและรอพิจารณา")
    if not comment.strip():
        raise ValidationError({"comment": "กรุณาระบุสิ่งที่ต้องแก้ไขเมื่อส่งกลับ"})
    visit.status, visit.reviewed_by, visit.reviewed_at = VisitStatus.RETURNED, user, timezone.now()
    visit.reviewed_as = acting_wording(user, Role.DIRECTOR)
    visit.review_comment = comment.strip()
    visit.save()
    notices.tell_reviewed(visit, user, approved=False)
    return visit


@transaction.atomic
def visit_acknowledge(*, user: UserLike, visit: Visit, note: str = "") -> Visit:
    """The school confirms it has received the visit record; a satisfaction survey is issued."""
    visit = _lock(visit)
    access.require_visit_school(user, visit)
    if visit.status != VisitStatus.APPROVED:
        raise ValidationError("รับทราบได้เฉพาะบันทึกที่ผู้อำนวยการกลุ่มอนุมัติแล้ว")
    visit.status, visit.acknowledged_by, visit.acknowledged_at = VisitStatus.ACKNOWLEDGED, user, timezone.now()
    visit.acknowledge_note = note.strip()
    visit.save()
    SurveyInvitation.objects.get_or_create(visit=visit, defaults={"token": secrets.token_urlsafe(32)})
    return visit


@transaction.atomic
def follow_up_mark_done(*, user: UserLike, action: FollowUpAction, note: str = "") -> FollowUpAction:
    access.require_visit_action(user, action.visit, "follow_up")
    if action.done_at:
        raise ValidationError("บันทึกผลการติดตามรายการนี้แล้ว")
    action.done_at, action.done_note = timezone.now(), note.strip()[:500]
    action.save(update_fields=["done_at", "done_note"])
    return action


def evidence_check(upload: UploadedFile) -> str:
    """The content type of an upload judged by its bytes; ValidationError (Thai) if refused."""
    return uploads.check_upload(upload, allowed=ALLOWED_EVIDENCE)


def evidence_fields(*, user: UserLike, upload: UploadedFile, caption: str = "", mime: str = "") -> dict:
    """The fields every kind of evidence row shares (a visit's, a group event's); the upload is checked by
    its bytes unless its `mime` already was."""
    return {
        "file": upload,
        "original_name": uploads.original_name(upload.name),
        "content_type": mime or evidence_check(upload),
        "size": upload.size,
        "caption": caption.strip()[:300],
        "uploaded_by": user,
    }


@transaction.atomic
def evidence_add(*, user: UserLike, visit: Visit, upload: UploadedFile, caption: str = "") -> Evidence:
    access.require_visit_action(user, visit, "edit", "แนบหลักฐานได้เฉพาะร่างของตนเองหรือของคณะ")
    return Evidence.objects.create(visit=visit, **evidence_fields(user=user, upload=upload, caption=caption))


@transaction.atomic
def evidence_delete(*, user: UserLike, evidence: Evidence) -> None:
    access.require_visit_action(user, evidence.visit, "edit", "ลบหลักฐานได้เฉพาะร่างของตนเองหรือของคณะ")
    if evidence.visit.status not in EDITABLE_STATUSES:
        raise ValidationError("ลบหลักฐานได้เฉพาะบันทึกที่ยังเป็นร่าง")
    evidence.file.delete(save=False)
    evidence.delete()
