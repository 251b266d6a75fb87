"""Attachments: PDF, JPEG or PNG, checked by their content (not their name) and size-limited."""

from __future__ import annotations

import filetype
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from .models import Attachment, Letter, Secrecy, StepKind

ALLOWED_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def check_upload(upload: UploadedFile) -> str:
    """The upload's real content type, or a Thai ValidationError naming the file."""
    name = getattr(upload, "name", "ไฟล์")
    size = getattr(upload, "size", 0) or 0
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(f"ไฟล์ “{name}” มีขนาด {size / 1048576:.1f} MB เกินที่กำหนด {limit / 1048576:.0f} MB")
    if size == 0:
        raise ValidationError(f"ไฟล์ “{name}” ว่างเปล่า")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        found = f" (เนื้อไฟล์เป็น {kind.mime})" if kind else ""
        raise ValidationError(f"ไฟล์ “{name}” ไม่ใช่ PDF, JPEG หรือ PNG{found} ระบบตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์")
    return kind.mime


@transaction.atomic
def attachment_add(*, user: AbstractBaseUser, letter: Letter, upload: UploadedFile) -> Attachment:
    from . import access
    from .services import _step

    if not (access.can_register(user) or letter.owner_id == user.pk):
        raise PermissionDenied("คุณไม่มีสิทธิ์แนบไฟล์ในหนังสือนี้")
    if letter.secrecy == Secrecy.TOP_SECRET:
        raise ValidationError("หนังสือลับที่สุดห้ามเก็บหรือส่งทางอิเล็กทรอนิกส์ จึงแนบไฟล์ไม่ได้")
    mime = check_upload(upload)
    attachment = Attachment(
        letter=letter, original_name=str(upload.name)[:255], content_type=mime, size=upload.size, uploaded_by=user
    )
    attachment.file.save(f"scan{ALLOWED_TYPES[mime]}", upload, save=False)
    attachment._history_user = user
    attachment.save()
    _step(letter, StepKind.ATTACHED, user, text=attachment.original_name)
    return attachment
