"""Writes of the registers: networks and their members, good practice, supervisors' research and KM.

Rows are cancelled, not deleted; a file is checked by its content (PDF, images, Word/Excel/PowerPoint)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from core import uploads
from core.roles import UserLike
from schools.models import School

from .. import access
from ..models import GoodPractice, Network, NetworkMember, Study

__all__ = [
    "network_save", "parse_members", "register_record_cancel", "register_record_save",
]  # fmt: skip

FIELDS = {
    Network: ("year", "kind", "name", "focus", "cluster", "coordinator", "description"),
    GoodPractice: ("year", "kind", "school", "title", "owner", "summary", "published", "published_where"),
    Study: ("year", "kind", "title", "author", "co_authors", "date", "summary", "published"),
}
FILE_TYPES = {**uploads.SCANS, **uploads.OFFICE_DOCUMENTS}
MEMBER_LINE_HELP = "บรรทัดละหนึ่งคน: ชื่อ-สกุล | สถานศึกษา (ชื่อหรือรหัส) | บทบาท"


def parse_members(text: str) -> list[dict]:
    """Members typed one a line, "ชื่อ-สกุล | สถานศึกษา | บทบาท"; a school found by its code or exact name."""
    rows = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")] + ["", ""]
        if not parts[0]:
            raise ValidationError({"members": f"บรรทัดที่ {number}: กรุณาใส่ชื่อ-สกุลก่อนเครื่องหมาย |"})
        school = School.objects.filter(code=parts[1]).first() or School.objects.filter(name=parts[1]).first()
        rows.append({"name": parts[0][:200], "school": school, "school_text": "" if school else parts[1][:300],
                     "role": parts[2][:200]})  # fmt: skip
    return rows


def _attach(record: GoodPractice | Study, upload: UploadedFile | None) -> None:
    if upload is None:
        return
    try:
        uploads.check_upload(upload, allowed=FILE_TYPES)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    record.file = upload
    record.file_name = uploads.original_name(upload.name)


@transaction.atomic
def register_record_save(
    *, user: UserLike, record: GoodPractice | Study | Network, data: dict, upload: UploadedFile | None = None
) -> GoodPractice | Study | Network:
    """Create or change a register row (new: unsaved); the file, if given, replaces the earlier one."""
    access.require_register_editor(user)
    for name in FIELDS[type(record)]:
        if name in data:
            setattr(record, name, data[name])
    if record.pk is None:
        record.created_by = user
    if hasattr(record, "file"):
        _attach(record, upload)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def network_save(*, user: UserLike, network: Network, data: dict, members: list[dict]) -> Network:
    """Save a network with its members, in the order typed (the list replaces the earlier one)."""
    network = register_record_save(user=user, record=network, data=data)
    network.members.all().delete()
    NetworkMember.objects.bulk_create(
        [NetworkMember(network=network, order=n, **row) for n, row in enumerate(members, 1)]
    )
    return network


@transaction.atomic
def register_record_cancel(*, user: UserLike, record: GoodPractice | Study | Network, cancelled: bool = True) -> None:
    """Cancel a row entered by mistake (it stays, marked cancelled), or bring it back."""
    access.require_register_editor(user)
    type(record).objects.filter(pk=record.pk).update(cancelled=cancelled)
