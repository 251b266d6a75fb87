"""Reads of the correspondence app, already narrowed to what the given user may see.

Secrecy (ลับ, ลับมาก, ลับที่สุด): only the clerk, the group director, and the people an
entry is routed to (its owner, the person who registered it, its assignees) see its
content. Everyone else who may read the registers still sees that the number is taken,
with the secrecy level, but not the subject, sender, recipients, ที่ or files.
`letters_visible_to(user)` is the one place that decides: it annotates `is_cleared` and
its queryset redacts every uncleared secret row as it is read, so lists, search, detail,
exports, printouts and the API all get the same narrowing.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Upper
from django.db.models.query import ModelIterable

from core import notifications
from schools.selectors import school_id_of

from . import access
from .models import (
    ApprovalStep,
    Assignment,
    Borrowing,
    Channel,
    Decision,
    Delivery,
    DestructionBatch,
    InstructionPhrase,
    Letter,
    Register,
    RoutingStep,
    Secrecy,
    Status,
)


class _RedactingIterable(ModelIterable):
    def __iter__(self):  # noqa: ANN204
        for letter in super().__iter__():
            if letter.secrecy != Secrecy.NORMAL and not getattr(letter, "is_cleared", False):
                letter.redact()
            yield letter


def subject_contains(term: str, path: str = "") -> Q:
    """The subject holds `term`, in any case. Matched against the subject the database keeps in capitals
    (`Letter.subject_upper`, with its trigram index), so no subject read is put in capitals on the way.
    `path` reaches the letter from another model ("letter__")."""
    return Q(**{f"{path}subject_upper__contains": Upper(Value(term))})


def cleared_q(user: AbstractBaseUser) -> Q:
    """Rows whose content `user` may see."""
    routed = Exists(Assignment.objects.filter(letter=OuterRef("pk"), assignee_id=user.pk))
    # A written letter's checkers and signer (ApprovalStep) are routed to it too: they must read what they approve.
    # A step skipped (its version voided, or its round returned before their turn) routes nothing any more.
    steps = ApprovalStep.objects.filter(content__letter=OuterRef("pk"), approver_id=user.pk)
    approving = Exists(steps.exclude(decision=Decision.SKIPPED))
    return Q(secrecy=Secrecy.NORMAL) | Q(owner_id=user.pk) | Q(created_by_id=user.pk) | Q(routed) | Q(approving)


def letters_visible_to(user: AbstractBaseUser) -> QuerySet[Letter]:
    """Every register entry the user may know of, secret content redacted where not cleared."""
    qs = Letter.objects.select_related("register", "owner__profile", "cancelled_by__profile")
    if not access.can_read(user):
        return qs.none()
    if access.sees_all_secrets(user):
        qs = qs.annotate(is_cleared=Value(True, output_field=BooleanField()))
    else:
        qs = qs.annotate(is_cleared=Case(When(cleared_q(user), then=Value(True)), default=Value(False)))
    qs._iterable_class = _RedactingIterable
    return qs


def register_entries(user: AbstractBaseUser, register_code: str) -> QuerySet[Letter]:
    """Numbered entries of one register (drafts excluded), newest first."""
    # By the register's id (looked up inside the query), so the (register, year, number) index gives the
    # newest page straight away instead of sorting the whole register behind a join.
    register_id = Subquery(Register.objects.filter(code=register_code).values("pk")[:1])
    return letters_visible_to(user).filter(register_id=register_id, number__isnull=False)


def drafts_visible_to(user: AbstractBaseUser) -> QuerySet[Letter]:
    qs = letters_visible_to(user).filter(status=Status.DRAFT)
    return qs if access.can_issue(user) else qs.filter(owner_id=user.pk)


def to_present_q() -> Q:
    """Received and registered, not yet presented to the group director.

    The receive register's id is looked up first and given as a value, not a join or a subquery: only with
    the value can the planner use the partial index on (register, open status) and its statistics (migration
    0012) to read just this register's open entries. Every letter sent stays "registered" for good, so through
    a join the clerk's inbox read the whole archive of outgoing letters."""
    receive = Register.objects.filter(code="receive").values_list("id", flat=True).first()
    return Q(status=Status.REGISTERED, register_id=receive)


def inbox_for(user: AbstractBaseUser) -> QuerySet[Letter]:
    """What waits for this user, most urgent first, then the nearest deadline, then oldest.

    Clerk: registered but not yet presented, and drafts waiting for a number.
    Director: presented, waiting for an instruction. Everyone: their open assignments.
    """
    waiting = Q(pk__in=open_assignment_letter_ids(user))
    if access.can_register(user):
        waiting |= to_present_q() | Q(status=Status.DRAFT)
    if access.can_instruct(user):
        waiting |= Q(status=Status.PRESENTED)
    return (
        letters_visible_to(user)
        .filter(waiting)  # each branch has its index (migration 0009): the cost follows the open work, not the archive
        .exclude(status=Status.CANCELLED)
        .filter(destruction__isnull=True)  # a destroyed entry is no one's work any more
        .order_by("-urgency", F("deadline").asc(nulls_last=True), "registered_at", "id")
    )


