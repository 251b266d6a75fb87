"""Every write of the correspondence app (HackSoft style: <noun>_<verb>, keyword-only, atomic).

Entries are never deleted: a mistake is cancelled with a reason and keeps its number.
Every change is recorded by django-simple-history (who, when, before and after) and every
workflow step adds a timestamped RoutingStep.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core import thaidate
from core.models import OfficeProfile
from core.roles import Role, acting_wording

from . import access, notices
from .attachments import attachment_add, check_upload
from .models import Assignment, Channel, Letter, Register, RoutingStep, Secrecy, Status, StepKind
from .numbering import counter_set_start, number_take

__all__ = [
    "assignment_acknowledge", "assignment_complete", "attachment_add", "counter_set_start", "letter_cancel",
    "letter_dispatch", "letter_draft_outgoing", "letter_instruct", "letter_issue_outgoing", "letter_present",
    "letter_register_incoming", "letter_register_outgoing", "letter_update",
]  # fmt: skip

OUTGOING_CODES = ("send", "circular", "order")
EDITABLE_FIELDS = (
    "external_no", "letter_date", "sender", "recipient_text", "subject", "remarks", "urgency", "deadline",
    "secrecy", "document_type", "channel", "retention_years", "owner",
)  # fmt: skip


def _step(
    letter: Letter,
    kind: str,
    actor: AbstractBaseUser,
    *,
    text: str = "",
    target: AbstractBaseUser | None = None,
    at: dt.datetime | None = None,
) -> None:
    RoutingStep.objects.create(letter=letter, kind=kind, actor=actor, target=target, text=text, at=at or timezone.now())


def _save(letter: Letter, user: AbstractBaseUser, reason: str) -> None:
    letter._history_user = user
    letter._change_reason = reason
    letter.save()


def _validate(letter: Letter) -> None:
    """Check an entry before it is numbered (number and year are filled in last, under the lock)."""
    errors: dict[str, str] = {}
    if letter.secrecy == Secrecy.TOP_SECRET and letter.channel != Channel.PAPER:
        errors["channel"] = "หนังสือลับที่สุดต้องส่งเป็นกระดาษเท่านั้น ห้ามส่งทางอิเล็กทรอนิกส์"
    if (
        letter.letter_date
        and letter.letter_date > thaidate.today() + dt.timedelta(days=1)
        and letter.register.is_incoming
    ):
        errors["letter_date"] = "ลงวันที่ของหนังสือรับต้องไม่อยู่ในอนาคต"
    if letter.deadline and letter.urgency == 0:
        errors["urgency"] = "หนังสือที่มีกำหนด “ด่วนภายใน” ต้องระบุชั้นความเร็ว (ด่วน ด่วนมาก หรือด่วนที่สุด)"
    if errors:
        raise ValidationError(errors)
    letter.full_clean(exclude=["recipient_schools", "number", "year"])


def _register(code: str) -> Register:
    try:
        return Register.objects.get(code=code, is_active=True)
    except Register.DoesNotExist:
        raise ValidationError({"register": f"ไม่พบทะเบียน “{code}”"}) from None


def _default_retention(value: int | None, *, keep_forever: bool = False) -> int | None:
    if keep_forever:
        return None
    return value if value is not None else OfficeProfile.get().default_retention_years


def _issue(letter: Letter, now: dt.datetime) -> None:
    """Validate, then give the entry its number last: the counter stays locked only for the
    inserts that follow and the commit of the caller's transaction."""
    letter.registered_at = now
    letter_code = OfficeProfile.get().letter_code
    if not letter.register.is_incoming:
        letter.letter_date = letter.letter_date or thaidate.local_date(now)
    _validate(letter)
    letter.year, letter.number = number_take(register=letter.register, when=now)
    if not letter.register.is_incoming:
        letter.reference = letter.register.reference_for(
            number=letter.number, year=letter.year, letter_code=letter_code
        )


