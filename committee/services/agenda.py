"""Agenda: the pre-filled sections, items, sub-items and attachments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Q

from core import thaidate, uploads

from .. import access
from ..models import UNFINISHED, AgendaAttachment, AgendaItem, Meeting, MeetingStatus, Resolution, Section
from ._common import require_not_locked, require_status

if TYPE_CHECKING:
    from django.contrib.auth.models import User

ITEM_FIELDS = ("title", "presenter", "summary", "proposed_resolution")
ALLOWED_MIMES = {**uploads.SCANS, **uploads.OFFICE_DOCUMENTS}


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The last meeting before this one that was not cancelled."""
    earlier = Q(date__lt=meeting.date) | Q(date=meeting.date, pk__lt=meeting.pk)
    return (
        Meeting.objects.filter(earlier, body_id=meeting.body_id).exclude(pk=meeting.pk).exclude(status=MeetingStatus.CANCELLED)
        .order_by("-date", "-pk").first()
    )  # fmt: skip


def unfinished_resolutions_before(meeting: Meeting):  # noqa: ANN201 - QuerySet[Resolution]
    """Resolutions of earlier, not cancelled meetings of the same body that are still open or in progress."""
    return (
        Resolution.objects.filter(status__in=UNFINISHED, item__meeting__date__lte=meeting.date,
                                  item__meeting__body_id=meeting.body_id)
        .exclude(item__meeting=meeting).exclude(item__meeting__status=MeetingStatus.CANCELLED)
        .select_related("item__meeting").prefetch_related("follow_ups")
        .order_by("item__meeting__date", "item__section", "item__position", "pk")
    )  # fmt: skip


def _next_position(meeting: Meeting, section: int, parent: AgendaItem | None) -> int:
    qs = AgendaItem.objects.filter(meeting=meeting, section=section, parent=parent)
    return (qs.aggregate(n=Max("position"))["n"] or 0) + 1


def _minutes_item(meeting: Meeting, prev: Meeting) -> None:
    AgendaItem.objects.create(
        meeting=meeting, section=Section.MINUTES, position=1, previous_meeting=prev,
        title=f"รับรองรายงานการประชุม ครั้งที่ {prev.number_display} เมื่อวันที่ {thaidate.format_full(prev.date)}",
        presenter="ฝ่ายเลขานุการ",
        proposed_resolution="เพื่อโปรดพิจารณารับรองรายงานการประชุม",
    )  # fmt: skip


def _carry_summary(resolution: Resolution) -> str:
    source = resolution.item.meeting
    lines = [f"มติที่ประชุมครั้งที่ {source.number_display}: {resolution.text}"]
    if resolution.responsible:
        lines.append(f"ผู้รับผิดชอบ: {resolution.responsible}")
    notes = list(resolution.follow_ups.all())
    if notes:
        lines.append(f"ความคืบหน้า ({thaidate.format_full(notes[-1].date)}): {notes[-1].note}")
    return "\n".join(lines)


@transaction.atomic
def agenda_carry_over(*, user: User, meeting: Meeting) -> int:
    """Add every unfinished resolution of earlier meetings to วาระที่ 3 (once each); returns how many."""
    access.require_meeting_writer(user, meeting)
    require_status(meeting, (MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED),
                   "ดึงเรื่องสืบเนื่องได้เฉพาะก่อนการประชุม")  # fmt: skip
    already = set(meeting.items.filter(carried_from__isnull=False).values_list("carried_from_id", flat=True))
    added = 0
    for resolution in unfinished_resolutions_before(meeting):
        if resolution.pk in already:
            continue
        AgendaItem.objects.create(
            meeting=meeting, section=Section.CARRIED_OVER, carried_from=resolution,
            position=_next_position(meeting, Section.CARRIED_OVER, None),
            title=resolution.item.title, presenter=resolution.responsible, summary=_carry_summary(resolution),
            proposed_resolution="เพื่อโปรดทราบความคืบหน้า",
        )  # fmt: skip
        added += 1
    return added


