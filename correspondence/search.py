"""Search source of the correspondence app (core.search): register entries and delivered letters.

Secrecy is the register list's: `letters_visible_to` decides, and the subject and sender are matched
only on entries whose content the user may see (`is_cleared`), so an uncleared reader never finds a
secret entry by what it is about; they find it only by its number or our own ที่, as the register list
shows it (the number is taken, the subject reads "(หนังสือชั้นความลับ)"). Staff of a school, and anyone
else who does not read the registers, find the letters delivered to them (หนังสือถึงโรงเรียน/ถึงฉัน).
"""

from __future__ import annotations

import re

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.urls import reverse

from core import thaidate
from core.search import Hit, has_digit

from . import access, selectors
from .models import Delivery, Letter

LETTERS = "หนังสือ"
_NUMBER = re.compile(r"^(\d{1,6})(?:\s*/\s*(\d{4}))?$")  # เลขทะเบียน "12" or "12/2569"


def letter_hits(user: AbstractBaseUser, query: str, limit: int) -> list[Hit]:
    if not access.can_read(user):
        return [_delivery_hit(d) for d in _deliveries(user, query)[:limit]]
    found = list(letters_matching(user, query)[:limit])
    if has_digit(query) and len(found) < limit:
        more = _findable(user).filter(_number_q(query)).exclude(pk__in=[letter.pk for letter in found])
        found += list(more[: limit - len(found)])
    return [_letter_hit(letter) for letter in found]


def letters_matching(user: AbstractBaseUser, query: str) -> QuerySet[Letter]:
    """Entries whose subject or sender holds `query`, among those whose content the user may see
    (on PostgreSQL both are served by their trigram indexes, migrations 0004 and 0011)."""
    text = selectors.subject_contains(query) | Q(sender__icontains=query)
    return _findable(user).filter(Q(is_cleared=True) & text)


def _findable(user: AbstractBaseUser) -> QuerySet[Letter]:
    """The entries the user may open: numbered ones, and drafts only for their owner and the issuers."""
    letters = selectors.letters_visible_to(user)
    if not access.can_issue(user):
        letters = letters.filter(Q(number__isnull=False) | Q(owner_id=user.pk))
    return letters


def _number_q(query: str) -> Q:
    """By number: the เลขทะเบียน (12 or 12/2569, Thai digits too), our own ที่ (public), the sender's ที่
    (only where cleared, as in the register's filter)."""
    arabic = thaidate.arabic_digits(query)
    q = Q(reference__icontains=query) | Q(reference__icontains=arabic)
    q |= Q(is_cleared=True) & (Q(external_no__icontains=query) | Q(external_no__icontains=arabic))
    if match := _NUMBER.match(arabic):
        number = Q(number=int(match[1]))
        q |= number & Q(year=int(match[2])) if match[2] else number
    return q


def _letter_hit(letter: Letter) -> Hit:
    if letter.number is None:
        place = f"{letter.register.name} · ร่าง ยังไม่ออกเลข"
    else:
        place = f"{letter.register.name} เลขที่ {letter.number}/{letter.year}"
    parts = [place, letter.document_no and f"ที่ {letter.document_no}", letter.sender and f"จาก {letter.sender}"]
    parts.append(thaidate.format_short(letter.registered_at) if letter.registered_at else "")
    url = reverse("correspondence:letter_detail", args=[letter.pk])
    return Hit(title=letter.subject, url=url, kind=LETTERS, detail=" · ".join(p for p in parts if p))


def _deliveries(user: AbstractBaseUser, query: str) -> QuerySet[Delivery]:
    """Letters delivered to the user's school (never a secret one) or to them by name."""
    text = selectors.subject_contains(query, "letter__") | Q(letter__sender__icontains=query)
    if has_digit(query):
        text |= Q(letter__reference__icontains=query) | Q(letter__reference__icontains=thaidate.arabic_digits(query))
    return selectors.inbox_for_user(user).filter(text)


def _delivery_hit(delivery: Delivery) -> Hit:
    letter = delivery.letter
    parts = [letter.document_no and f"ที่ {letter.document_no}", f"ส่งถึงเมื่อ {thaidate.format_short(delivery.sent_at)}"]
    url = reverse("correspondence:school_letter", args=[delivery.pk])
    return Hit(title=letter.subject, url=url, kind=LETTERS, detail=" · ".join(p for p in parts if p))
