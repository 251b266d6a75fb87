"""Shared page parts drawn by core. {% status_badge obj %}: the label of `obj.status` from its choices,
in the colour the model declares in `STATUS_COLOURS` (secondary for a status it does not name)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("components/status_badge.html")
def status_badge(obj: object) -> dict[str, str]:
    colours = getattr(obj, "STATUS_COLOURS", {})
    return {"colour": colours.get(obj.status, "secondary"), "label": obj.get_status_display()}


@register.filter(name="media_uri")
def media_uri_filter(field: object) -> str:
    """{{ photo.file|media_uri }}: an uploaded image as a URI WeasyPrint reads (this disk or object storage)."""
    from core.storage import media_uri

    return media_uri(field)
