"""Choosers of the visit forms that fit a supervisor on a phone: her clusters' schools first, and the
tool suggested by the visit type (each tool option carries its type for static/js/tool-suggest.js)."""

from __future__ import annotations

from django import forms

from core.roles import UserLike
from schools.models import Cluster, School

from ..models import Tool

EMPTY_SCHOOL = "— เลือกสถานศึกษา —"
OTHER_SCHOOLS = "โรงเรียนอื่น ๆ"


def school_choices(user: UserLike | None) -> list[tuple] | None:
    """Grouped choices: one group per cluster `user` is responsible for, then every other school.
    None when she is responsible for no cluster (the plain list is then the best order)."""
    if user is None or not getattr(user, "pk", None):
        return None
    mine = dict(Cluster.objects.filter(responsible_supervisors=user).values_list("pk", "name"))
    if not mine:
        return None
    groups: dict[int, list[tuple[int, str]]] = {pk: [] for pk in sorted(mine, key=lambda pk: mine[pk])}
    others: list[tuple[int, str]] = []
    for pk, name, cluster_id in (
        School.objects.filter(is_active=True).order_by("name").values_list("pk", "name", "cluster_id")
    ):
        (groups[cluster_id] if cluster_id in groups else others).append((pk, name))
    grouped = [(f"กลุ่มที่ฉันรับผิดชอบ: {mine[pk]}", rows) for pk, rows in groups.items() if rows]
    return [("", EMPTY_SCHOOL), *grouped, *([(OTHER_SCHOOLS, others)] if others else [])]


def use_my_schools_first(field: forms.ModelChoiceField, user: UserLike | None) -> None:
    choices = school_choices(user)
    if choices is not None:
        field.choices = choices  # validation still goes by the field's queryset


class ToolSelect(forms.Select):
    """A tool select whose options say which visit type each tool is for (data-visit-type)."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__({"data-tool-suggest": "1", **(attrs or {})})

    def create_option(self, *args: object, **kwargs: object) -> dict:
        option = super().create_option(*args, **kwargs)
        tool = getattr(option["value"], "instance", None)
        if tool is not None and tool.visit_type:
            option["attrs"]["data-visit-type"] = tool.visit_type
        return option


def suggested_tool(visit_type: str | None) -> Tool | None:
    """The first active tool meant for `visit_type` (the tool list's order), if any."""
    if not visit_type:
        return None
    return Tool.objects.filter(is_active=True, visit_type=visit_type).order_by("name").first()
