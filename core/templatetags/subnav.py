"""{% subnav "<app>" %}: an app's sub-navigation (see core/subnav.py)."""

from __future__ import annotations

from django import template

from core import subnav as registry

register = template.Library()


@register.inclusion_tag("components/subnav.html", takes_context=True)
def subnav(context: template.Context, app: str) -> dict:
    label, tabs = registry.tabs_for(app, context["request"], context.flatten())
    return {"label": label, "tabs": tabs}
