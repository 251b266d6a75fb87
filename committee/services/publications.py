"""Publishing to schools or to everyone, and withdrawing; who published what and when is kept."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core import documents, uploads
from core.models import DocumentJob, JobStatus

from .. import access
from ..models import Audience, Publication, PublicationKind

if TYPE_CHECKING:
    from django.contrib.auth.models import User

ALLOWED = {**uploads.PDF, **uploads.IMAGES, **uploads.OFFICE_DOCUMENTS}


def _from_job(user: User, job: DocumentJob) -> tuple[ContentFile, str]:
    if job.requested_by_id != user.pk or job.status != JobStatus.DONE or not job.result:
        raise ValidationError({"job": "เลือกได้เฉพาะเอกสารที่ระบบสร้างเสร็จแล้วของท่านเอง"})
    if job.kind not in documents.publishable_kinds():  # a register printout may carry secret letters
        label = documents.registered_kinds()[job.kind].label if job.kind in documents.registered_kinds() else job.kind
        raise ValidationError({"job": f"{label} เป็นเอกสารใช้ภายในสำนักงาน เผยแพร่ไม่ได้"})
    with job.result.open("rb") as handle:
        content = ContentFile(handle.read())
    return content, f"{job.title}.pdf"


@transaction.atomic
def publication_publish(
    *, user: User, title: str, kind: str, audience: str, description: str = "", fiscal_year: int | None = None,
    upload: UploadedFile | None = None, job: DocumentJob | None = None, plan=None,  # noqa: ANN001 - AnnualPlan
) -> Publication:  # fmt: skip
    """Publish a file: an upload, or a PDF the system generated (copied in, so it outlives the job)."""
    access.require_publisher(user)
    if kind not in PublicationKind.values or audience not in Audience.values:
        raise ValidationError("กรุณาเลือกประเภทและกลุ่มผู้รับให้ถูกต้อง")
    if (upload is None) == (job is None):
        raise ValidationError({"upload": "กรุณาแนบไฟล์ หรือเลือกเอกสารที่ระบบสร้าง อย่างใดอย่างหนึ่ง"})
    if upload is not None:
        mime = uploads.check_upload(upload, allowed=ALLOWED)
        content, name = upload, upload.name
    else:
        content, name = _from_job(user, job)
        mime = "application/pdf"
    if plan is None and kind == PublicationKind.PLAN and fiscal_year:
        from supervision.models import AnnualPlan

        plan = AnnualPlan.objects.filter(fiscal_year=fiscal_year).first()  # the plan's distribution record
    publication = Publication(
        title=title.strip(), kind=kind, audience=audience, description=description.strip(), fiscal_year=fiscal_year,
        original_name=uploads.original_name(name), mime=mime, plan=plan, source_job=job,
        published_by=user, published_at=timezone.now(),
    )  # fmt: skip
    publication.file.save(Path(name).name, content, save=False)
    publication.full_clean()
    publication.save()
    return publication


@transaction.atomic
def publication_withdraw(*, user: User, publication: Publication, reason: str) -> Publication:
    """Withdraw (ถอนการเผยแพร่): kept and marked, gone from every list and the public page."""
    access.require_publisher(user)
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.is_withdrawn:
        raise ValidationError("เอกสารนี้ถอนการเผยแพร่ไปแล้ว")
    if not reason.strip():
        raise ValidationError({"reason": "กรุณาระบุเหตุผลที่ถอนการเผยแพร่"})
    publication.withdrawn_by, publication.withdrawn_at = user, timezone.now()
    publication.withdraw_reason = reason.strip()[:300]
    publication.save(update_fields=["withdrawn_by", "withdrawn_at", "withdraw_reason"])
    return publication
