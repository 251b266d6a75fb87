"""Delivery of dispatched letters (issue 12 parts 4 and 5): send, open, acknowledge, remind, reply.

A numbered outgoing letter goes out on the channels ticked at dispatch:
- electronic (ระบบสารบรรณอิเล็กทรอนิกส์): one Delivery per recipient school (every staff login of the school
  reads it in หนังสือถึงโรงเรียน) and per person with an account;
- e-mail: one Delivery per address, and a real message with the letter's final PDF attached;
- paper (post or by hand): one Delivery per name and address, printed on the envelope label sheet.

Secrecy (2526 regulation, 2564 amendment): ลับที่สุด goes by paper only; ลับ and ลับมาก never go to a
school electronically, and an e-mail never carries a secret letter's subject or its PDF.
A failed e-mail is recorded on its Delivery (`error`), never raised to the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from core import thaidate
from core.models import OfficeProfile, display_name

from . import access, notices
from .models import Channel, ContentState, Delivery, Letter, RoutingStep, Secrecy, Status, StepKind

__all__ = [
    "deliveries_remind", "deliveries_send", "delivery_acknowledge", "delivery_open", "delivery_reply_register",
    "final_pdf_of",
]  # fmt: skip

ATTACH_MAX_BYTES = 10 * 1024 * 1024  # what one e-mail carries at most; larger files stay in the system
FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


# --- helpers -----------------------------------------------------------------------------------
def final_pdf_of(letter: Letter) -> File | None:
    """The letter as sent (number and date filled in): the current version's final PDF, if printed."""
    content = letter.contents.exclude(state=ContentState.VOIDED).first()
    return content.final_pdf if content and content.final_pdf else None


def _step(letter: Letter, kind: str, user: AbstractBaseUser, text: str) -> None:
    RoutingStep.objects.create(letter=letter, kind=kind, actor=user, text=text, at=timezone.now())


def _save(delivery: Delivery, user: AbstractBaseUser) -> None:
    delivery._history_user = user
    delivery.save()


def _send(message: EmailMessage) -> str:
    """Send one message: "" when it went, else why not (kept on the Delivery, never raised)."""
    try:
        message.send(fail_silently=False)
    except Exception as exc:  # noqa: BLE001 - any backend failure (SMTP, network, bad header) is recorded
        return f"ส่งอีเมลไม่สำเร็จ: {exc}"[:300]
    if settings.EMAIL_BACKEND == FILE_BACKEND and not settings.DEBUG:
        return "ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (EMAIL_HOST): อีเมลถูกเก็บเป็นไฟล์ ไม่ได้ส่งจริง"
    return ""


def _title(letter: Letter) -> str:
    """The e-mail subject: ที่ and เรื่อง, or only the ที่ and the secrecy level for a secret letter."""
    if letter.is_secret:
        return f"หนังสือ {letter.document_no} (หนังสือ{letter.get_secrecy_display()})"
    return f"หนังสือ {letter.document_no} เรื่อง {letter.subject}"[:250]


def _link_line() -> str:
    site = getattr(settings, "SITE_URL", "")
    return f"\nเปิดอ่านและกดรับทราบได้ที่ {site.rstrip('/')}/correspondence/school/\n" if site else ""


def _letter_text(letter: Letter, name: str) -> str:
    office = OfficeProfile.get()
    about = "" if letter.is_secret else f" เรื่อง {letter.subject}"
    urgency = f"\nชั้นความเร็ว: {letter.get_urgency_display()}" if letter.urgency else ""
    return (
        f"เรียน {name}\n\n{office.office_name} {office.group_name} ส่งหนังสือ ที่ {letter.document_no} "
        f"ลงวันที่ {thaidate.format_full(letter.letter_date)}{about}{urgency}\n"
        + ("รายละเอียดตามไฟล์แนบ\n" if not letter.is_secret else "เป็นหนังสือชั้นความลับ โปรดติดต่อรับหนังสือฉบับจริง\n")
        + _link_line()
        + f"\n{office.group_name}\n{office.office_name}\n"
    )


