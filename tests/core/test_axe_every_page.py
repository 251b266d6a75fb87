"""Every page of the project's apps, for every role that can open it, at a desktop (1366×900) and a phone
(390×844): axe-core finds no serious or critical violation (issue 17, item 8).

The pages come from the URL resolver: every URL name of core, schools, supervision, correspondence,
committee and qa, its arguments filled from the access tables' world (tests/access/), which builds an
object of every kind through the services, with the role homes' day (tests/core/home_scene.py) on top.
A page counts when a GET answers 200 with a whole HTML document: downloads, exports, JSON, htmx fragments
and POST-only views drop out by trying, as does a role the page refuses. A page whose <main> a role sees
exactly as an earlier role did is not loaded again for it. All violations are collected and reported at
once; `pytest -s` prints how many pages, roles and sizes were checked.

The suite checks each page for the first role that opens it, and every role's home page (its own header and
menu): about 300 loads. `AXE_EVERY_ROLE=1` checks every role whose <main> differs (about 650 loads, 14
minutes on a busy 2-CPU machine): run it after changing what a page shows per role."""

from __future__ import annotations

import importlib
import os
import re
import time

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access.matrix import ANONYMOUS, ROLES, Case, World
from tests.access.test_url_access import APPS
from tests.axe import assert_accessible
from tests.conftest import PASSWORD
from tests.core import home_scene
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
OUR_APPS = ("core", "schools", "supervision", "correspondence", "committee", "qa")
MIN_PAGES = 130  # distinct URLs checked; 143 when this was written
EVERY_ROLE = bool(os.environ.get("AXE_EVERY_ROLE"))


def _our_url_names(resolver: URLResolver | None = None, prefix: str = "", app: str = "") -> list[str]:
    """URL names from the resolver whose urlconf belongs to one of our apps (not admin, not the API)."""
    names = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")  # a module; a list of patterns has none
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names += _our_url_names(entry, ns, app or module.split(".")[0])
        elif isinstance(entry, URLPattern) and entry.name and app in OUR_APPS and not _is_api(entry):
            names.append(prefix + entry.name)
    return names


def _is_api(entry: URLPattern) -> bool:
    return ".api" in getattr(entry, "lookup_str", "")


def _cases() -> dict[str, list[Case]]:
    cases: dict[str, list[Case]] = {}
    for app in APPS:
        for name, case in importlib.import_module(f"tests.access.urls_{app}").CASES.items():
            cases[name] = case if isinstance(case, list) else [case]
    return cases


@pytest.fixture
def world(users, school, other_school):
    home_scene.build(users, school)
    w = World(users=users, school=school, other_school=other_school)
    for app in APPS:
        w.objects.update(importlib.import_module(f"tests.access.urls_{app}").objects(w))
    return w


def _is_page(response) -> bool:  # noqa: ANN001
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.streaming
        and b"<html" in response.content
    )


def _main_of(html: str) -> str:
    """The page's <main>, without what changes on every response (CSRF token, CSP nonce)."""
    found = re.search(r"<main.*</main>", html, re.S)
    return VOLATILE.sub("", found.group(0) if found else html)


VOLATILE = re.compile(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"')


def _pages_by_role(world: World, client_for, client) -> tuple[dict[str, list[str]], int]:  # noqa: ANN001
    """For each role (and anonymous), the URLs that answer it with a whole HTML page, and how many
    (page, role) pairs that makes. A page whose <main> a role sees exactly as an earlier role did is
    left to that role: the header and menu each role has are checked on its home page and on the
    pages that differ for it."""
    cases = _cases()
    clients = {who: client_for(world.users[who]) for who in ROLES} | {ANONYMOUS: client}
    pages: dict[str, list[str]] = {who: [] for who in clients}
    seen, pairs = set(), 0
    for name in _our_url_names():
        for case in cases.get(name, []):
            if case.method != "get":
                continue
            url = reverse(name, kwargs=case.kwargs(world)) + case.query
            for who, status in case.expected().items():
                if status != 200 or url in pages[who] or not _is_page(response := clients[who].get(url)):
                    continue
                pairs += 1
                key = (url, _main_of(response.content.decode())) if EVERY_ROLE else url
                if key not in seen or name == "home":
                    seen.add(key)
                    pages[who].append(url)
    return pages, pairs


def test_every_page_passes_axe_for_every_role_at_both_sizes(page, world, client_for, client):
    started = time.monotonic()
    pages, pairs = _pages_by_role(world, client_for, client)
    failures, checked = [], 0
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        for who, urls in pages.items():
            page.context.clear_cookies()
            if who != ANONYMOUS:
                browser_login(page, who, PASSWORD)
            for url in urls:
                response = page.goto(url)
                where = f"{who} {size} {url}"
                if response is None or response.status != 200:
                    failures.append(f"{where}: answered {response and response.status} in the browser")
                    continue
                try:
                    assert_accessible(page, where=where)
                except AssertionError as failure:
                    failures.append(str(failure))
                checked += 1
    distinct = {url for urls in pages.values() for url in urls}
    print(
        f"axe-core: {len(distinct)} หน้า, {pairs} คู่หน้า×บทบาท × {len(SIZES)} ขนาดจอ, "
        f"{checked} การตรวจ (ที่เหลือเนื้อหาเหมือนบทบาทที่ตรวจแล้ว), "
        f"{time.monotonic() - started:.0f} วินาที"
    )
    assert len(distinct) >= MIN_PAGES, sorted(distinct)
    assert not failures, f"{len(failures)} หน้าไม่ผ่าน axe-core:\n" + "\n\n".join(failures)
