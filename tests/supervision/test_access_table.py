"""Each case of tests/access/urls_supervision.py on its own (the shared test keys answers by method,
so of two GET cases for one URL name only the last would be compared)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.access import urls_supervision
from tests.access.matrix import ANONYMOUS, World

CASES = [
    (name, index)
    for name, cases in urls_supervision.CASES.items()
    if isinstance(cases, list) and len([c for c in cases if c.method == "get"]) > 1
    for index in range(len(cases))
]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_each_case_of_a_url_with_several_gets_holds_on_its_own(
    name, index, users, school, other_school, client_for, client
):
    world = World(users=users, school=school, other_school=other_school)
    world.objects.update(urls_supervision.objects(world))
    case = urls_supervision.CASES[name][index]
    url = reverse(name, kwargs=case.kwargs(world)) + case.query
    got = {}
    for who in case.expected():
        c = client if who == ANONYMOUS else client_for(world.users[who])
        got[who] = getattr(c, case.method)(url, case.data(world)).status_code
    assert got == case.expected()
