"""Steps taken on several things at once: the director's bulk approval, several photos in one upload."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from core.roles import UserLike

from .. import access
from ..models import Evidence, Visit, VisitStatus
from .visits import evidence_check, evidence_fields, visit_approve

MAX_PHOTOS_AT_ONCE = 20


@transaction.atomic
def visits_approve_many(*, user: UserLike, visits: Iterable[Visit], comment: str = "") -> list[Visit]:
    """Approve every visit of `visits` still waiting for a decision (ส่งแล้ว รอพิจารณา); the others
    are left as they are. Only the group director approves (PermissionDenied otherwise)."""
    access.require_reviewer(user, "approve")
    return [
        visit_approve(user=user, visit=visit, comment=comment)
        for visit in visits
        if visit.status == VisitStatus.SUBMITTED
    ]


def _captions(count: int, captions: Sequence[str]) -> list[str]:
    """One caption per file; a single caption typed for several photos goes with each of them."""
    captions = [str(c or "").strip() for c in captions]
    if len(captions) == 1 and count > 1:
        return captions * count
    return [captions[i] if i < len(captions) else "" for i in range(count)]


@transaction.atomic
def evidence_add_many(
    *, user: UserLike, visit: Visit, files: Sequence[UploadedFile], captions: Sequence[str] = ()
) -> list[Evidence]:
    """Several photos or files at once, each with its caption; nothing is stored if one is refused."""
    if not files:
        raise ValidationError("กรุณาเลือกไฟล์ที่จะแนบ")
    if len(files) > MAX_PHOTOS_AT_ONCE:
        raise ValidationError(f"แนบได้ครั้งละไม่เกิน {MAX_PHOTOS_AT_ONCE} ไฟล์")
    access.require_visit_action(user, visit, "edit", "แนบหลักฐานได้เฉพาะร่างของตนเองหรือของคณะ")
    mimes = [evidence_check(upload) for upload in files]  # refuse the batch (naming the file) before storing any
    return [
        Evidence.objects.create(visit=visit, **evidence_fields(user=user, upload=upload, caption=caption, mime=mime))
        for upload, caption, mime in zip(files, _captions(len(files), captions), mimes, strict=True)
    ]