@transaction.atomic
def letter_register_incoming(
    *, user: AbstractBaseUser, subject: str, sender: str, recipient_text: str, external_no: str = "",
    letter_date: dt.date | None = None, urgency: int = 0, deadline: dt.datetime | None = None,
    secrecy: int = 0, document_type: str = "external", channel: str = Channel.PAPER, remarks: str = "",
    retention_years: int | None = None, keep_forever: bool = False, files: Iterable = (),
    now: dt.datetime | None = None, present_now: bool = False,
) -> Letter:  # fmt: skip
    """Register a received letter in ทะเบียนหนังสือรับ and give it its receive number; `present_now`
    (การปฏิบัติ "เสนอ ผอ.กลุ่มทันที" on the receive form) presents it to the director in the same step."""
    access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนรับหนังสือได้")
    files = list(files)
    for upload in files:
        check_upload(upload)  # refuse a bad file before anything is numbered or stored
    now = now or timezone.now()
    letter = Letter(
        register=_register("receive"), subject=subject.strip(), sender=sender.strip(),
        recipient_text=recipient_text.strip(), external_no=external_no.strip(), letter_date=letter_date,
        urgency=urgency, deadline=deadline, secrecy=secrecy, document_type=document_type, channel=channel,
        remarks=remarks, retention_years=_default_retention(retention_years, keep_forever=keep_forever),
        status=Status.REGISTERED, created_by=user, created_at=now,
    )  # fmt: skip
    _issue(letter, now)
    _save(letter, user, "ลงทะเบียนรับ")
    _step(letter, StepKind.REGISTERED, user, text=f"เลขทะเบียนรับ {letter.number}", at=now)
    for upload in files:
        attachment_add(user=user, letter=letter, upload=upload)
    return letter_present(user=user, letter=letter) if present_now else letter


@transaction.atomic
def letter_draft_outgoing(
    *, user: AbstractBaseUser, register_code: str, subject: str, recipient_text: str = "", schools: Iterable = (),
    sender: str = "", document_type: str = "external", urgency: int = 0, deadline: dt.datetime | None = None,
    secrecy: int = 0, channel: str = Channel.PAPER, remarks: str = "", retention_years: int | None = None,
    keep_forever: bool = False,
) -> Letter:  # fmt: skip
    """A supervisor's draft to one or many recipients; the clerk issues its number on dispatch."""
    access.require_drafter(user)
    if register_code not in OUTGOING_CODES:
        raise ValidationError({"register": "ร่างหนังสือได้เฉพาะทะเบียนหนังสือส่ง หนังสือเวียน หรือคำสั่ง"})
    schools = list(schools)
    names = [s.name for s in schools]
    text = recipient_text.strip() or " ".join(f"ผู้อำนวยการ{n}" for n in names)
    if not text:
        raise ValidationError({"recipient_text": "กรุณาระบุผู้รับอย่างน้อยหนึ่งราย"})
    letter = Letter(
        register=_register(register_code), subject=subject.strip(), recipient_text=text,
        sender=sender.strip() or OfficeProfile.get().group_name, document_type=document_type, urgency=urgency,
        deadline=deadline, secrecy=secrecy, channel=channel, remarks=remarks, owner=user, status=Status.DRAFT,
        retention_years=_default_retention(retention_years, keep_forever=keep_forever), created_by=user,
    )  # fmt: skip
    _validate(letter)
    _save(letter, user, "ร่างหนังสือส่ง")
    letter.recipient_schools.set(schools)
    _step(letter, StepKind.DRAFTED, user, text=f"ถึง {len(schools)} สถานศึกษา" if schools else "")
    return letter


def _dispatch_channel(letter: Letter, channels: dict) -> str:
    """The register's ช่องทาง of a written letter: the ticked channels (ลับที่สุด: paper only, _validate)."""
    if channels["electronic"] or channels["people"]:
        return Channel.ELECTRONIC
    if channels["emails"]:
        return Channel.EMAIL
    return Channel.PAPER


def _send_written(user: AbstractBaseUser, letter: Letter, channels: dict) -> None:
    """A letter written in the system, once numbered: final PDF, the three copies, delivery."""
    from . import chain, delivery  # chain.py builds on this module; delivery.py on both

    chain.letter_finalize(user=user, letter=letter)
    delivery.deliveries_send(user=user, letter=letter, **channels)
    notices.tell_owner(letter, f"ออกเลขและส่งแล้ว ที่ {letter.reference}", user)


