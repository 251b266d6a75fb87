"""Media through Django's storage API, so that the files may live on this disk or in object storage.

The local folder (MEDIA_ROOT) is the default; with AWS_STORAGE_BUCKET_NAME set, uploads and generated
documents go to an S3-compatible bucket (config/settings.py) that every web and worker machine shares.
Nothing outside this module may assume a file has a path: it opens the file through its storage.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db.models.fields.files import FieldFile


def is_local(storage: Storage | None = None) -> bool:
    """True when the storage keeps its files on this machine's disk (it can give a path)."""
    try:
        (storage or default_storage).path("probe")
    except NotImplementedError:
        return False
    return True


def media_uri(field: FieldFile | None) -> str:
    """A URI WeasyPrint can read for an uploaded image (logo, Garuda, photos); "" when there is none.

    A file on this disk is named by its file URI, as before; a file in object storage is read through
    the storage and put inline as a data: URI (no credentials or signed URLs in a document's HTML).
    """
    if not field:
        return ""
    storage = field.storage
    if is_local(storage):
        path = Path(storage.path(field.name))
        return path.as_uri() if path.is_file() else ""
    if not storage.exists(field.name):
        return ""
    with storage.open(field.name, "rb") as handle:
        data = handle.read()
    kind = mimetypes.guess_type(field.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def media_save(*, name: str, data: bytes, storage: Storage | None = None) -> str:
    """Store `data` under `name` (or a free name beside it); returns the name it was stored under.

    On this disk the bytes go to a temporary file that is then moved into place, so nobody ever sees
    half a file; an object store shows an object only once its upload is complete.
    """
    storage = storage or default_storage
    if not is_local(storage):
        return storage.save(name, ContentFile(data))
    target = Path(storage.path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        name = storage.get_available_name(name)
        target = Path(storage.path(name))
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, target)
    return name
