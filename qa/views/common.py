from __future__ import annotations

from django.http import HttpRequest

from .. import selectors


def year_from(request: HttpRequest) -> int:
    """The academic year asked for in ?year=, else the current one."""
    value = request.GET.get("year", "")
    if value.isdigit() and 2500 <= int(value) <= 2700:
        return int(value)
    return selectors.current_academic_year()


def year_choices(around: int) -> list[int]:
    current = selectors.current_academic_year()
    return sorted({current + 1, *range(current - 4, current + 1), around}, reverse=True)
