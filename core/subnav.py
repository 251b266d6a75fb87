"""Each app's sub-navigation (the row of pills under the header), declared by the app, drawn by core.

An app declares `LABEL` and `TABS` (a list of `Tab`) in `<app>/subnav.py`; a template draws it with
`{% subnav "<app>" %}`. Core finds the module by name, so it imports no app. One template
(components/subnav.html) and one script (static/js/subnav.js) serve every app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.http import HttpRequest
from django.urls import reverse

from .roles import UserLike, has_role

Active = Callable[[HttpRequest, dict], bool]


@dataclass(frozen=True)
class Tab:
    label: str
    url_name: str
    active: Active  # (request, template context) -> is this the current tab
    roles: tuple[str, ...] = ()  # shown only to these roles; () means everyone who sees the menu
    visible: Callable[[UserLike], bool] | None = None  # a finer rule than roles
    args: Callable[[HttpRequest], tuple] | None = None
    icon: str = ""


def path_has(*fragments: str) -> Active:
    """Active when the request path contains any of the fragments."""
    return lambda request, context: any(f in request.path for f in fragments)


def path_is(*paths: str) -> Active:
    return lambda request, context: request.path in paths


def url_name_in(*names: str) -> Active:
    """Active when the resolved URL name is one of the names."""
    return lambda request, context: getattr(request.resolver_match, "url_name", None) in names


@cache
def _menu(app: str) -> tuple[str, tuple[Tab, ...]]:
    module = import_module(f"{app}.subnav")
    return module.LABEL, tuple(module.TABS)


def _shown(tab: Tab, request: HttpRequest) -> bool:
    if tab.roles and not has_role(request.user, *tab.roles):
        return False
    return tab.visible is None or tab.visible(request.user)


def tabs_for(app: str, request: HttpRequest, context: dict) -> tuple[str, list[dict]]:
    label, tabs = _menu(app)
    return label, [
        {
            "label": tab.label,
            "icon": tab.icon,
            "url": reverse(tab.url_name, args=tab.args(request) if tab.args else ()),
            "active": tab.active(request, context),
        }
        for tab in tabs
        if _shown(tab, request)
    ]
