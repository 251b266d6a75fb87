"""Search source of the schools app (core.search): schools by name, code or อำเภอ, in Thai dictionary
order, narrowed by `schools_visible_to` (school staff find only their own school)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.urls import reverse

from core.collation import thai_order
from core.search import Hit

from .models import School
from .selectors import schools_visible_to

SCHOOLS = "สถานศึกษา"


def school_hits(user: AbstractBaseUser, query: str, limit: int) -> list[Hit]:
    text = Q(name__icontains=query) | Q(code__icontains=query) | Q(district__icontains=query)
    schools = thai_order(schools_visible_to(user).filter(text), "name")[:limit]
    return [_hit(school) for school in schools]


def _hit(school: School) -> Hit:
    parts = [
        f"รหัส {school.code}",
        school.cluster.name if school.cluster else "",
        school.district and f"อ.{school.district}",
    ]
    if not school.is_active:
        parts.append("ปิดแล้ว")
    url = reverse("schools:school_detail", args=[school.pk])
    return Hit(title=school.name, url=url, kind=SCHOOLS, detail=" · ".join(p for p in parts if p))