INBOX_ROWS = 200  # งานของฉัน lists this many; the rest wait behind the most urgent


def inbox_rows(user: AbstractBaseUser) -> list[Letter]:
    """`inbox_for`'s first rows, each marked `is_new` when the user was told of it and has not opened it."""
    letters = list(inbox_for(user)[:INBOX_ROWS])
    unread = notifications.unread_subject_keys(user, "letter:")
    for letter in letters:
        letter.is_new = f"letter:{letter.pk}" in unread
    return letters


def open_assignment_letter_ids(user: AbstractBaseUser) -> list[int]:
    """The letters the user still has to act on, read once from the partial index of open assignments.

    A list rather than a subquery: `id IN (list) OR status IN (…)` lets PostgreSQL combine two index
    scans, where an EXISTS or IN (SELECT …) next to an OR makes it read every letter ever registered."""
    if user.pk is None:
        return []
    return list(
        Assignment.objects.filter(assignee_id=user.pk, done_at__isnull=True).values_list("letter_id", flat=True)
    )


def my_assignment(user: AbstractBaseUser, letter: Letter) -> Assignment | None:
    return Assignment.objects.filter(letter=letter, assignee_id=user.pk).first()


def instruction_phrases() -> list[str]:
    """The เกษียน's quick phrases in use, in the office's order: one query, however many there are."""
    return list(InstructionPhrase.objects.filter(is_active=True).values_list("text", flat=True))


def instruction_phrases_kept() -> tuple[list[InstructionPhrase], list[InstructionPhrase]]:
    """The office's list page: (phrases in use, retired ones), each in order, from one query."""
    rows = list(InstructionPhrase.objects.all())
    return [p for p in rows if p.is_active], [p for p in rows if not p.is_active]


def with_steps(qs: QuerySet[Letter]) -> QuerySet[Letter]:
    """Prefetch the history the การปฏิบัติ column is derived from."""
    steps = RoutingStep.objects.select_related("actor__profile", "target__profile").order_by("at", "id")
    return qs.prefetch_related(Prefetch("steps", queryset=steps))


def borrowings_visible_to(user: AbstractBaseUser) -> QuerySet[Borrowing]:
    """Borrowing records (แบบที่ 24) of the entries whose content the user may see: who borrowed a secret
    entry and when is more than "the number is taken", so the uncleared see none of its borrowings."""
    cleared = letters_visible_to(user).filter(is_cleared=True).values("pk")
    return Borrowing.objects.filter(letter__in=cleared).select_related("letter__register")


def destruction_batches_visible_to(user: AbstractBaseUser) -> QuerySet[DestructionBatch]:
    """Destruction records, newest first, with how many entries each destroyed (the registrar's pages)."""
    if not access.can_register(user):
        return DestructionBatch.objects.none()
    return DestructionBatch.objects.annotate(entries=Count("letters")).select_related("approval_letter", "recorded_by")


# --- delivery: schools' inboxes and the receipts of a letter (delivery.py, views/schools.py) ------
def _delivered() -> QuerySet[Delivery]:
    """Electronic deliveries of numbered letters still in force (a cancelled letter leaves every inbox)."""
    return (
        Delivery.objects.filter(channel=Channel.ELECTRONIC)
        .exclude(letter__status__in=(Status.CANCELLED, Status.DRAFT))
        .select_related("letter__register", "school", "user")
    )


def deliveries_for_school(school_id: int | None) -> QuerySet[Delivery]:
    """หนังสือถึงโรงเรียน: what was delivered to one school, never a secret letter, newest first."""
    if school_id is None:
        return Delivery.objects.none()
    return _delivered().filter(school_id=school_id, letter__secrecy=Secrecy.NORMAL).order_by("-sent_at", "-id")


def inbox_for_user(user: AbstractBaseUser) -> QuerySet[Delivery]:
    """Deliveries `user` receives: their school's (school staff) and those addressed to them by name."""
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return Delivery.objects.none()
    mine = Q(user_id=user.pk)
    school_id = school_id_of(user)
    if school_id is not None:
        mine |= Q(school_id=school_id, letter__secrecy=Secrecy.NORMAL)
    return _delivered().filter(mine).order_by("-sent_at", "-id")


def unread_count(user: AbstractBaseUser) -> int:
    return inbox_for_user(user).filter(first_opened_at__isnull=True).count()


def receipts_of(letter: Letter) -> QuerySet[Delivery]:
    """Every recipient of a letter on every channel, schools first by name, with who opened and acknowledged."""
    return (
        Delivery.objects.filter(letter=letter)
        .select_related("school", "user__profile", "first_opened_by__profile", "acknowledged_by__profile")
        .select_related("reply__register")
        .order_by("channel", "school__name", "name", "id")
    )
