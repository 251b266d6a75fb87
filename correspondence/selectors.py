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
from django.db.models import BooleanField, Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.db.models.query import ModelIterable

from . import access
from .models import Assignment, Borrowing, DestructionBatch, Letter, RoutingStep, Secrecy, Status


class _RedactingIterable(ModelIterable):
    def __iter__(self):  # noqa: ANN204
        for letter in super().__iter__():
            if letter.secrecy != Secrecy.NORMAL and not getattr(letter, "is_cleared", False):
                letter.redact()
            yield letter


def cleared_q(user: AbstractBaseUser) -> Q:
    """Rows whose content `user` may see."""
    routed = Exists(Assignment.objects.filter(letter=OuterRef("pk"), assignee_id=user.pk))
    return Q(secrecy=Secrecy.NORMAL) | Q(owner_id=user.pk) | Q(created_by_id=user.pk) | Q(routed)


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
    return letters_visible_to(user).filter(register__code=register_code, number__isnull=False)


def drafts_visible_to(user: AbstractBaseUser) -> QuerySet[Letter]:
    qs = letters_visible_to(user).filter(status=Status.DRAFT)
    return qs if access.can_issue(user) else qs.filter(owner_id=user.pk)


def inbox_for(user: AbstractBaseUser) -> QuerySet[Letter]:
    """What waits for this user, most urgent first, then the nearest deadline, then oldest.

    Clerk: registered but not yet presented, and drafts waiting for a number.
    Director: presented, waiting for an instruction. Everyone: their open assignments.
    """
    mine = Exists(Assignment.objects.filter(letter=OuterRef("pk"), assignee_id=user.pk, done_at__isnull=True))
    waiting = Q(mine)
    if access.can_register(user):
        waiting |= Q(status=Status.REGISTERED, register__code="receive") | Q(status=Status.DRAFT)
    if access.can_instruct(user):
        waiting |= Q(status=Status.PRESENTED)
    return (
        letters_visible_to(user)
        .filter(waiting)
        .exclude(status=Status.CANCELLED)
        .filter(destruction__isnull=True)  # a destroyed entry is no one's work any more
        .order_by("-urgency", F("deadline").asc(nulls_last=True), "registered_at", "id")
    )


def my_assignment(user: AbstractBaseUser, letter: Letter) -> Assignment | None:
    return Assignment.objects.filter(letter=letter, assignee_id=user.pk).first()


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
