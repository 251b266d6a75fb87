"""Who may do what in the correspondence app: every access rule of the app, in one place.

- Readers (the office roles) read the registers; whoever else (committee members, school staff)
  is not told they exist: 404 on every page and API endpoint that reads them.
- A page for one kind of work (registering mail, drafting, keeping, counters, letter templates and the
  เกษียน's quick phrases) answers 403 to anyone without the role for it.
- An object (entry, attachment, assignment, borrowing, destruction batch) the user may not know of
  is a 404; a read-only user who tries to change it gets a 403.
- Secrecy (ลับ, ลับมาก, ลับที่สุด): the clerk and the group director see every secret entry; the
  others see one only when it is routed to them (selectors.cleared_q). Nobody changes an entry
  whose content they may not see.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.roles import Role, UserLike, has_role
from schools.selectors import school_id_of

from . import selectors
from .models import (
    Assignment,
    Attachment,
    Borrowing,
    Delivery,
    DestructionBatch,
    InstructionPhrase,
    Letter,
    Register,
    Status,
)
from .models.drafting import ApprovalStep, LetterContent, LetterTemplate

READERS = (Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE)
REGISTRARS = (Role.CLERK, Role.ADMIN)  # register incoming mail, cancel, keeping, counters
ISSUERS = (Role.CLERK, Role.DIRECTOR, Role.SECRETARY, Role.ADMIN)  # issue outgoing numbers
DRAFTERS = (Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.ADMIN)
CLEARED = (Role.CLERK, Role.DIRECTOR)  # see every secret entry (the registrar and the group director)


# --- roles -------------------------------------------------------------------------------------
def can_read(user: UserLike) -> bool:
    return has_role(user, *READERS)


def can_register(user: UserLike) -> bool:
    return has_role(user, *REGISTRARS)


def can_issue(user: UserLike) -> bool:
    return has_role(user, *ISSUERS)


def can_draft(user: UserLike) -> bool:
    return has_role(user, *DRAFTERS)


def can_instruct(user: UserLike) -> bool:
    return has_role(user, Role.DIRECTOR)


def sees_all_secrets(user: UserLike) -> bool:
    return has_role(user, *CLEARED)


def require_reader(user: UserLike) -> None:
    """The one reader check: who may not read the registers is not told they exist."""
    if not can_read(user):
        raise Http404("ไม่พบหน้านี้")


def require_registrar(user: UserLike, message: str = "เฉพาะเจ้าหน้าที่สารบรรณและผู้ดูแลระบบทำรายการนี้ได้") -> None:
    if not can_register(user):
        raise PermissionDenied(message)


def require_issuer(user: UserLike, message: str = "คุณไม่มีสิทธิ์ออกเลขหนังสือส่ง") -> None:
    if not can_issue(user):
        raise PermissionDenied(message)


def require_drafter(user: UserLike, message: str = "คุณไม่มีสิทธิ์ร่างหนังสือส่ง") -> None:
    if not can_draft(user):
        raise PermissionDenied(message)


# --- secrecy -----------------------------------------------------------------------------------
def is_cleared(user: UserLike, letter: Letter) -> bool:
    """Whether `user` may see the content of `letter` (the lists' rule), asked of the database.

    A letter loaded for one person carries that person's answer only, so services ask here.
    """
    if not can_read(user):
        return False
    if not letter.is_secret or sees_all_secrets(user):
        return True
    return Letter.objects.filter(selectors.cleared_q(user), pk=letter.pk).exists()


def _cleared(user: UserLike, letter: Letter) -> bool:
    return not letter.is_redacted and is_cleared(user, letter)


def require_cleared(user: UserLike, letter: Letter) -> None:
    if not _cleared(user, letter):
        raise PermissionDenied("คุณไม่มีสิทธิ์เห็นหนังสือชั้นความลับนี้")


# --- what may be done to one entry ---------------------------------------------------------------
_LETTER_RULES: dict[str, tuple[Callable[[UserLike, Letter], bool], str]] = {
    "dispatch": (lambda user, letter: can_issue(user), "คุณไม่มีสิทธิ์ออกเลขหนังสือส่ง"),
    "present": (lambda user, letter: can_register(user), "เฉพาะเจ้าหน้าที่สารบรรณเสนอหนังสือได้"),
    "cancel": (lambda user, letter: can_register(user), "เฉพาะเจ้าหน้าที่สารบรรณยกเลิกรายการได้"),
    "correct": (lambda user, letter: can_register(user), "เฉพาะเจ้าหน้าที่สารบรรณและผู้ดูแลระบบแก้ไขทะเบียนได้"),
    "borrow": (lambda user, letter: can_register(user), "เฉพาะเจ้าหน้าที่สารบรรณบันทึกการยืมและการคืนได้"),
    "instruct": (lambda user, letter: can_instruct(user), "เฉพาะผู้อำนวยการกลุ่มเกษียนหนังสือได้"),
    "attach": (
        lambda user, letter: can_register(user) or letter.owner_id == user.pk,
        "คุณไม่มีสิทธิ์แนบไฟล์ในหนังสือนี้",
    ),
}


def may(user: UserLike, letter: Letter, action: str) -> bool:
    """Whether `user` may take `action` on `letter`: the action's role rule, and cleared for its content."""
    rule, _ = _LETTER_RULES[action]
    return rule(user, letter) and _cleared(user, letter)


def require_letter_action(user: UserLike, letter: Letter, action: str) -> None:
    """403 (in Thai) unless `user` may take `action` on `letter`; services and views both call it."""
    if not may(user, letter, action):
        raise PermissionDenied(_LETTER_RULES[action][1])


def letter_actions(user: UserLike, letter: Letter) -> dict[str, bool]:
    """The buttons the entry's page shows `user`: the rules above, and the entry's state."""
    cleared = _cleared(user, letter)
    allowed = {action: cleared and rule(user, letter) for action, (rule, _) in _LETTER_RULES.items()}
    closed = letter.is_cancelled or letter.is_destroyed
    numbered = letter.number is not None
    return {
        "dispatch": allowed["dispatch"] and letter.status == Status.DRAFT,
        "present": allowed["present"] and letter.status == Status.REGISTERED and letter.register.is_incoming,
        "instruct": allowed["instruct"] and numbered
        and letter.status in (Status.PRESENTED, Status.REGISTERED, Status.ASSIGNED),
        "correct": allowed["correct"] and numbered and not closed,
        "attach": allowed["attach"] and not closed,
        "cancel": allowed["cancel"] and numbered and not closed,
        "borrow": allowed["borrow"] and numbered and not letter.is_destroyed,
        "history": cleared and can_register(user),
    }  # fmt: skip


# --- one helper per protected object -------------------------------------------------------------
def get_register_for_user(user: UserLike, code: str) -> Register:
    require_reader(user)
    return get_object_or_404(Register, code=code, is_active=True)


def get_letter_for_user(user: UserLike, pk: int, *, write: bool = False) -> Letter:
    """404 for those who may not know the entry exists, 403 for read-only or uncleared writes."""
    letter = get_object_or_404(selectors.letters_visible_to(user), pk=pk)
    if letter.status == Status.DRAFT and not (can_issue(user) or letter.owner_id == user.pk):
        raise PermissionDenied("ร่างหนังสือนี้ยังไม่ออกเลข ดูได้เฉพาะเจ้าของเรื่องและผู้ออกเลข")
    if write and (letter.is_redacted or not (can_register(user) or can_issue(user))):
        raise PermissionDenied("คุณมีสิทธิ์ดูรายการนี้เท่านั้น")
    return letter


def get_letter_for_correction(user: UserLike, pk: int) -> Letter:
    """An entry the clerk or administrator may correct.

    404 for whoever may not see its content (outsiders, and a secret entry for the uncleared,
    so the form never shows what it holds) and for drafts (their owner edits the draft);
    403 for the other roles, who may only read.
    """
    letter = get_letter_for_user(user, pk)
    if letter.is_redacted or letter.number is None:
        raise Http404("ไม่พบรายการนี้")
    require_letter_action(user, letter, "correct")
    return letter


def get_attachment_for_user(user: UserLike, pk: int, *, write: bool = False) -> Attachment:
    """A file of an entry: 404 unless its entry is known to `user`, 403 when its content is secret to them."""
    attachment = get_object_or_404(Attachment.objects.select_related("letter"), pk=pk)
    letter = get_letter_for_user(user, attachment.letter_id)
    if letter.is_redacted:
        raise PermissionDenied("ไฟล์ของหนังสือชั้นความลับเปิดได้เฉพาะผู้ที่เกี่ยวข้อง")
    if write:
        require_letter_action(user, letter, "attach")
    return attachment


def get_assignment_for_user(user: UserLike, pk: int, *, write: bool = False) -> Assignment:
    """Only the assignee knows their assignment (and may act on it): everybody else gets 404."""
    qs = Assignment.objects.select_related("letter").filter(letter__in=selectors.letters_visible_to(user).values("pk"))
    return get_object_or_404(qs, pk=pk, assignee_id=user.pk)


def get_borrowing_for_user(user: UserLike, pk: int, *, write: bool = False) -> Borrowing:
    """A borrowing record (แบบที่ 24): known to whoever knows its entry; recorded by the registrar."""
    borrowing = get_object_or_404(Borrowing.objects.select_related("letter"), pk=pk)
    letter = get_letter_for_user(user, borrowing.letter_id, write=write)
    if write:
        require_letter_action(user, letter, "borrow")
    return borrowing


def get_destruction_batch_for_user(user: UserLike, pk: int, *, write: bool = False) -> DestructionBatch:
    """A destruction record: readers know of it (an entry's page names it), only the registrar opens it."""
    require_reader(user)
    batch = get_object_or_404(DestructionBatch.objects.select_related("approval_letter", "recorded_by"), pk=pk)
    require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณ")
    return batch


# --- letters written in the system: drafting, the approval chain, signing (chain.py) -------------
TEMPLATE_KEEPERS = (Role.CLERK, Role.DIRECTOR, Role.ADMIN)  # manage the office's letter templates


def may_write(user: UserLike) -> bool:
    """Who writes letters in the system (the drafters: supervisors, secretary, clerk, director, admin)."""
    return can_draft(user)


def may_manage_templates(user: UserLike) -> bool:
    return has_role(user, *TEMPLATE_KEEPERS)


def require_template_keeper(user: UserLike) -> None:
    require_reader(user)
    if not may_manage_templates(user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณ ผู้อำนวยการกลุ่ม และผู้ดูแลระบบจัดการแม่แบบหนังสือได้")


def _in_chain(user: UserLike, content: LetterContent) -> bool:
    """Named in any round of any version of the letter, or acting today for someone who is."""
    from core.models import ActingAppointment
    from core.thaidate import today

    steps = ApprovalStep.objects.filter(content__letter_id=content.letter_id)
    approvers = set(steps.values_list("approver_id", flat=True))
    if user.pk in approvers:
        return True
    day = today()
    acting = ActingAppointment.objects.filter(deputy_id=user.pk, starts_on__lte=day, ends_on__gte=day)
    return acting.filter(principal_id__in=approvers).exists()


def get_content_for_user(user: UserLike, pk: int, *, write: bool = False) -> LetterContent:
    """A version of a written letter: its owner, the people in its chain and the issuers know it;
    secrecy as for the letter (404 for whoever may not know it). Only the owner writes (403)."""
    content = get_object_or_404(LetterContent.objects.select_related("letter"), pk=pk)
    letter = get_object_or_404(selectors.letters_visible_to(user), pk=content.letter_id)
    if letter.is_redacted:
        raise Http404("ไม่พบรายการนี้")
    owner = letter.owner_id == user.pk
    if not (owner or can_issue(user) or _in_chain(user, content)):
        raise Http404("ไม่พบรายการนี้")
    if write and not owner:
        raise PermissionDenied("เฉพาะเจ้าของเรื่องแก้ไขร่างนี้ได้")
    content.letter = letter
    return content


def get_approval_step_for_user(user: UserLike, pk: int) -> ApprovalStep:
    """A step of a chain: known to whoever knows its version; the service decides who may act on it."""
    step = get_object_or_404(ApprovalStep.objects.select_related("approver__profile"), pk=pk)
    step.content = get_content_for_user(user, step.content_id)
    return step


def get_template_for_user(user: UserLike, pk: int, *, write: bool = False) -> LetterTemplate:
    require_reader(user)
    template = get_object_or_404(LetterTemplate, pk=pk)
    if write:
        require_template_keeper(user)
    return template


# --- the เกษียน's quick phrases (phrases.py): kept by whoever keeps the letter templates ----------------
PHRASE_KEEPERS = TEMPLATE_KEEPERS


def may_manage_phrases(user: UserLike) -> bool:
    return has_role(user, *PHRASE_KEEPERS)


def require_phrase_keeper(user: UserLike) -> None:
    """The phrase pages: 404 for whoever may not read the registers, 403 for readers who do not keep them."""
    require_reader(user)
    if not may_manage_phrases(user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณ ผู้อำนวยการกลุ่ม และผู้ดูแลระบบแก้ไขข้อความเกษียนที่ใช้บ่อยได้")


def get_phrase_for_user(user: UserLike, pk: int, *, write: bool = False) -> InstructionPhrase:
    require_reader(user)
    phrase = get_object_or_404(InstructionPhrase, pk=pk)
    if write:
        require_phrase_keeper(user)
    return phrase


# --- delivery: schools' inboxes, receipts, reminders, replies (delivery.py) -----------------------
# Electronic delivery (delivery.py): a school-staff login reads the letters delivered to its own school
# (never a secret or cancelled one) and a person with an account those delivered to them by name; the
# rest of correspondence stays 404 for them. The sender's side (receipts, reminders, replies) is the
# letter's owner and the registry: clerk, director, issuers and administrator, cleared for the letter.
RECEIPT_READERS = (Role.CLERK, Role.DIRECTOR, Role.SECRETARY, Role.ADMIN)  # with the owner
REMINDERS = (Role.CLERK, Role.DIRECTOR, Role.ADMIN)  # with the owner


def can_receive(user: UserLike) -> bool:
    """Whether `user` has an inbox of delivered letters (หนังสือถึงโรงเรียน / หนังสือถึงฉัน)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return school_id_of(user) is not None or selectors.inbox_for_user(user).exists()


def is_recipient(user: UserLike, delivery: Delivery) -> bool:
    """The delivery is addressed to `user`: their school's, or theirs by name (and they may read it)."""
    return selectors.inbox_for_user(user).filter(pk=delivery.pk).exists()


def sees_receipts(user: UserLike, letter: Letter) -> bool:
    return (has_role(user, *RECEIPT_READERS) or letter.owner_id == user.pk) and _cleared(user, letter)


def may_remind(user: UserLike, letter: Letter) -> bool:
    return (has_role(user, *REMINDERS) or letter.owner_id == user.pk) and _cleared(user, letter)


def require_recipient(user: UserLike, delivery: Delivery) -> None:
    if not is_recipient(user, delivery):
        raise PermissionDenied("หนังสือนี้ไม่ได้ส่งถึงคุณหรือโรงเรียนของคุณ")


def require_inbox(user: UserLike) -> None:
    """The inbox page: 404 for whoever has nothing delivered to them (not told it exists)."""
    if not can_receive(user):
        raise Http404("ไม่พบหน้านี้")


def get_delivery_for_user(user: UserLike, pk: int, *, write: bool = False) -> Delivery:
    """A delivery: its recipients read it and acknowledge it; who sees the letter's receipts reads it
    (403 on a write); everyone else, another school's staff included, gets 404."""
    inbox = selectors.inbox_for_user(user).filter(pk=pk).first()
    if inbox is not None:
        return inbox
    delivery = get_object_or_404(Delivery.objects.select_related("letter", "school"), pk=pk)
    if not can_read(user):
        raise Http404("ไม่พบหน้านี้")
    letter = get_letter_for_user(user, delivery.letter_id)
    if not sees_receipts(user, letter):
        raise Http404("ไม่พบหน้านี้")
    if write:
        raise PermissionDenied("เฉพาะผู้รับหนังสือรับทราบได้")
    return delivery


def get_receipts_for_user(user: UserLike, pk: int, *, write: bool = False) -> Letter:
    """The receipts of a letter (who opened and acknowledged it): 404 as for the letter itself, 403 for
    readers who are neither its owner nor the registry; a write (remind) is the owner's, clerk's, director's."""
    letter = get_letter_for_user(user, pk)
    if letter.number is None or not sees_receipts(user, letter):
        raise PermissionDenied("เฉพาะเจ้าของเรื่อง เจ้าหน้าที่สารบรรณ และผู้อำนวยการกลุ่มดูการรับทราบได้")
    if write and not may_remind(user, letter):
        raise PermissionDenied("เฉพาะเจ้าของเรื่อง เจ้าหน้าที่สารบรรณ และผู้อำนวยการกลุ่มเตือนผู้รับได้")
    return letter
