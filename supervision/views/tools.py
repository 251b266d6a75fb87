"""The tool editor: forms and rubrics as data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.web import save_form

from .. import access, selectors, services
from ..forms import ToolForm
from ..models import Tool


@login_required
def tool_list(request: HttpRequest) -> HttpResponse:
    access.require_tool_reader(request.user)
    tools = selectors.tools_visible_to(request.user).prefetch_related("sections__items")
    return render(
        request, "supervision/tool_list.html", {"tools": tools, "can_edit": access.can_edit_tools(request.user)}
    )


@login_required
def tool_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A tool's page: office staff read it, editors change it; creating one is for editors only."""
    if pk:
        tool = access.get_tool_for_user(request.user, pk, write=request.method == "POST")
        initial = {"outline": services.tool_outline(tool)}
    else:
        access.require_tool_editor(request.user)
        tool, initial = Tool(), {"outline": "# ตอนที่ 1\n- รายการที่ 1"}
    form = ToolForm(request.POST or None, instance=tool, initial=initial)
    action = lambda data: services.tool_save(user=request.user, tool=tool, data=data)  # noqa: E731
    if saved := save_form(request, form, action, success="บันทึกเครื่องมือ “{}” แล้ว"):
        return redirect("supervision:tool_edit", pk=saved.pk)
    return render(
        request,
        "supervision/tool_form.html",
        {"form": form, "tool": tool, "can_edit": access.can_edit_tools(request.user)},
    )