def _attach_files(message: EmailMessage, letter: Letter) -> None:
    """The letter's final PDF and its enclosures, up to ATTACH_MAX_BYTES in all (never a secret letter's)."""
    if letter.is_secret:
        return
    budget = ATTACH_MAX_BYTES
    pdf = final_pdf_of(letter)
    files = [(f"{letter.document_no or 'letter'}.pdf".replace("/", "-"), pdf, "application/pdf")] if pdf else []
    files += [(a.original_name, a.file, a.content_type) for a in letter.attachments.all()]
    for name, field, content_type in files:
        if field.size > budget:
            continue
        budget -= field.size
        with field.open("rb") as handle:
            message.attach(name, handle.read(), content_type)


# --- sending -----------------------------------------------------------------------------------
def _sendable(user: AbstractBaseUser, letter: Letter) -> Letter:
    letter = Letter.objects.select_for_update().select_related("register").get(pk=letter.pk)
    if not (access.can_issue(user) or letter.owner_id == user.pk) or not access.is_cleared(user, letter):
        raise PermissionDenied("เฉพาะผู้ออกเลขหนังสือและเจ้าของเรื่องส่งหนังสือได้")
    if letter.status in (Status.DRAFT, Status.CANCELLED) or letter.number is None or letter.register.is_incoming:
        raise ValidationError("ส่งได้เฉพาะหนังสือส่งที่ออกเลขแล้วและยังไม่ถูกยกเลิก")
    return letter


def _clean_emails(emails: Iterable[str]) -> list[str]:
    out: list[str] = []
    for raw in emails:
        address = parseaddr(str(raw).strip())[1] or str(raw).strip()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError({"emails": f"อีเมล “{raw}” ไม่ถูกต้อง"}) from None
        if address.lower() not in {a.lower() for a in out}:
            out.append(address)
    return out


