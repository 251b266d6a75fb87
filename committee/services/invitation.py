"""The invitation to a meeting (หนังสือเชิญประชุม), through correspondence.

Two ways, the office's choice:
- the real letter (issue 12 part 7): the secretary drafts a หนังสือภายนอก (the members are mostly outside
  the office: school directors, experts) with the agenda PDF attached; it goes up the approval chain on
  the correspondence pages like any letter (checked by the group director, signed by the chair or the
  office director); once signed, the secretary (or the clerk) numbers it in the send register and it is
  delivered electronically to the members with accounts and on paper to the others;
- a number only (the old path): the send register's number at once, the letter written outside.

The seam (docs/CONTRACTS.md): committee calls correspondence (chain.letter_write, attachments,
services.letter_dispatch, delivery.deliveries_send); correspondence never imports committee. The meeting
keeps the letter from the draft on (invitation_letter) and its ที่ from dispatch (invitation_number); a
letter numbered by the clerk on the correspondence pages shows its ที่ at once (invitation_state) and is
recorded on the meeting when the secretary sends it to the members.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from core import documents, thaidate
from core.models import OfficeProfile
from core.roles import Role

from .. import access, selectors
from ..formatting import clock, meeting_day
from ..models import BodyKind, Meeting, MeetingStatus, Position

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from correspondence.models import Letter, LetterContent

ADDRESSEE = "คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา"
RECIPIENTS = "กรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา (ตามบัญชีรายชื่อ)"


def _issue_fn():  # noqa: ANN202
    try:
        from correspondence.services import letter_issue_outgoing
    except ImportError:
        return None
    return letter_issue_outgoing


def invitation_available() -> bool:
    return _issue_fn() is not None


def invitation_subject(meeting: Meeting) -> str:
    """The committee's wording for ก.ต.ป.น.; another body's meetings by the body's own meeting title."""
    if meeting.body.kind != BodyKind.KTPN:
        return f"ขอเชิญ{meeting.body.title_for_meetings.removeprefix('การ')} ครั้งที่ {meeting.number_display}"
    return f"ขอเชิญประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา ครั้งที่ {meeting.number_display}"


def _require_no_invitation(meeting: Meeting) -> None:
    if meeting.invitation_number:
        raise ValidationError(f"ออกหนังสือเชิญประชุมแล้ว ที่ {meeting.invitation_number}")
    if meeting.invitation_letter_id:
        raise ValidationError("การประชุมครั้งนี้มีร่างหนังสือเชิญประชุมแล้ว ดำเนินการต่อจากร่างนั้น")


@transaction.atomic
def invitation_issue(*, user: User, meeting: Meeting):  # noqa: ANN201 - correspondence.models.Letter
    """The number-only path: register the invitation in the send register and keep its ที่ on the meeting."""
    access.require_meeting_writer(user, meeting)
    issue = _issue_fn()
    if issue is None:
        raise ValidationError("ระบบทะเบียนหนังสือส่งยังไม่พร้อมใช้งาน จึงยังออกเลขหนังสือเชิญประชุมไม่ได้")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_no_invitation(meeting)
    where = meeting.place or "ประชุมออนไลน์"
    letter = issue(
        user=user, register_code="send", subject=invitation_subject(meeting), recipient_text=RECIPIENTS,
        note=f"ประชุมวันที่ {thaidate.format_short(meeting.date)} เวลา {meeting.start_time:%H.%M} น. ณ {where}",
    )  # fmt: skip
    meeting.invitation_number = letter.document_no
    meeting.invitation_letter = letter
    meeting.save(update_fields=["invitation_number", "invitation_letter"])
    return letter


# --- the invitation as a real letter ------------------------------------------------------------
def invitation_signers(meeting: Meeting) -> list[User]:
    """Who may sign: the chair's own account (when it may use the correspondence pages), then the
    office's executives (the office director chairs the committee by law; a deputy may sign for him)."""
    from correspondence import access as corr_access

    chair = (
        selectors.members_serving_on(meeting.date, meeting.body)
        .filter(position=Position.CHAIR, user__is_active=True)
        .first()
    )
    out = [chair.user] if chair and corr_access.can_read(chair.user) else []
    executives = get_user_model().objects.filter(groups__name=Role.EXECUTIVE, is_active=True).order_by("pk")
    return out + [u for u in executives.distinct() if u not in out]


def _signer(meeting: Meeting, signer: User | None) -> User:
    choices = invitation_signers(meeting)
    if signer is None and choices:
        return choices[0]
    if signer is None or signer not in choices:
        raise ValidationError({"signer": "ผู้ลงนามหนังสือเชิญประชุมต้องเป็นประธานกรรมการ (ที่มีบัญชีในระบบ) หรือผู้บริหารสำนักงาน"})
    return signer


def invitation_body(meeting: Meeting) -> str:
    """The letter's paragraphs: date, time and place, then the request (blank line between paragraphs)."""
    office = OfficeProfile.get().office_name.strip()
    online = f"ผ่านระบบประชุมออนไลน์ {meeting.online_link}"
    if not meeting.place:
        where = f" {online}"
    else:
        where = f" ณ {meeting.place}" + (f" และ{online}" if meeting.online_link else "")
    first = (
        f"ด้วย{office} กำหนดจัด{meeting.title} ครั้งที่ {meeting.number_display} ใน{meeting_day(meeting.date)} "
        f"เวลา {clock(meeting.start_time)}{where} เพื่อพิจารณาเรื่องตามระเบียบวาระการประชุม "
        "รายละเอียดตามสิ่งที่ส่งมาด้วย"
    )
    return f"{first}\n\nจึงเรียนมาเพื่อโปรดเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว"


