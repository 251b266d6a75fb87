"""Panels that one app contributes to another app's page, without the page's app importing it.

An app registers `panel(request, **context) -> dict | None` for a slot in its AppConfig.ready():
slot "home" is the home page, slot "school_detail" a school's page (context: `school`).
A dict has 'template' and its context; None means "nothing for this user".
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

Panel = Callable[..., dict | None]
_PANELS: dict[str, list[tuple[int, Panel]]] = {}


def register_panel(panel: Panel, *, order: int = 50, slot: str = "home") -> None:
    panels = _PANELS.setdefault(slot, [])
    if all(p is not panel for _, p in panels):
        panels.append((order, panel))
        panels.sort(key=lambda item: item[0])


def panels_for(request: HttpRequest, slot: str = "home", **context: object) -> list[dict]:
    return [result for _, panel in _PANELS.get(slot, []) if (result := panel(request, **context))]
