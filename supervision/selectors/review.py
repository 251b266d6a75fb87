"""The director's queue of visits waiting for a decision (ส่งแล้ว รอพิจารณา), oldest submission first."""

from __future__ import annotations

from django.db.models import F, QuerySet

from core.roles import UserLike

from .. import access
from ..models import Visit, VisitStatus
from .visits import visits_visible_to


def pending_review(user: UserLike) -> QuerySet[Visit]:
    """Visits `user` may approve now: none unless she reviews visits."""
    if not access.can_review_visits(user):
        return Visit.objects.none()
    return (
        visits_visible_to(user)
        .filter(status=VisitStatus.SUBMITTED)
        .order_by(F("submitted_at").asc(nulls_last=True), "id")
    )


def next_pending(user: UserLike, *, after: Visit | None = None) -> Visit | None:
    """The next visit waiting for `user`'s decision, other than `after`."""
    qs = pending_review(user)
    return (qs.exclude(pk=after.pk) if after is not None else qs).first()
