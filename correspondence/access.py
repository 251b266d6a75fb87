"""Who may do what in the correspondence app: every access rule of the app, in one place.

- Readers (the office roles) read the registers; whoever else (committee members, school staff)
  is not told they exist: 404 on every page and API endpoint that reads them.
- A page for one kind of work (registering mail, drafting, keeping, counters) answers 403 to anyone
  without the role for it.
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

from . import selectors
from .models import Assignment, Attachment, Borrowing, DestructionBatch, Letter, Register, Status

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


# --- delivery: schools' inboxes, receipts, reminders, replies (delivery.py) -----------------------
