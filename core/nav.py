"""The main navigation: each entry shows only to users the app would let in.

Visibility predicates are named by dotted path so core does not import the apps at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.http import HttpRequest
from django.urls import reverse
from django.utils.module_loading import import_string

from .roles import UserLike


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    active_prefixes: tuple[str, ...]
    visible_to: str | None = None  # dotted path of `fn(user) -> bool`; None means every user
    exclude_prefixes: tuple[str, ...] = ()


EXCEPT_SCHOOL = ("/correspondence/school/",)  # หนังสือถึงโรงเรียน lights its own entry
RECEIVES = "correspondence.access.can_receive"

NAV = (
    NavItem("หน้าแรก", "home", ()),
    NavItem("งานนิเทศ", "supervision:index", ("/supervision/",), "supervision.access.can_read"),
    NavItem("สารบรรณ", "correspondence:index", ("/correspondence/",), "correspondence.access.can_read", EXCEPT_SCHOOL),
    NavItem("หนังสือถึงโรงเรียน", "correspondence:school_inbox", ("/correspondence/school/",), RECEIVES),
    NavItem("ก.ต.ป.น.", "committee:index", ("/committee/",), "committee.access.can_read"),
    NavItem("ประกันคุณภาพ", "qa:index", ("/qa/",), "qa.access.can_open"),
    NavItem("สถานศึกษา", "schools:school_list", ("/schools/",), "schools.access.can_read"),
    NavItem("ปฏิทิน", "core:calendar", ("/calendar/",)),
    NavItem("เอกสารของฉัน", "core:documents", ("/documents/",)),
)


@cache
def _predicate(path: str):  # noqa: ANN202 - a callable from the app
    return import_string(path)


def _is_active(item: NavItem, path: str) -> bool:
    if not item.active_prefixes:
        return path == reverse(item.url_name)
    if any(path.startswith(p) for p in item.exclude_prefixes):
        return False
    return any(path.startswith(p) for p in item.active_prefixes)


def nav_for(request: HttpRequest) -> list[dict]:
    user: UserLike = request.user
    if not user.is_authenticated:
        return []
    return [
        {"label": item.label, "url": reverse(item.url_name), "active": _is_active(item, request.path)}
        for item in NAV
        if item.visible_to is None or _predicate(item.visible_to)(user)
    ]