@transaction.atomic
def letter_dispatch(
    *, user: AbstractBaseUser, letter: Letter, letter_date: dt.date | None = None, now: dt.datetime | None = None,
    electronic: bool = False, emails: Iterable[str] = (), paper: Iterable = (), people: Iterable = (),
) -> Letter:  # fmt: skip
    """The clerk issues the send number of a draft on dispatch (ออกเลขทะเบียนส่ง).

    A draft written in the system (it has contents) is numbered only when its current version is
    signed; it is then rendered with its number and date and sent on the ticked channels.
    A register-only draft (a letter written outside the system) is numbered as before.
    """
    from .chain import require_signed

    access.require_letter_action(user, letter, "dispatch")
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status != Status.DRAFT:
        raise ValidationError(f"หนังสือนี้ออกเลขแล้ว ({letter.document_no})")
    written = letter.contents.exists()
    channels = {"electronic": electronic, "emails": list(emails), "paper": list(paper), "people": list(people)}
    if written:
        require_signed(letter)
        if not any(channels.values()):
            raise ValidationError("กรุณาเลือกช่องทางส่งอย่างน้อยหนึ่งช่องทาง")
        letter.channel = _dispatch_channel(letter, channels)
    now = now or timezone.now()
    letter.letter_date = letter_date
    letter.status = Status.REGISTERED
    _issue(letter, now)
    _save(letter, user, "ออกเลขทะเบียนส่ง")
    _step(letter, StepKind.ISSUED, user, text=f"ที่ {letter.reference}", at=now)
    if written:
        _send_written(user, letter, channels)
    return letter


@transaction.atomic
def letter_register_outgoing(
    *, user: AbstractBaseUser, register_code: str, subject: str, recipient_text: str = "", schools: Iterable = (),
    sender: str = "", document_type: str = "external", urgency: int = 0, deadline: dt.datetime | None = None,
    secrecy: int = 0, channel: str = Channel.PAPER, remarks: str = "", retention_years: int | None = None,
    keep_forever: bool = False, letter_date: dt.date | None = None, now: dt.datetime | None = None,
) -> Letter:  # fmt: skip
    """An outgoing entry drafted and numbered at once (the API's POST): the pages' two steps, ร่าง then
    ออกเลขทะเบียนส่ง, with their checks and their history, in one transaction."""
    access.require_issuer(user)
    draft = letter_draft_outgoing(
        user=user, register_code=register_code, subject=subject, recipient_text=recipient_text, schools=schools,
        sender=sender, document_type=document_type, urgency=urgency, deadline=deadline, secrecy=secrecy,
        channel=channel, remarks=remarks, retention_years=retention_years, keep_forever=keep_forever,
    )  # fmt: skip
    return letter_dispatch(user=user, letter=draft, letter_date=letter_date, now=now)


@transaction.atomic
def letter_issue_outgoing(
    *,
    user: AbstractBaseUser,
    register_code: str,
    subject: str,
    recipient_text: str,
    document_type: str = "external",
    note: str = "",
) -> Letter:
    """Contract for other apps: create an outgoing entry in send/circular/order and number it at once."""
    access.require_issuer(user, "ผู้ออกเลขหนังสือต้องเป็นเจ้าหน้าที่สารบรรณ ผอ.กลุ่ม เลขานุการ หรือผู้ดูแลระบบ")
    if register_code not in OUTGOING_CODES:
        raise ValidationError({"register": "ออกเลขได้เฉพาะทะเบียนหนังสือส่ง หนังสือเวียน หรือคำสั่ง"})
    now = timezone.now()
    letter = Letter(
        register=_register(register_code), subject=subject.strip(), recipient_text=recipient_text.strip(),
        sender=OfficeProfile.get().group_name, document_type=document_type, remarks=note, owner=user,
        status=Status.REGISTERED, retention_years=_default_retention(None), created_by=user, created_at=now,
    )  # fmt: skip
    _issue(letter, now)
    _save(letter, user, "ออกเลขหนังสือ")
    _step(letter, StepKind.ISSUED, user, text=f"ที่ {letter.reference}", at=now)
    return letter


