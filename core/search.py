"""One search box over every app: each app registers a source that answers, for a user and a query,
the things of its kind that user may see (letters, visits, schools, meetings, the user's documents).
core groups the hits by kind for the results page and for the list shown as the user types.

    search.register_source(letter_hits, order=10)   # in the app's AppConfig.ready()

A source is `fn(user, query, limit) -> list[Hit]`: it narrows with the app's own selector (so secrecy,
school staff's own school and the like are decided where they always are), matches with `icontains`
(Django escapes % and _, so they match themselves; on PostgreSQL the letters' subject and sender use
their trigram indexes) and returns at most `limit` hits. The query it gets is already cleaned
(core.text.clean_text), at least MIN_LENGTH and at most MAX_LENGTH characters long.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.urls import reverse

from . import thaidate
from .models import DocumentJob, JobStatus
from .text import clean_text

MIN_LENGTH = 2  # one Thai character matches nearly everything
MAX_LENGTH = 100
LIMIT = 8  # hits per kind


@dataclass(frozen=True)
class Hit:
    """One thing found; `kind` is its Thai label ("หนังสือ", "การนิเทศ", ...), shown as a badge."""

    title: str
    url: str
    kind: str
    detail: str = ""


@dataclass
class Group:
    kind: str
    hits: list[Hit] = field(default_factory=list)


Source = Callable[[AbstractBaseUser, str, int], list[Hit]]
_SOURCES: list[tuple[int, Source]] = []


def register_source(source: Source, *, order: int = 50) -> None:
    """Add an app's source; groups appear in `order` (lowest first)."""
    if all(existing is not source for _, existing in _SOURCES):
        _SOURCES.append((order, source))
        _SOURCES.sort(key=lambda pair: pair[0])


def clean_query(raw: object) -> str:
    """The query as typed, one line, invisible characters (NUL, zero-width space...) removed, bounded."""
    text = clean_text(str(raw or "")[: MAX_LENGTH * 4], multiline=False)
    return " ".join(text.split())[:MAX_LENGTH]


def is_searchable(query: str) -> bool:
    return len(query) >= MIN_LENGTH


def search(user: AbstractBaseUser, query: str, *, limit: int = LIMIT) -> list[Group]:
    """What `user` may see matching `query`, grouped by kind in the sources' order; [] for a short query."""
    query = clean_query(query)
    if not is_searchable(query) or not getattr(user, "is_authenticated", False):
        return []
    groups: dict[str, Group] = {}
    for _, source in _SOURCES:
        for hit in source(user, query, limit):
            group = groups.setdefault(hit.kind, Group(hit.kind))
            if len(group.hits) < limit:
                group.hits.append(hit)
    return list(groups.values())


def has_digit(query: str) -> bool:
    """Whether the query may be a number or a ที่ (Thai digits count: ๑๒/๒๕๖๙)."""
    return any(ch.isdigit() for ch in query)


# --- core's own source: the user's documents (เอกสารของฉัน) ----------------------------------------
DOCUMENTS = "เอกสารของฉัน"


def document_hits(user: AbstractBaseUser, query: str, limit: int) -> list[Hit]:
    """The user's own requested documents by title, newest first (nobody finds another's)."""
    jobs = DocumentJob.objects.filter(Q(title__icontains=query), requested_by_id=user.pk)
    hits = []
    for job in jobs.order_by("-created_at", "-id")[:limit]:
        ready = job.status == JobStatus.DONE and bool(job.result)
        url = reverse("core:document_download", args=[job.pk]) if ready else reverse("core:documents")
        detail = f"{job.get_status_display()} · ขอเมื่อ {thaidate.format_datetime(job.created_at)}"
        hits.append(Hit(title=job.title, url=url, kind=DOCUMENTS, detail=detail))
    return hits
