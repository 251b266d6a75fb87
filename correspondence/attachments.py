"""Attachments: PDF, JPEG or PNG, checked by their content (not their name) and size-limited."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from core import uploads

from . import access, stamp
from .models import Attachment, Letter, Secrecy, StepKind

ALLOWED_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}  # stored file suffix


def check_upload(upload: UploadedFile) -> str:
    """The upload's real content type (PDF, JPEG or PNG scans), or a Thai ValidationError."""
    return uploads.check_upload(upload, allowed=uploads.SCANS)


@transaction.atomic
def attachment_add(*, user: AbstractBaseUser, letter: Letter, upload: UploadedFile) -> Attachment:
    from .services import _step

    access.require_letter_action(user, letter, "attach")
    if letter.is_destroyed:
        raise ValidationError("หนังสือนี้ทำลายแล้ว จึงแนบไฟล์ไม่ได้")
    if letter.secrecy == Secrecy.TOP_SECRET:
        raise ValidationError("หนังสือลับที่สุดห้ามเก็บหรือส่งทางอิเล็กทรอนิกส์ จึงแนบไฟล์ไม่ได้")
    mime = check_upload(upload)
    attachment = Attachment(
        letter=letter,
        original_name=uploads.original_name(upload.name or ""),
        content_type=mime,
        size=upload.size,
        uploaded_by=user,
    )
    attachment.file.save(f"scan{ALLOWED_TYPES[mime]}", upload, save=False)
    attachment._history_user = user
    attachment.save()
    _step(letter, StepKind.ATTACHED, user, text=attachment.original_name)
    # ตรารับ (form 12) on scans of numbered received letters, once committed: the number stays locked no longer
    transaction.on_commit(lambda: stamp.stamp_received(attachment=attachment, user=user), robust=True)
    return attachment