def _changed(letter: Letter, fields: dict[str, object]) -> dict[str, object]:
    """The fields whose new value differs from the stored one."""
    out = {}
    for name, value in fields.items():
        current = letter.owner_id if name == "owner" else getattr(letter, name)
        new = getattr(value, "pk", value) if name == "owner" else value
        if current != new:
            out[name] = value
    return out


@transaction.atomic
def letter_update(*, user: AbstractBaseUser, letter: Letter, reason: str, **fields: object) -> Letter:
    """Correct an entry's columns (never its register, year or number), with a reason.

    Only the clerk and the administrator correct entries, a secret one only if they are cleared
    for it; cancelled and destroyed entries are not corrected. django-simple-history keeps who,
    when, the before and after of every field, and the reason.
    """
    access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณและผู้ดูแลระบบแก้ไขทะเบียนได้")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"แก้ไขช่องต่อไปนี้ไม่ได้: {', '.join(sorted(unknown))}")
    if not reason.strip():
        raise ValidationError({"reason": "กรุณาระบุเหตุผลที่แก้ไข"})
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    access.require_cleared(user, letter)
    if letter.is_cancelled:
        raise ValidationError("หนังสือที่ยกเลิกแล้วแก้ไขไม่ได้")
    if letter.is_destroyed:
        raise ValidationError("หนังสือที่ทำลายแล้วแก้ไขไม่ได้")
    changes = _changed(letter, fields)
    if not changes:
        raise ValidationError("ไม่มีช่องใดเปลี่ยนแปลง จึงไม่ได้บันทึก")
    for name, value in changes.items():
        setattr(letter, name, value)
    if letter.secrecy == Secrecy.TOP_SECRET and letter.attachments.exists():
        raise ValidationError({"secrecy": "หนังสือนี้มีไฟล์แนบ จึงเปลี่ยนเป็นลับที่สุดไม่ได้ (ลับที่สุดห้ามเก็บทางอิเล็กทรอนิกส์)"})
    _validate(letter)
    _save(letter, user, f"แก้ไขรายการ: {reason.strip()}")
    return letter


@transaction.atomic
def letter_cancel(*, user: AbstractBaseUser, letter: Letter, reason: str) -> Letter:
    """Cancel an entry: it keeps its number, marked cancelled with the reason, who and when."""
    access.require_letter_action(user, letter, "cancel")
    if not reason.strip():
        raise ValidationError({"reason": "กรุณาระบุเหตุผลที่ยกเลิก"})
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.is_cancelled:
        raise ValidationError("รายการนี้ยกเลิกไปแล้ว")
    if letter.status == Status.DRAFT:
        raise ValidationError("ร่างที่ยังไม่ออกเลขไม่ต้องยกเลิกในทะเบียน")
    if letter.is_destroyed:
        raise ValidationError("หนังสือที่ทำลายแล้วยกเลิกไม่ได้")
    letter.status = Status.CANCELLED
    letter.cancel_reason = reason.strip()
    letter.cancelled_by = user
    letter.cancelled_at = timezone.now()
    _save(letter, user, f"ยกเลิก: {letter.cancel_reason}")
    _step(letter, StepKind.CANCELLED, user, text=letter.cancel_reason, at=letter.cancelled_at)
    return letter


def _open_letter(letter: Letter) -> Letter:
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status in (Status.CANCELLED, Status.DRAFT) or letter.is_destroyed:
        raise ValidationError("หนังสือนี้ยังไม่ได้ลงทะเบียน ถูกยกเลิก หรือทำลายแล้ว")
    return letter