def _clean_paper(paper: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for name, address in paper:
        if not str(name).strip():
            raise ValidationError({"paper": "ผู้รับทางกระดาษต้องมีชื่อ"})
        out.append((str(name).strip()[:300], str(address).strip()))
    return out


def _check_secrecy(letter: Letter, *, electronic: bool, schools: list, people: list, emails: list) -> None:
    if letter.secrecy == Secrecy.TOP_SECRET and ((electronic and (schools or people)) or emails):
        raise ValidationError("หนังสือลับที่สุดส่งได้เฉพาะทางกระดาษ ห้ามส่งทางระบบหรืออีเมล")
    if letter.is_secret and electronic and schools:
        raise ValidationError(f"หนังสือ{letter.get_secrecy_display()}ไม่ส่งถึงโรงเรียนทางระบบ ให้ส่งเป็นกระดาษหรือถึงตัวบุคคล")


def _to_schools(letter: Letter, user: AbstractBaseUser, schools: list, now: object) -> list[Delivery]:
    done = set(letter.deliveries.filter(school__isnull=False).values_list("school_id", flat=True))
    rows = [
        Delivery(letter=letter, channel=Channel.ELECTRONIC, school=s, name=s.name, sent_at=now, sent_by=user)
        for s in schools
        if s.pk not in done
    ]
    return [_created(d, user) for d in rows]


def _to_people(letter: Letter, user: AbstractBaseUser, people: list, now: object) -> list[Delivery]:
    done = set(letter.deliveries.filter(user__isnull=False).values_list("user_id", flat=True))
    rows = [
        Delivery(letter=letter, channel=Channel.ELECTRONIC, user=p, name=display_name(p), address=p.email,
                 sent_at=now, sent_by=user)
        for p in people
        if p.pk not in done
    ]  # fmt: skip
    return [_created(d, user) for d in rows]


def _by_email(letter: Letter, user: AbstractBaseUser, emails: list[str], now: object) -> list[Delivery]:
    sent = {
        a.lower() for a in letter.deliveries.filter(channel=Channel.EMAIL, error="").values_list("address", flat=True)
    }
    made = []
    for address in (a for a in emails if a.lower() not in sent):
        message = EmailMessage(_title(letter), _letter_text(letter, address), to=[address])
        _attach_files(message, letter)
        made.append(
            _created(Delivery(letter=letter, channel=Channel.EMAIL, name=address, address=address, sent_at=now,
                              sent_by=user, error=_send(message)), user)
        )  # fmt: skip
    return made


def _on_paper(letter: Letter, user: AbstractBaseUser, paper: list[tuple[str, str]], now: object) -> list[Delivery]:
    rows = [
        Delivery(letter=letter, channel=Channel.PAPER, name=name, address=address, sent_at=now, sent_by=user)
        for name, address in paper
    ]
    return [_created(d, user) for d in rows]


def _created(delivery: Delivery, user: AbstractBaseUser) -> Delivery:
    _save(delivery, user)
    return delivery


def _summary(made: list[Delivery]) -> str:
    """ "ส่งทางระบบถึง 12 โรงเรียน, อีเมล 2, กระดาษ 1" (and the e-mails that failed, if any)."""
    schools = sum(1 for d in made if d.school_id)
    people = sum(1 for d in made if d.user_id)
    emails = [d for d in made if d.channel == Channel.EMAIL]
    paper = sum(1 for d in made if d.channel == Channel.PAPER)
    electronic = " และ ".join(t for t in (schools and f"{schools} โรงเรียน", people and f"{people} คน") if t)
    failed = sum(1 for d in emails if d.error)
    parts = [
        electronic and f"ส่งทางระบบถึง {electronic}", emails and f"อีเมล {len(emails)}", paper and f"กระดาษ {paper}",
        failed and f"ส่งอีเมลไม่สำเร็จ {failed}",
    ]  # fmt: skip
    return ", ".join(p for p in parts if p)


@transaction.atomic
def deliveries_send(
    *, user: AbstractBaseUser, letter: Letter, electronic: bool = True, emails: Iterable[str] = (),
    paper: Iterable[tuple[str, str]] = (), people: Iterable[AbstractBaseUser] = (),
) -> list[Delivery]:  # fmt: skip
    """Send a numbered letter on the channels ticked; one RoutingStep SENT sums it up.

    Sending again skips the schools, people and e-mail addresses the letter already reached.
    """
    letter = _sendable(user, letter)
    emails, paper = _clean_emails(emails), _clean_paper(paper)
    people = [p for p in people if p is not None] if electronic else []
    schools = list(letter.recipient_schools.order_by("name")) if electronic else []
    _check_secrecy(letter, electronic=electronic, schools=schools, people=people, emails=emails)
    now = timezone.now()
    made = [
        *_to_schools(letter, user, schools, now), *_to_people(letter, user, people, now),
        *_by_email(letter, user, emails, now), *_on_paper(letter, user, paper, now),
    ]  # fmt: skip
    if made:
        _step(letter, StepKind.SENT, user, _summary(made))
        notices.tell_delivered(letter, [d for d in made if d.channel == Channel.ELECTRONIC], user)
    return made


# --- the recipient's side ------------------------------------------------------------------------
def _own(user: AbstractBaseUser, delivery: Delivery) -> Delivery:
    access.require_recipient(user, delivery)
    return Delivery.objects.select_for_update().select_related("letter").get(pk=delivery.pk)


@transaction.atomic
def delivery_open(*, user: AbstractBaseUser, delivery: Delivery) -> Delivery:
    """The first opening by someone of the recipient school (or the person) is timestamped, once."""
    delivery = _own(user, delivery)
    if delivery.first_opened_at is None:
        delivery.first_opened_at = timezone.now()
        delivery.first_opened_by = user
        _save(delivery, user)
    return delivery


@transaction.atomic
def delivery_acknowledge(*, user: AbstractBaseUser, delivery: Delivery) -> Delivery:
    """รับทราบ: once per recipient (the first press counts); it implies the letter was opened."""
    delivery = _own(user, delivery)
    if delivery.acknowledged_at is not None:
        return delivery
    now = timezone.now()
    if delivery.first_opened_at is None:
        delivery.first_opened_at, delivery.first_opened_by = now, user
    delivery.acknowledged_at, delivery.acknowledged_by = now, user
    _save(delivery, user)
    return delivery


# --- the sender's side -----------------------------------------------------------------------------
def _addresses(delivery: Delivery) -> list[str]:
    """Where a reminder goes: the school's staff logins with an e-mail, or the person's e-mail."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if delivery.school_id:
        users = users.filter(school_membership__school_id=delivery.school_id)
    else:
        users = users.filter(pk=delivery.user_id)
    return sorted(set(users.values_list("email", flat=True)))


def _reminder(letter: Letter, delivery: Delivery, addresses: list[str]) -> EmailMessage:
    text = _letter_text(letter, delivery.name)
    note = "\nหนังสือนี้ยังไม่ได้กดรับทราบในระบบ ขอความกรุณาเปิดอ่านและกดรับทราบ\n"
    return EmailMessage(f"เตือน: {_title(letter)}"[:250], text.replace("\n\n", note + "\n", 1), to=addresses)


@transaction.atomic
def deliveries_remind(*, user: AbstractBaseUser, letter: Letter) -> int:
    """E-mail the recipients who have not acknowledged yet (and have an e-mail); how many were reminded."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if not access.may_remind(user, letter):
        raise PermissionDenied("เฉพาะเจ้าของเรื่อง เจ้าหน้าที่สารบรรณ และผู้อำนวยการกลุ่มเตือนผู้รับได้")
    if letter.is_cancelled:
        raise ValidationError("หนังสือนี้ถูกยกเลิกแล้ว")
    laggards = letter.deliveries.select_for_update().filter(channel=Channel.ELECTRONIC, acknowledged_at__isnull=True)
    reminded = 0
    for delivery in laggards.order_by("id"):
        addresses = _addresses(delivery)
        if not addresses:
            continue
        error = _send(_reminder(letter, delivery, addresses))
        if error:
            delivery.error = f"เตือน: {error}"[:300]
        else:
            delivery.reminded_at, delivery.reminder_count = timezone.now(), delivery.reminder_count + 1
            reminded += 1
        _save(delivery, user)
    if reminded:
        _step(letter, StepKind.REMINDED, user, f"เตือนผู้ที่ยังไม่รับทราบทางอีเมล {reminded} ราย")
    return reminded


@transaction.atomic
def delivery_reply_register(*, user: AbstractBaseUser, delivery: Delivery, letter: Letter) -> Delivery:
    """Link the school's reply, registered in ทะเบียนหนังสือรับ, to the delivery it answers (the clerk)."""
    access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนหนังสือตอบได้")
    delivery = Delivery.objects.select_for_update().select_related("letter").get(pk=delivery.pk)
    access.require_cleared(user, delivery.letter)
    reply = Letter.objects.select_related("register").get(pk=letter.pk)
    if not reply.register.is_incoming or reply.number is None or reply.is_cancelled:
        raise ValidationError("หนังสือตอบต้องเป็นรายการในทะเบียนหนังสือรับที่ยังไม่ยกเลิก")
    if delivery.reply_id and delivery.reply_id != reply.pk:
        raise ValidationError(f"{delivery.name} มีหนังสือตอบลงทะเบียนไว้แล้ว")
    if delivery.reply_id == reply.pk:
        return delivery
    delivery.reply = reply
    _save(delivery, user)
    _step(delivery.letter, StepKind.REPLIED, user, f"{delivery.name} ตอบ: ทะเบียนรับเลขที่ {reply.number}/{reply.year}")
    return delivery
