"""Counters other apps lend to the indicators (supervision imports no committee code): an app registers
a function `fiscal_year -> count` for a measure at ready(), e.g. committee counts the meetings it held.

    from supervision import measures
    measures.register(measures.MEETINGS, held_meetings_in)
"""

from __future__ import annotations

from collections.abc import Callable

MEETINGS = "meetings"
EVENTS = "events"

Counter = Callable[[int], int]
_COUNTERS: dict[str, Counter] = {}


def register(measure: str, counter: Counter) -> None:
    _COUNTERS[measure] = counter


def count(measure: str, fiscal_year: int) -> int | None:
    """The registered count for the year, or None when no app counts this measure."""
    counter = _COUNTERS.get(measure)
    return counter(fiscal_year) if counter else None
