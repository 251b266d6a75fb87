"""The invitation letter to members, registered as an outgoing letter by correspondence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from core import thaidate

from .. import access
from ..models import Meeting

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def _issue_fn():  # noqa: ANN202
    try:
        from correspondence.services import letter_issue_outgoing
    except ImportError:
        return None
    return letter_issue_outgoing


def invitation_available() -> bool:
    return _issue_fn() is not None


def invitation_subject(meeting: Meeting) -> str:
    return f"ขอเชิญประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา ครั้งที่ {meeting.number_display}"


@transaction.atomic
def invitation_issue(*, user: User, meeting: Meeting):  # noqa: ANN201 - correspondence.models.Letter
    """Register the invitation in the send register and keep its ที่ on the meeting."""
    access.require_writer(user)
    issue = _issue_fn()
    if issue is None:
        raise ValidationError("ระบบทะเบียนหนังสือส่งยังไม่พร้อมใช้งาน จึงยังออกเลขหนังสือเชิญประชุมไม่ได้")
    if meeting.invitation_number:
        raise ValidationError(f"ออกหนังสือเชิญประชุมแล้ว ที่ {meeting.invitation_number}")
    where = meeting.place or "ประชุมออนไลน์"
    letter = issue(
        user=user, register_code="send", subject=invitation_subject(meeting),
        recipient_text="กรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา (ตามบัญชีรายชื่อ)",
        note=f"ประชุมวันที่ {thaidate.format_full(meeting.date)} เวลา {meeting.start_time:%H.%M} น. ณ {where}",
    )  # fmt: skip
    meeting.invitation_number = letter.document_no
    meeting.invitation_letter = letter
    meeting.save(update_fields=["invitation_number", "invitation_letter"])
    return letter
