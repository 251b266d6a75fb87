"""No page answers 500 to a hostile query string: NUL (PostgreSQL refuses it in text), numbers
too big for a column, impossible dates, Thai digits where a number is expected.

Every GET URL of the access tables is asked, as three roles, with every filter parameter the
pages read set to each hostile value. A clear Thai answer (200 with a message, 400, 403, 404) is
fine; a crash is not.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from .test_url_access import _tables, world  # noqa: F401 - the world fixture builds every app's objects

PARAMS = (
    "q", "year", "fiscal_year", "page", "status", "school", "cluster", "register", "urgency", "secrecy",
    "date_from", "date_to", "type", "size", "district", "sort", "tool", "supervisor", "standard_set", "kind",
)  # fmt: skip
VALUES = ("\x00", "99999999999999999999", "๒๕๖๙-13-45 \x0b'\"<b>")
ROLES = ("administrator", "clerk", "school")


@pytest.mark.slow
@pytest.mark.parametrize("value", VALUES, ids=["nul", "huge-number", "bad-date"])
def test_no_page_crashes_on_a_hostile_query(value, world, client_for):  # noqa: F811
    crashed = []
    query = urlencode(dict.fromkeys(PARAMS, value))
    for name, cases in sorted(_tables().items()):
        case = cases[0]
        if case.method != "get":
            continue
        url = reverse(name, kwargs=case.kwargs(world))
        for role in ROLES:
            client = client_for(world.users[role])
            client.raise_request_exception = False  # a crash is a 500 answer here, not an exception
            status = client.get(f"{url}?{query}").status_code
            if status >= 500:
                crashed.append(f"{name} as {role}: {status}")
    assert crashed == []
