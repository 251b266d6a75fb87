"""Editing supervision tools: sections and items written as an outline.

Outline format (one line each):   # ตอนที่ 1 ...   then items   - รายการ ...
An item line ending in "[ไม่มีความเห็น]" has no comment box. Items keep their identity by
position, so renaming an item keeps its scores; removing an item that has scores is refused.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.roles import Role, has_role

from ..models import Tool, ToolItem, ToolSection

__all__ = ["NO_COMMENT", "can_edit_tools", "tool_outline", "tool_save", "parse_outline"]

NO_COMMENT = "[ไม่มีความเห็น]"


def can_edit_tools(user) -> bool:  # noqa: ANN001
    return has_role(user, Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR)


def parse_outline(text: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    sections: list[tuple[str, list[tuple[str, bool]]]] = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            sections.append((line.lstrip("#").strip(), []))
            continue
        if not sections:
            raise ValidationError(f"บรรทัดที่ {number}: ต้องขึ้นต้นด้วยชื่อตอน เช่น “# ก่อนสอน”")
        item = line.lstrip("-•*0123456789. ").strip()
        allow_comment = not item.endswith(NO_COMMENT)
        item = item.removesuffix(NO_COMMENT).strip()
        if item:
            sections[-1][1].append((item[:500], allow_comment))
    if not sections or not any(items for _, items in sections):
        raise ValidationError("เครื่องมือต้องมีอย่างน้อยหนึ่งตอนและหนึ่งรายการ")
    return sections


def tool_outline(tool: Tool) -> str:
    out = []
    for section in tool.sections.prefetch_related("items"):
        out.append(f"# {section.title}")
        out += [f"- {i.text}{'' if i.allow_comment else ' ' + NO_COMMENT}" for i in section.items.all()]
    return "\n".join(out)


@transaction.atomic
def tool_save(*, user, form, outline: str) -> Tool:  # noqa: ANN001
    if not can_edit_tools(user):
        raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขเครื่องมือนิเทศ")
    sections = parse_outline(outline)
    tool = form.save()
    old_sections = list(tool.sections.prefetch_related("items"))
    for s_index, (title, items) in enumerate(sections):
        section = old_sections[s_index] if s_index < len(old_sections) else ToolSection(tool=tool)
        section.order, section.title = s_index + 1, title[:300]
        section.save()
        old_items = list(section.items.all()) if section.pk else []
        for i_index, (text, allow_comment) in enumerate(items):
            item = old_items[i_index] if i_index < len(old_items) else ToolItem(section=section)
            item.order, item.text, item.allow_comment = i_index + 1, text, allow_comment
            item.save()
        _drop(old_items[len(items) :])
    for section in old_sections[len(sections) :]:
        _drop(list(section.items.all()))
        section.delete()
    return tool


def _drop(items: list[ToolItem]) -> None:
    used = [i.text for i in items if i.scores.exists()]
    if used:
        raise ValidationError(f"ลบรายการที่มีผลการประเมินแล้วไม่ได้: {', '.join(used)} (ปิดใช้เครื่องมือแล้วสร้างฉบับใหม่แทน)")
    for item in items:
        item.delete()
