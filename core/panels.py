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


# Kinds of home panel (the dict's "kind"): an action card, a key figure, or a free panel (no kind).
ACTION = "action"  # {label, count, url, icon, hint, list_url}: work waiting for the user, shown first
FIGURE = "figure"  # {label, value, percent, target, detail, url}: a fiscal-year figure for the executive


def home_parts(results: list[dict]) -> dict[str, list[dict]]:
    """Split the home panels: actions first (those with work waiting before those without), figures, the rest."""
    actions = [p for p in results if p.get("kind") == ACTION]
    actions.sort(key=lambda p: not p.get("count"))  # stable: the registration order stays within each group
    figures = [p for p in results if p.get("kind") == FIGURE]
    return {
        "actions": actions,
        "actions_first": any(p.get("count") for p in actions) or not figures,  # else the figures lead
        "figures": figures,
        "figures_chart": [_chart_row(f) for f in figures],
        "panels": [p for p in results if p.get("kind") not in (ACTION, FIGURE)],
    }


def _chart_row(figure: dict) -> dict:
    """What the home page's charts draw of a figure (numbers as floats for Chart.js)."""

    def number(value: object) -> float | None:
        return None if value is None else float(value)

    return {
        "name": figure.get("name", ""), "label": figure["label"], "percent": number(figure.get("percent")),
        "target": number(figure.get("target")), "series": figure.get("series"),
    }  # fmt: skip
