"""Search source of the supervision app (core.search): visits by school name or code, or the policy
they served, narrowed by `visits_visible_to` (school staff find only their own school's approved visits;
supervisors no colleague's draft)."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.urls import reverse

from core import thaidate
from core.search import Hit

from . import access
from .models import Visit
from .selectors import visits_visible_to

VISITS = "การนิเทศ"


def visit_hits(user: AbstractBaseUser, query: str, limit: int) -> list[Hit]:
    text = Q(school__name__icontains=query) | Q(school__code__icontains=query) | Q(policy__icontains=query)
    visits = visits_visible_to(user).filter(text).order_by("-date", "-id")[:limit]
    return [_hit(visit) for visit in visits]


def _hit(visit: Visit) -> Hit:
    detail = f"{thaidate.format_full(visit.date)} · {visit.get_visit_type_display()} · {visit.get_status_display()}"
    url = reverse("supervision:visit_detail", args=[visit.pk])
    return Hit(title=visit.school.name, url=url, kind=VISITS, detail=detail)


REGISTERS = "ทะเบียนเครือข่าย/ผลงาน"


def register_hits(user: AbstractBaseUser, query: str, limit: int) -> list[Hit]:
    """Networks, good practice and research/KM whose name, school, members or authors match (readers only)."""
    from .models import GoodPractice, Network, Study
    from .selectors.registers import register_records

    hits = []
    for slug, model in (("networks", Network), ("practices", GoodPractice), ("studies", Study)):
        for record in register_records(user, model, query=query)[:limit]:
            url = reverse("supervision:register_edit", args=[slug, record.pk])
            if not access.can_edit_registers(user):
                url = f"{reverse('supervision:register_list', args=[slug])}?q={quote(str(record))}"
            hits.append(
                Hit(title=str(record), url=url, kind=REGISTERS, detail=f"{record.get_kind_display()} · {record.year}")
            )
    return hits[:limit]
