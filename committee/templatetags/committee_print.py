"""Filters of the committee's printed documents: {% load committee_print %}."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from .. import formatting

register = template.Library()


@register.filter
def printed_text(value: object) -> SafeString:
    """{{ item.record|printed_text }}: line breaks kept, URLs printed whole and breakable only at '/'."""
    return formatting.printed_text(str(value or ""))


@register.simple_tag
def printed_link(url: str, text: str = "") -> SafeString:
    """{% printed_link meeting.online_link "ประชุมออนไลน์" %} → 'ประชุมออนไลน์ (https://…)'."""
    return formatting.printed_link(url, text)
