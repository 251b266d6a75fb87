from __future__ import annotations

from django.http import HttpRequest

from core import thaidate

from .. import selectors


def year_from(request: HttpRequest) -> int:
    """The academic year asked for in ?year=, else the current one."""
    return thaidate.be_year(request.GET.get("year")) or selectors.current_academic_year()


def year_choices(around: int) -> list[int]:
    current = selectors.current_academic_year()
    return sorted({current + 1, *range(current - 4, current + 1), around}, reverse=True)
