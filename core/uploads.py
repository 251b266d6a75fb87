"""Checking uploaded files by their content, not their name (one rule for every app)."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Mapping
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

PDF = {"application/pdf": "PDF"}
IMAGES = {"image/jpeg": "JPEG", "image/png": "PNG"}
SCANS = {**PDF, **IMAGES}
OFFICE_DOCUMENTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
}
# What a file's name promises, to call out a disguised file by name.
_EXTENSIONS = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
_BY_CONTENT = "ระบบตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์"


def check_upload(upload: UploadedFile, *, allowed: Mapping[str, str], label: str | None = None) -> str:
    """The upload's real MIME type, or a Thai ValidationError saying what is wrong.

    Refuses files over settings.UPLOAD_MAX_BYTES, empty files, files whose content is
    not one of `allowed` (MIME -> label shown to users), and files named as one type
    but holding another.
    """
    label = label or f"ไฟล์ “{upload.name}” "
    limit = settings.UPLOAD_MAX_BYTES
    size = upload.size or 0
    if size > limit:
        raise ValidationError(f"{label}มีขนาด {size / 1048576:.1f} MB เกินที่กำหนด {limit // 1048576} MB")
    if size == 0:
        raise ValidationError(f"{label}ว่างเปล่า")
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    mime = kind.mime if kind else ""
    promised = _EXTENSIONS.get(PurePath(upload.name or "").suffix.lower())
    if promised and promised != mime and promised in allowed:
        raise ValidationError(f"{label}ไม่ใช่ {allowed[promised]} จริง ({_BY_CONTENT})")
    if mime not in allowed:
        labels = list(dict.fromkeys(allowed.values()))
        if len(labels) == 1:
            raise ValidationError(f"{label}ต้องเป็นไฟล์ {labels[0]} ({_BY_CONTENT})")
        raise ValidationError(f"{label}ไม่ใช่ชนิดที่รับได้ (รับเฉพาะ {', '.join(labels)}) {_BY_CONTENT}")
    return mime


# --- Stored names ------------------------------------------------------------
# A file is stored under a generated name (a long Thai name is over the 255-byte limit of
# most file systems); the name the user gave is kept in the row for pages and downloads.
ORIGINAL_NAME_MAX = 255  # characters, as the models' original_name columns
_SUFFIX_MAX = 8  # ".pdf", ".jpeg", ".xlsx": longer is not an extension


def _suffix(filename: str) -> str:
    suffix = PurePath(filename or "").suffix.lower()
    return suffix if 1 < len(suffix) <= _SUFFIX_MAX and suffix[1:].isascii() and suffix[1:].isalnum() else ""


def stored_name(folder: str, filename: str) -> str:
    """`<folder>/<yyyy>/<mm>/<uuid4 hex><ext>`: a short ASCII name whatever the user named the file."""
    return f"{folder.strip('/')}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{_suffix(filename)}"


def original_name(filename: object, *, limit: int = ORIGINAL_NAME_MAX) -> str:
    """The user's file name, without folders or control characters, cut to `limit` characters
    with its extension kept ("รายงาน…ยาวมาก.pdf" stays a .pdf)."""
    name = str(filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip() or "ไฟล์"
    if len(name) <= limit:
        return name
    suffix = PurePath(name).suffix
    if not suffix or len(suffix) > _SUFFIX_MAX:
        return name[:limit]
    return name[: limit - len(suffix)] + suffix