def agenda_prefill(*, user: User, meeting: Meeting) -> None:
    """วาระที่ 2 links the previous minutes; วาระที่ 3 takes the unfinished resolutions."""
    prev = previous_meeting(meeting)
    if prev is not None:
        _minutes_item(meeting, prev)
    agenda_carry_over(user=user, meeting=meeting)


@transaction.atomic
def item_add(*, user: User, meeting: Meeting, section: int, title: str, parent: AgendaItem | None = None,
             **fields: str) -> AgendaItem:  # fmt: skip
    access.require_meeting_writer(user, meeting)
    require_not_locked(meeting)
    if parent is not None:
        if parent.meeting_id != meeting.pk or parent.parent_id is not None:
            raise ValidationError({"parent": "เรื่องย่อยต้องอยู่ใต้เรื่องหลักของการประชุมเดียวกัน"})
        section = parent.section
    item = AgendaItem(meeting=meeting, section=section, parent=parent, title=title,
                      **{k: v for k, v in fields.items() if k in ITEM_FIELDS})  # fmt: skip
    item.position = _next_position(meeting, section, parent)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_update(*, user: User, item: AgendaItem, **fields: str) -> AgendaItem:
    access.require_meeting_writer(user, item.meeting)
    require_not_locked(item.meeting)
    for key in ITEM_FIELDS:
        if key in fields:
            setattr(item, key, fields[key])
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_remove(*, user: User, item: AgendaItem) -> None:
    """Only a draft agenda loses items; a published one keeps what members received."""
    access.require_meeting_writer(user, item.meeting)
    require_status(item.meeting, (MeetingStatus.DRAFT,), "ลบเรื่องได้เฉพาะระเบียบวาระที่ยังเป็นร่าง")
    item.delete()


@transaction.atomic
def item_move(*, user: User, item: AgendaItem, up: bool) -> None:
    access.require_meeting_writer(user, item.meeting)
    require_not_locked(item.meeting)
    siblings = AgendaItem.objects.filter(meeting=item.meeting, section=item.section, parent=item.parent_id)
    other = (siblings.filter(position__lt=item.position).order_by("-position") if up
             else siblings.filter(position__gt=item.position).order_by("position")).first()  # fmt: skip
    if other is None:
        return
    item.position, other.position = other.position, item.position
    AgendaItem.objects.filter(pk=item.pk).update(position=item.position)
    AgendaItem.objects.filter(pk=other.pk).update(position=other.position)


def _sniff(upload: UploadedFile) -> str:
    try:
        mime = uploads.check_upload(upload, allowed=ALLOWED_MIMES)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    if mime == "application/pdf":
        _check_pdf_readable(upload)
    return mime


def _check_pdf_readable(upload: UploadedFile) -> None:
    """The agenda PDF appends attachments with pypdf: refuse one it cannot read now, not at print time."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(upload)
        unreadable = reader.is_encrypted or len(reader.pages) == 0
    except (PyPdfError, ValueError, OSError):
        unreadable = True
    upload.seek(0)
    if unreadable:
        raise ValidationError({"file": f"อ่านไฟล์ PDF “{upload.name}” ไม่ได้ (ไฟล์เสียหายหรือตั้งรหัสผ่านไว้) กรุณาเลือกไฟล์ใหม่"})


@transaction.atomic
def attachment_add(*, user: User, item: AgendaItem, upload: UploadedFile, title: str = "") -> AgendaAttachment:
    access.require_meeting_writer(user, item.meeting)
    require_not_locked(item.meeting)
    mime = _sniff(upload)
    name = uploads.original_name(upload.name)
    att = AgendaAttachment(item=item, title=(title.strip() or name)[:300], original_name=name, mime=mime,
                           size=upload.size, uploaded_by=user)  # fmt: skip
    att.file.save(name, upload, save=False)  # stored under a generated name (models.agenda)
    att.save()
    return att


@transaction.atomic
def attachment_remove(*, user: User, attachment: AgendaAttachment) -> None:
    access.require_meeting_writer(user, attachment.item.meeting)
    require_status(attachment.item.meeting, (MeetingStatus.DRAFT,), "ลบเอกสารประกอบได้เฉพาะระเบียบวาระที่ยังเป็นร่าง")
    attachment.file.delete(save=False)
    attachment.delete()
