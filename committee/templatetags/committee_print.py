"""Filters of the committee's printed documents: {% load committee_print %}."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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


@register.filter
def role_phrase(value: object) -> SafeString:
    """{{ p.role|role_phrase }}: a role in the committee (ในฐานะ) kept whole, except that a long one may wrap
    after "และ" ("กรรมการและ / ผู้ช่วยเลขานุการ") or at a space ("แทน นายสมพงษ์ / อุดมศักดิ์"), never inside a word."""
    words = (w.replace("และ", "และ\n").split("\n") for w in str(value or "").split())
    spans = ("<wbr>".join(f'<span class="nw">{escape(p)}</span>' for p in parts if p) for parts in words)
    return mark_safe(" ".join(spans))  # noqa: S308 - escaped
