"""Reads of the registers, narrowed to who may read them, searched and in Thai dictionary order."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from core.collation import thai_collate
from core.roles import UserLike

from .. import access
from ..models import GoodPractice, Network, Study

__all__ = ["register_records", "SEARCH_FIELDS"]

SEARCH_FIELDS = {
    Network: ("name", "focus", "description", "cluster__name", "members__name", "members__school__name",
              "members__school_text"),
    GoodPractice: ("title", "owner", "summary", "school__name", "school__code", "published_where"),
    Study: ("title", "co_authors", "summary", "author__first_name", "author__last_name"),
}  # fmt: skip
ORDER = {Network: "name", GoodPractice: "title", Study: "title"}
RELATED = {
    Network: (("cluster", "coordinator__profile"), ("members__school",)),
    GoodPractice: (("school",), ()),
    Study: (("author__profile",), ()),
}


def register_records(
    user: UserLike, model: type, *, query: str = "", year: int | None = None, kind: str = "", cancelled: bool = False
) -> QuerySet:
    """Rows the user may read: matching `query` in any searched field, of one year/kind, newest year first,
    then by name in Thai dictionary order; cancelled rows only when asked for."""
    if not access.can_read_registers(user):
        return model.objects.none()
    qs = model.objects.filter(cancelled=cancelled)
    if query.strip():
        text = Q()
        for field in SEARCH_FIELDS[model]:
            text |= Q(**{f"{field}__icontains": query.strip()})
        qs = qs.filter(pk__in=model.objects.filter(text).values("pk"))
    if year:
        qs = qs.filter(year=year)
    if kind:
        qs = qs.filter(kind=kind)
    joined, prefetched = RELATED[model]
    qs = qs.select_related(*joined).prefetch_related(*prefetched)
    return qs.order_by("-year", thai_collate(ORDER[model], using=qs.db).asc(), "id")
