"""Every URL name answers each role as its app's table says; a URL with no table entry fails."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .matrix import ANONYMOUS, Case, World

APPS = sorted(p.stem.removeprefix("urls_") for p in Path(__file__).parent.glob("urls_*.py"))
# Names outside the project's own apps: Django's admin, the login pages, the API schema.
NOT_OURS = ("admin:",)


def _url_names(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names |= _url_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return {n for n in names if not n.startswith(NOT_OURS)}


def _tables() -> dict[str, list[Case]]:
    cases: dict[str, list[Case]] = {}
    for app in APPS:
        for name, case in importlib.import_module(f"tests.access.urls_{app}").CASES.items():
            cases[name] = case if isinstance(case, list) else [case]
    return cases


def test_every_url_name_has_an_access_table_entry():
    assert sorted(_url_names() - set(_tables())) == []


@pytest.fixture
def world(users, school, other_school):
    w = World(users=users, school=school, other_school=other_school)
    for app in APPS:
        w.objects.update(importlib.import_module(f"tests.access.urls_{app}").objects(w))
    return w


@pytest.mark.parametrize("name", sorted(_tables()))
def test_each_role_gets_what_the_table_says(name, world, client_for, client):
    got, want = {}, {}
    for n, case in enumerate(_tables()[name], start=1):
        url = reverse(name, kwargs=case.kwargs(world)) + case.query
        for who, status in case.expected().items():
            c = client if who == ANONYMOUS else client_for(world.users[who])
            response = getattr(c, case.method)(url, case.data(world))
            key = f"{n}. {case.method.upper()} {url} as {who}"
            got[key], want[key] = response.status_code, status
    assert got == want
