"""Home-page panels: my inbox and its urgent items, the clerk's desk, the director's decisions (เกษียน, signatures)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from core.panels import ACTION
from core.roles import Role, has_role

from . import access, home, selectors


def inbox_panel(request: HttpRequest) -> dict | None:
    if not access.can_read(request.user):
        return None
    waiting = selectors.inbox_for(request.user)
    urgent = [letter for letter in waiting[:50] if letter.urgency or letter.deadline_passed][:5]
    return {"template": "correspondence/panel.html", "count": waiting.count(), "urgent": urgent}


def school_inbox_panel(request: HttpRequest) -> dict | None:
    """หนังสือถึงโรงเรียน: the newest letters delivered to a school user (or a person), with the unread count."""
    if not access.can_receive(request.user):
        return None
    inbox = selectors.inbox_for_user(request.user)
    return {
        "template": "correspondence/schools/panel.html", "unread": selectors.unread_count(request.user),
        "latest": list(inbox[:5]),
    }  # fmt: skip


def clerk_panel(request: HttpRequest) -> dict | None:
    """The registry desk: keying shortcuts (ลงทะเบียนรับ, ออกเลขส่ง, ค้นหา) and today's counts."""
    if not access.can_register(request.user):
        return None
    return {"template": "correspondence/_home_clerk.html", "wide": True, "today": home.clerk_today(request.user)}


def instruct_action(request: HttpRequest) -> dict | None:
    """The group director's card: letters presented and waiting for the เกษียน, linked to the first one."""
    if not access.can_instruct(request.user):
        return None
    waiting = home.to_instruct(request.user)
    first = waiting.first()
    return {
        "kind": ACTION, "name": "letters-to-instruct", "icon": "bi-pen", "count": waiting.count(),
        "label": "หนังสือรอเกษียนสั่งการ", "unit": "เรื่อง",
        "hint": f"เรื่องแรก: {first.subject}" if first else "ไม่มีหนังสือรอเกษียน",
        "url": reverse("correspondence:letter_detail", args=[first.pk]) if first else reverse("correspondence:inbox"),
        "list_url": reverse("correspondence:inbox"), "list_label": "เปิดงานสารบรรณของฉัน",
    }  # fmt: skip


def sign_action(request: HttpRequest) -> dict | None:
    """Drafts waiting for the user's check or signature: a card for who signs (or when any wait)."""
    user = request.user
    if not access.can_read(user):
        return None
    steps = home.to_sign(user)
    if not steps and not (access.can_instruct(user) or has_role(user, Role.EXECUTIVE)):
        return None
    url = reverse("correspondence:approval_list")
    return {
        "kind": ACTION, "name": "drafts-to-sign", "icon": "bi-vector-pen", "count": len(steps),
        "label": "หนังสือรอตรวจ/ลงนาม", "unit": "เรื่อง",
        "hint": f"เรื่องแรก: {steps[0].content.letter.subject}" if steps else "ไม่มีหนังสือรอลงนาม",
        "url": reverse("correspondence:approval_detail", args=[steps[0].pk]) if steps else url,
        "list_url": url, "list_label": "ดูหนังสือรอตรวจ/ลงนามทั้งหมด",
    }  # fmt: skip