def agenda_pdf(meeting: Meeting) -> bytes:
    """The agenda as its own document prints it (committee.agenda, attachments bundled), made now."""
    from .. import documents as _kinds  # noqa: F401 - registers committee.agenda

    kind = documents.get_kind("committee.agenda")
    params = {"meeting": meeting.pk}
    rendered = kind.build(SimpleNamespace(params=params, title=kind.title_for(params)), lambda *_: None)
    return documents.html_to_pdf(rendered.html, rendered.append_pdfs, archival=kind.archival)


def _attach_agenda(user: User, meeting: Meeting, letter: Letter) -> None:
    from correspondence.attachments import attachment_add

    name = f"ระเบียบวาระการประชุม ก.ต.ป.น. ครั้งที่ {meeting.number}-{meeting.year}.pdf"
    upload = SimpleUploadedFile(name, agenda_pdf(meeting), content_type="application/pdf")
    attachment_add(user=user, letter=letter, upload=upload)


@transaction.atomic
def invitation_draft(*, user: User, meeting: Meeting, signer: User | None = None) -> LetterContent:
    """The secretary drafts the invitation in the send register, the agenda attached: a หนังสือภายนอก, or a
    บันทึกข้อความ for the group's internal meeting.

    It then goes up the chain on the correspondence pages (เสนอ → ตรวจ → ลงนาม) like any letter.
    """
    from correspondence import chain
    from correspondence.models import LetterKind

    access.require_meeting_writer(user, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.AGENDA_PUBLISHED:
        raise ValidationError("ร่างหนังสือเชิญประชุมได้เมื่อแจ้งระเบียบวาระแล้ว และยังไม่ได้ประชุม")
    _require_no_invitation(meeting)
    # The group's own meeting invites people of the same office: a บันทึกข้อความ (หนังสือภายใน: it prints no คำลงท้าย);
    # every other body writes to people outside it: a หนังสือภายนอก.
    internal = meeting.body.kind == BodyKind.INTERNAL
    content = chain.letter_write(
        user=user, register_code="send", kind=LetterKind.MEMO if internal else LetterKind.EXTERNAL,
        subject=invitation_subject(meeting),
        addressee=ADDRESSEE if meeting.body.kind == BodyKind.KTPN else f"ผู้เข้าร่วม{meeting.body.name}",
        recipient_text=RECIPIENTS, body=invitation_body(meeting),
        enclosures=f"ระเบียบวาระการประชุม ครั้งที่ {meeting.number_display} จำนวน 1 ชุด",
        closing="ขอแสดงความนับถือ", signer=_signer(meeting, signer),
    )  # fmt: skip
    _attach_agenda(user, meeting, content.letter)
    meeting.invitation_letter = content.letter
    meeting.save(update_fields=["invitation_letter"])
    return content


def invitation_recipients(meeting: Meeting) -> tuple[list[User], list[tuple[str, str]]]:
    """The members serving on the meeting day: those with an active account get it in their inbox
    (people), the others on paper, addressed by name and position (the member record has no address)."""
    people: list[User] = []
    paper: list[tuple[str, str]] = []
    for member in selectors.members_serving_on(meeting.date, meeting.body).select_related("user"):
        if member.user_id and member.user.is_active:
            if member.user not in people:
                people.append(member.user)
        else:
            paper.append((member.full_name, member.job_title))
    return people, paper


def _unsent_paper(letter: Letter, paper: list[tuple[str, str]]) -> list[tuple[str, str]]:
    from correspondence.models import Channel

    done = set(letter.deliveries.filter(channel=Channel.PAPER).values_list("name", flat=True))
    return [(name, address) for name, address in paper if name not in done]


@transaction.atomic
def invitation_dispatch(*, user: User, meeting: Meeting) -> Letter:
    """Number the signed invitation in the send register and deliver it to the members.

    If the clerk already numbered it on the correspondence pages, only the members it has not reached
    yet get it. Either way the meeting records its ที่.
    """
    from correspondence import delivery, services
    from correspondence.models import Status

    access.require_meeting_writer(user, meeting)
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("invitation_letter").get(pk=meeting.pk)
    letter = meeting.invitation_letter
    if letter is None or not letter.contents.exists():
        raise ValidationError("การประชุมครั้งนี้ยังไม่มีร่างหนังสือเชิญประชุม")
    people, paper = invitation_recipients(meeting)
    if letter.status == Status.DRAFT:
        letter = services.letter_dispatch(user=user, letter=letter, electronic=True, people=people, paper=paper)
    else:
        delivery.deliveries_send(user=user, letter=letter, electronic=True, people=people,
                                 paper=_unsent_paper(letter, paper))  # fmt: skip
    meeting.invitation_number = letter.document_no
    meeting.save(update_fields=["invitation_number"])
    return letter


def invitation_state(meeting: Meeting) -> dict | None:
    """What the meeting page shows of a written invitation: the current version and where it stands."""
    from correspondence import chain
    from correspondence.models import Channel, Status

    letter = meeting.invitation_letter
    if letter is None or not letter.contents.exists():
        return None
    content = chain.content_current(letter)
    numbered = letter.status != Status.DRAFT
    deliveries = letter.deliveries.all()
    return {
        "letter": letter, "content": content, "numbered": numbered,
        "document_no": letter.document_no if numbered else "",
        "ready": content is not None and content.is_signed and not numbered,
        "people": deliveries.filter(channel=Channel.ELECTRONIC, user__isnull=False).count(),
        "acknowledged": deliveries.filter(acknowledged_at__isnull=False).count(),
        "paper": deliveries.filter(channel=Channel.PAPER).count(),
    }  # fmt: skip
