"""Letters written in the system: drafting with content, the approval chain, signing, versions.

HackSoft style (<noun>_<verb>, keyword-only, atomic). A written letter is an outgoing draft entry
(services.letter_draft_outgoing) with LetterContent versions; the owner sends a version up a chain
of ApprovalSteps (ตรวจ/เสนอผ่าน … then ลงนาม); the signer's own logged-in act signs it (the 2564
rule: name, position, time and the SHA-256 of the signed PDF). A signed version is never edited:
a correction voids it and starts the next version. Every step adds a RoutingStep to the letter.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from core import thaidate
from core.models import ActingAppointment, OfficeProfile, StaffProfile, display_name

from . import access, notices, services
from .models import (
    KIND_DOCUMENT_TYPE,
    ApprovalRole,
    ApprovalStep,
    Channel,
    ContentState,
    CopyKind,
    Decision,
    Letter,
    LetterContent,
    LetterCopy,
    LetterKind,
    LetterTemplate,
    RoutingStep,
    Secrecy,
    Status,
    StepKind,
)  # fmt: skip

__all__ = [
    "approval_approve", "approval_return", "approval_sign", "content_current", "content_new_version",
    "content_submit", "content_update", "letter_finalize", "letter_write", "template_save",
]  # fmt: skip

# The parts of a version the owner writes (the letter's subject lives on the register entry).
CONTENT_FIELDS = (
    "kind", "salutation", "addressee", "reference_text", "reference_letter", "enclosures", "body", "closing",
    "signer", "owner_unit", "owner_phone", "owner_email",
)  # fmt: skip
TEMPLATE_FIELDS = ("salutation", "addressee", "enclosures", "body", "closing")


def _step(letter: Letter, kind: str, actor: AbstractBaseUser, *, text: str = "", target=None) -> None:  # noqa: ANN001
    RoutingStep.objects.create(letter=letter, kind=kind, actor=actor, target=target, text=text, at=timezone.now())


def _save(obj: object, user: AbstractBaseUser, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason
    obj.save()


def _profile(user: AbstractBaseUser | None) -> StaffProfile | None:
    try:
        return user.profile if user is not None else None
    except StaffProfile.DoesNotExist:
        return None


def _position(user: AbstractBaseUser | None) -> str:
    profile = _profile(user)
    return profile.position_line if profile else ""


def _office_parts(user: AbstractBaseUser) -> dict[str, str]:
    """ส่วนราชการเจ้าของเรื่อง, โทร. and e-mail: the office's, else the owner's own."""
    office = OfficeProfile.get()
    profile = _profile(user)
    phone = office.phone or (profile.phone if profile else "")
    return {"owner_unit": office.group_name, "owner_phone": phone, "owner_email": office.email or user.email}


def _signer_parts(content: LetterContent) -> None:
    if content.signer_id:
        content.signer_name = display_name(content.signer)
        content.signer_position = _position(content.signer)


def _addressee(addressee: str, template: LetterTemplate | None, schools: list, recipient_text: str) -> str:
    if addressee.strip():
        return addressee.strip()
    if template and template.addressee:
        return template.addressee
    if len(schools) == 1:
        return f"ผู้อำนวยการ{schools[0].name}"
    if schools:
        return "ผู้อำนวยการสถานศึกษา (ตามรายชื่อแนบท้าย)"
    return recipient_text.strip()[:500]


def content_current(letter: Letter) -> LetterContent | None:
    """The version that counts: the newest one not voided (None for a register-only draft)."""
    return letter.contents.exclude(state=ContentState.VOIDED).order_by("-version").first()


@transaction.atomic
def letter_write(
    *, user: AbstractBaseUser, register_code: str, kind: str, subject: str, addressee: str = "",
    schools: Iterable = (), recipient_text: str = "", template: LetterTemplate | None = None, urgency: int = 0,
    secrecy: int = 0, **parts: object,
) -> LetterContent:  # fmt: skip
    """A draft entry in the send, circular or order register and its first version, from a template."""
    access.require_drafter(user, "คุณไม่มีสิทธิ์เขียนหนังสือ")
    unknown = set(parts) - set(CONTENT_FIELDS)
    if unknown:
        raise ValidationError(f"ไม่รู้จักส่วนของหนังสือ: {', '.join(sorted(unknown))}")
    if kind not in LetterKind.values:
        raise ValidationError({"kind": "กรุณาเลือกรูปแบบหนังสือ"})
    subject = (subject or (template.subject if template else "")).strip()
    if not subject:
        raise ValidationError({"subject": "กรุณาระบุเรื่อง"})
    schools = list(schools)
    channel = Channel.PAPER if secrecy == Secrecy.TOP_SECRET else Channel.ELECTRONIC
    letter = services.letter_draft_outgoing(
        user=user, register_code=register_code, subject=subject,
        recipient_text=recipient_text, schools=schools, document_type=KIND_DOCUMENT_TYPE[LetterKind(kind)],
        urgency=urgency, secrecy=secrecy, channel=channel,
    )  # fmt: skip
    values = {name: getattr(template, name) for name in TEMPLATE_FIELDS if template and getattr(template, name)}
    values.update(_office_parts(user))
    values.update({k: v for k, v in parts.items() if v not in (None, "")})
    values["addressee"] = _addressee(addressee, template, schools, letter.recipient_text)
    content = LetterContent(letter=letter, version=1, kind=kind, template=template, created_by=user, **values)
    _signer_parts(content)
    content.full_clean()
    _save(content, user, "ร่างหนังสือ")
    return content


def _own_editable(user: AbstractBaseUser, content: LetterContent) -> LetterContent:
    content = LetterContent.objects.select_for_update().select_related("letter").get(pk=content.pk)
    if content.letter.owner_id != user.pk:
        raise PermissionDenied("เฉพาะเจ้าของเรื่องแก้ไขร่างนี้ได้")
    if not content.is_editable:
        raise ValidationError(
            f"ร่างฉบับที่ {content.version} {content.get_state_display()} แก้ไขไม่ได้ "
            "หากต้องการแก้ไขให้ทำฉบับแก้ไขใหม่ (ฉบับเดิมจะถูกยกเลิกพร้อมเหตุผล)"
        )
    return content


@transaction.atomic
def content_update(*, user: AbstractBaseUser, content: LetterContent, **fields: object) -> LetterContent:
    """The owner changes the parts of an editing (or returned) version; `subject` changes the entry's เรื่อง."""
    content = _own_editable(user, content)
    subject = fields.pop("subject", None)
    unknown = set(fields) - set(CONTENT_FIELDS)
    if unknown:
        raise ValidationError(f"แก้ไขส่วนต่อไปนี้ไม่ได้: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(content, name, value)
    _signer_parts(content)
    content.full_clean()
    _save(content, user, "แก้ไขร่าง")
    letter, document_type = content.letter, KIND_DOCUMENT_TYPE[LetterKind(content.kind)]
    if (subject or "").strip() and (subject.strip(), document_type) != (letter.subject, letter.document_type):
        letter.subject, letter.document_type = subject.strip(), document_type
        _save(letter, user, "แก้ไขเรื่อง/รูปแบบของร่าง")
    return content


def _check_chain(content: LetterContent, chain: list[tuple[str, AbstractBaseUser]]) -> None:
    if not chain:
        raise ValidationError("กรุณากำหนดผู้ตรวจและผู้ลงนามอย่างน้อยหนึ่งคน (ผู้ลงนาม)")
    roles = [role for role, _ in chain]
    if roles[-1] != ApprovalRole.SIGN or roles.count(ApprovalRole.SIGN) != 1:
        raise ValidationError("ขั้นตอนสุดท้ายต้องเป็นผู้ลงนาม และมีผู้ลงนามได้คนเดียว")
    if any(role not in ApprovalRole.values for role in roles) or any(p is None for _, p in chain):
        raise ValidationError("ขั้นตอนการเสนอไม่ครบ: ทุกขั้นต้องมีหน้าที่และผู้ดำเนินการ")
    signer = chain[-1][1]
    if content.signer_id and content.signer_id != signer.pk:
        raise ValidationError(
            f"ผู้ลงนามในขั้นสุดท้าย ({display_name(signer)}) ไม่ตรงกับผู้ลงนามของร่าง ({display_name(content.signer)})"
        )


@transaction.atomic
def content_submit(
    *, user: AbstractBaseUser, content: LetterContent, chain: list[tuple[str, AbstractBaseUser]]
) -> LetterContent:
    """The owner sends the version up the chain (ผู้ตรวจ … then ผู้ลงนาม): a new round of steps."""
    content = _own_editable(user, content)
    chain = list(chain)
    _check_chain(content, chain)
    if not content.body.strip():
        raise ValidationError({"body": "กรุณาเขียนข้อความของหนังสือก่อนเสนอ"})
    content.signer = chain[-1][1]
    _signer_parts(content)
    last = content.approvals.aggregate(n=Max("round"))["n"] or 0
    for order, (role, person) in enumerate(chain, start=1):
        ApprovalStep.objects.create(content=content, round=last + 1, order=order, role=role, approver=person)
    content.state = ContentState.IN_REVIEW
    _save(content, user, "เสนอร่าง")
    names = " → ".join(f"{ApprovalRole(r).label} {display_name(p)}" for r, p in chain)
    _step(content.letter, StepKind.SUBMITTED, user, text=f"ฉบับที่ {content.version}: {names}", target=chain[0][1])
    notices.tell_approver(content.approvals.get(round=last + 1, order=1), user)
    return content


def _acting(user: AbstractBaseUser, principal_id: int) -> ActingAppointment | None:
    """The appointment letting `user` act today for the named approver, if any."""
    today = thaidate.today()
    appointments = ActingAppointment.objects.filter(principal_id=principal_id, deputy_id=user.pk)
    for appointment in appointments:
        if appointment.covers(today):
            return appointment
    if appointments.exists():
        first = appointments.first()
        raise PermissionDenied(
            f"คำสั่งให้ทำการแทนของคุณมีผลวันที่ {thaidate.format_short(first.starts_on)} ถึง "
            f"{thaidate.format_short(first.ends_on)} จึงดำเนินการแทนในวันนี้ไม่ได้"
        )
    raise PermissionDenied("คุณไม่ใช่ผู้ที่มีชื่อในขั้นตอนนี้ และไม่มีคำสั่งให้ทำการแทน")


def may_act(user: AbstractBaseUser, step: ApprovalStep) -> bool:
    """Whether the decision buttons are for `user`: the named approver, or their deputy today."""
    if step.decision != Decision.PENDING or step.content.state != ContentState.IN_REVIEW:
        return False
    if step.approver_id == user.pk:
        return True
    today = thaidate.today()
    acting = ActingAppointment.objects.filter(principal_id=step.approver_id, deputy_id=user.pk)
    return acting.filter(starts_on__lte=today, ends_on__gte=today).exists()


def _take(user: AbstractBaseUser, step: ApprovalStep, role: str) -> tuple[ApprovalStep, ActingAppointment | None]:
    """Lock the step; refuse someone not named (403), then a step decided, of another role or out of order."""
    step = ApprovalStep.objects.select_for_update().select_related("content__letter").get(pk=step.pk)
    acting = None if step.approver_id == user.pk else _acting(user, step.approver_id)
    if step.content.state != ContentState.IN_REVIEW or step.decision != Decision.PENDING:
        raise ValidationError("ขั้นตอนนี้ดำเนินการไปแล้ว หรือร่างไม่ได้อยู่ระหว่างเสนอ")
    if step.role != role:
        raise ValidationError(f"ขั้นตอนนี้เป็นการ{step.get_role_display()}")
    earlier = step.content.approvals.filter(round=step.round, order__lt=step.order, decision=Decision.PENDING)
    if earlier.exists():
        waiting = earlier.select_related("approver__profile").first()
        raise ValidationError(f"ยังไม่ถึงลำดับนี้: รอ{waiting.get_role_display()}โดย {display_name(waiting.approver)} ก่อน")
    return step, acting


def _decide(step: ApprovalStep, user: AbstractBaseUser, decision: str, comment: str, acting) -> None:  # noqa: ANN001
    step.decision = decision
    step.comment = comment.strip()
    step.decided_at = timezone.now()
    step.decided_by = user
    step.acting = acting
    _save(step, user, step.get_decision_display())


def _as(user: AbstractBaseUser, acting: ActingAppointment | None) -> str:
    return display_name(user) + (f" ({acting.wording})" if acting else "")


@transaction.atomic
def approval_approve(*, user: AbstractBaseUser, step: ApprovalStep, comment: str = "") -> ApprovalStep:
    """A checker (ผู้ตรวจ/เสนอผ่าน) approves and the draft goes on to the next step."""
    step, acting = _take(user, step, ApprovalRole.CHECK)
    _decide(step, user, Decision.APPROVED, comment, acting)
    text = f"ฉบับที่ {step.content.version} {_as(user, acting)}" + (f": {step.comment}" if step.comment else "")
    following = step.content.approvals.filter(round=step.round, order__gt=step.order).first()
    _step(step.content.letter, StepKind.CHECKED, user, text=text, target=following.approver if following else None)
    notices.tell_owner(step.content.letter, f"{_as(user, acting)} เห็นชอบร่างแล้ว", user)
    if following:
        notices.tell_approver(following, user)
    return step


@transaction.atomic
def approval_return(*, user: AbstractBaseUser, step: ApprovalStep, reason: str) -> ApprovalStep:
    """Return the draft with a reason: the round ends (the rest SKIPPED), the owner edits and resubmits."""
    if not reason.strip():
        raise ValidationError({"reason": "กรุณาระบุเหตุผลที่ส่งกลับให้แก้ไข"})
    step, acting = _take(user, step, step.role)
    _decide(step, user, Decision.RETURNED, reason, acting)
    step.content.approvals.filter(round=step.round, decision=Decision.PENDING).update(decision=Decision.SKIPPED)
    content = step.content
    content.state = ContentState.RETURNED
    _save(content, user, f"ส่งกลับ: {step.comment}")
    text = f"ฉบับที่ {content.version} {_as(user, acting)} ส่งกลับ เหตุผล: {step.comment}"
    _step(content.letter, StepKind.DRAFT_RETURNED, user, text=text, target=content.letter.owner)
    notices.tell_owner(content.letter, f"ร่างถูกส่งกลับให้แก้ไข ({step.comment[:100]})", user)
    return step


def _render(content: LetterContent, stage: str) -> bytes:
    from .letterpdf import render_letter  # helper "print"'s renderer: one renderer for every stage

    return render_letter(content, stage=stage)


@transaction.atomic
def approval_sign(*, user: AbstractBaseUser, step: ApprovalStep) -> LetterContent:
    """The signer's own act: freeze name and position, render and hash the PDF, record the signature."""
    step, acting = _take(user, step, ApprovalRole.SIGN)
    content = step.content
    now = timezone.now()
    content.signer_name = display_name(user)
    content.signer_position = _position(user)
    content.acting_wording = acting.wording if acting else ""
    content.signed_at, content.signed_by = now, user
    pdf = _render(content, "signed")
    content.signed_sha256 = hashlib.sha256(pdf).hexdigest()
    content.signed_pdf.save(f"signed-v{content.version}.pdf", ContentFile(pdf), save=False)
    content.state = ContentState.SIGNED
    _save(content, user, "ลงนาม")
    step.signed_name, step.signed_position = content.signer_name, content.signer_position
    step.signed_sha256 = content.signed_sha256
    _decide(step, user, Decision.SIGNED, "", acting)
    text = f"ลงนามโดย {_as(user, acting)} เมื่อ {thaidate.format_datetime(now)} (ฉบับที่ {content.version})"
    _step(content.letter, StepKind.SIGNED, user, text=text, target=content.letter.owner)
    notices.tell_owner(content.letter, "ลงนามแล้ว รอเจ้าหน้าที่สารบรรณออกเลขและส่ง", user)
    return content


@transaction.atomic
def content_new_version(*, user: AbstractBaseUser, content: LetterContent, reason: str) -> LetterContent:
    """Void a signed or in-review version with the reason and copy its parts into version n+1 (editing)."""
    if not reason.strip():
        raise ValidationError({"reason": "กรุณาระบุเหตุผลที่ยกเลิกฉบับเดิม"})
    old = LetterContent.objects.select_for_update().select_related("letter").get(pk=content.pk)
    if old.letter.owner_id != user.pk:
        raise PermissionDenied("เฉพาะเจ้าของเรื่องทำฉบับแก้ไขใหม่ได้")
    if old.letter.status != Status.DRAFT:
        raise ValidationError("หนังสือนี้ออกเลขแล้ว ทำฉบับแก้ไขใหม่ไม่ได้")
    if old.state not in (ContentState.SIGNED, ContentState.IN_REVIEW):
        raise ValidationError("ฉบับนี้ยังแก้ไขได้โดยตรง ไม่ต้องทำฉบับใหม่")
    old.approvals.filter(decision=Decision.PENDING).update(decision=Decision.SKIPPED)
    old.state, old.void_reason, old.voided_at = ContentState.VOIDED, reason.strip(), timezone.now()
    _save(old, user, f"ยกเลิกฉบับที่ {old.version}: {old.void_reason}")
    new = LetterContent(
        letter=old.letter, version=old.version + 1, kind=old.kind, template=old.template, created_by=user,
        **{name: getattr(old, name) for name in CONTENT_FIELDS if name != "kind"},
    )  # fmt: skip
    _signer_parts(new)
    _save(new, user, f"ฉบับแก้ไขที่ {new.version}")
    text = f"ยกเลิกฉบับที่ {old.version} เหตุผล: {old.void_reason} · เริ่มฉบับที่ {new.version}"
    _step(old.letter, StepKind.NEW_VERSION, user, text=text)
    return new


def _recipients_short(letter: Letter, content: LetterContent) -> str:
    """Who the original goes to, in the copy's 300 characters (a circular names its count, not every school)."""
    text = letter.recipient_text.strip()
    if len(text) <= 300:
        return text
    return f"{content.addressee or 'ผู้รับ'} รวม {letter.recipient_schools.count()} แห่ง"[:300]


def letter_finalize(*, user: AbstractBaseUser, letter: Letter) -> LetterContent:
    """At dispatch, after numbering (inside letter_dispatch's transaction): the final PDF with the
    number and date, and the three copies of seed 001 (original out, owner's, central)."""
    content = content_current(letter)
    content.letter = letter
    pdf = _render(content, "final")
    content.final_sha256 = hashlib.sha256(pdf).hexdigest()
    content.final_pdf.save(f"final-{letter.year}-{letter.number}.pdf", ContentFile(pdf), save=False)
    _save(content, user, "ฉบับส่ง (มีเลขที่และวันที่)")
    holders = {
        CopyKind.ORIGINAL: _recipients_short(letter, content),
        CopyKind.OWNER: display_name(letter.owner) or display_name(user),
        CopyKind.CENTRAL: f"สารบรรณกลาง {OfficeProfile.get().group_name}"[:300],
    }
    for kind, holder in holders.items():
        LetterCopy.objects.create(letter=letter, content=content, kind=kind, holder=holder, recorded_by=user)
    return content


def require_signed(letter: Letter) -> None:
    """A draft written in the system is numbered only once its current version is signed."""
    content = content_current(letter)
    if letter.contents.exists() and (content is None or not content.is_signed):
        state = content.get_state_display() if content else "ไม่มีฉบับที่ใช้ได้"
        raise ValidationError(f"ร่างนี้ยังไม่ได้ลงนาม ({state}) จึงออกเลขทะเบียนส่งไม่ได้")


def pending_for(user: AbstractBaseUser) -> list[ApprovalStep]:
    """ "รอฉันตรวจ/ลงนาม": the steps now waiting for `user` (or for whom they act today)."""
    today = thaidate.today()
    principals = ActingAppointment.objects.filter(deputy_id=user.pk, starts_on__lte=today, ends_on__gte=today)
    ids = {user.pk, *principals.values_list("principal_id", flat=True)}
    earlier_pending = ApprovalStep.objects.filter(
        content=OuterRef("content"), round=OuterRef("round"), order__lt=OuterRef("order"), decision=Decision.PENDING
    )
    steps = (
        ApprovalStep.objects.filter(
            approver_id__in=ids, decision=Decision.PENDING, content__state=ContentState.IN_REVIEW
        )
        .exclude(Exists(earlier_pending))  # one query, not one per step: only the steps whose turn it is
        .select_related("content__letter", "approver__profile", "content__letter__owner__profile")
    )
    return list(steps)


@transaction.atomic
def template_save(*, user: AbstractBaseUser, template: LetterTemplate, **fields: object) -> LetterTemplate:
    """Create or change one of the office's letter templates (clerk, group director, administrator)."""
    access.require_template_keeper(user)
    for name, value in fields.items():
        setattr(template, name, value)
    if template.register_code not in services.OUTGOING_CODES:
        raise ValidationError({"register_code": "แม่แบบใช้ได้กับทะเบียนหนังสือส่ง หนังสือเวียน หรือคำสั่ง"})
    template.created_by = template.created_by or user
    template.full_clean()
    _save(template, user, "บันทึกแม่แบบหนังสือ")
    return template
