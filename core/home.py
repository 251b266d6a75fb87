"""Home-page panels contributed by each app.

An app registers a function `panel(request) -> dict | None` in its AppConfig.ready();
a dict has 'template' and its context, None means "nothing for this user".
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

Panel = Callable[[HttpRequest], dict | None]
_PANELS: list[tuple[int, Panel]] = []


def register_panel(panel: Panel, *, order: int = 50) -> None:
    if all(p is not panel for _, p in _PANELS):
        _PANELS.append((order, panel))
        _PANELS.sort(key=lambda item: item[0])


def panels_for(request: HttpRequest) -> list[dict]:
    return [result for _, panel in _PANELS if (result := panel(request))]