@transaction.atomic
def letter_present(*, user: AbstractBaseUser, letter: Letter, note: str = "") -> Letter:
    """The clerk presents a registered letter to the group director (เสนอ ผอ.กลุ่ม)."""
    access.require_letter_action(user, letter, "present")
    letter = _open_letter(letter)
    if letter.status != Status.REGISTERED:
        raise ValidationError("หนังสือนี้เสนอไปแล้ว")
    letter.status = Status.PRESENTED
    _save(letter, user, "เสนอ ผอ.กลุ่ม")
    _step(letter, StepKind.PRESENTED, user, text=note)
    notices.tell_presented(letter, user)
    return letter


@transaction.atomic
def letter_instruct(
    *, user: AbstractBaseUser, letter: Letter, instruction: str, assignees: Iterable, due_dates: dict | None = None
) -> Letter:
    """The director writes the instruction (เกษียนหนังสือ) and assigns one or more people, each with an
    optional due date (`due_dates`: assignee pk -> date)."""
    access.require_letter_action(user, letter, "instruct")
    letter = _open_letter(letter)
    assignees = [a for a in assignees if a is not None]
    if not instruction.strip():
        raise ValidationError({"instruction": "กรุณาเขียนข้อสั่งการ (เกษียนหนังสือ)"})
    if not assignees:
        raise ValidationError({"assignees": "กรุณาเลือกผู้รับมอบอย่างน้อยหนึ่งคน"})
    letter.instruction = instruction.strip()
    letter.status = Status.ASSIGNED
    _save(letter, user, "เกษียนหนังสือ")
    wording = acting_wording(user, Role.DIRECTOR)  # a deputy's เกษียน says in whose place it is written
    _step(letter, StepKind.INSTRUCTED, user, text=letter.instruction + (f" ({wording})" if wording else ""))
    new = []
    for person in assignees:
        due = (due_dates or {}).get(person.pk)
        assignment, created = Assignment.objects.get_or_create(
            letter=letter, assignee=person, defaults={"assigned_by": user, "due_on": due}
        )
        if not created and due and assignment.due_on != due:
            assignment.due_on = due
            assignment.save(update_fields=["due_on"])
        if created:
            _step(letter, StepKind.ASSIGNED, user, target=person)
            new.append(person)
    notices.tell_assigned(letter, new, user)
    return letter


def _own_assignment(user: AbstractBaseUser, assignment: Assignment) -> Assignment:
    assignment = Assignment.objects.select_for_update().select_related("letter").get(pk=assignment.pk)
    if assignment.assignee_id != user.pk:
        raise PermissionDenied("รายการนี้ไม่ได้มอบหมายให้คุณ")
    if assignment.letter.is_cancelled:
        raise ValidationError("หนังสือนี้ถูกยกเลิกแล้ว")
    return assignment


@transaction.atomic
def assignment_acknowledge(*, user: AbstractBaseUser, assignment: Assignment) -> Assignment:
    assignment = _own_assignment(user, assignment)
    if assignment.acknowledged_at:
        return assignment
    assignment.acknowledged_at = timezone.now()
    assignment._history_user = user
    assignment.save()
    _step(assignment.letter, StepKind.ACKNOWLEDGED, user, at=assignment.acknowledged_at)
    return assignment


@transaction.atomic
def assignment_complete(*, user: AbstractBaseUser, assignment: Assignment, result: str) -> Assignment:
    """The assignee records what was done; the letter is done when every assignee is."""
    if not result.strip():
        raise ValidationError({"result": "กรุณาบันทึกผลการปฏิบัติ"})
    assignment = _own_assignment(user, assignment)
    if assignment.done_at:
        raise ValidationError("บันทึกผลการปฏิบัติไปแล้ว")
    now = timezone.now()
    if not assignment.acknowledged_at:
        assignment.acknowledged_at = now
        _step(assignment.letter, StepKind.ACKNOWLEDGED, user, at=now)
    assignment.done_at = now
    assignment.result = result.strip()
    assignment._history_user = user
    assignment.save()
    _step(assignment.letter, StepKind.DONE, user, text=assignment.result, at=now)
    letter = Letter.objects.select_for_update().get(pk=assignment.letter_id)
    if not letter.assignments.filter(done_at__isnull=True).exists():
        letter.status = Status.DONE
        _save(letter, user, "ปฏิบัติแล้วครบทุกคน")
    return assignment
