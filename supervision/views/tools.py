"""The tool editor: forms and rubrics as data."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.roles import is_office_staff

from .. import services
from ..forms import ToolForm
from ..models import Tool


@login_required
def tool_list(request: HttpRequest) -> HttpResponse:
    if not is_office_staff(request.user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูเครื่องมือนิเทศ")
    tools = Tool.objects.prefetch_related("sections__items")
    return render(
        request, "supervision/tool_list.html", {"tools": tools, "can_edit": services.can_edit_tools(request.user)}
    )


@login_required
def tool_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not is_office_staff(request.user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูเครื่องมือนิเทศ")
    tool = get_object_or_404(Tool, pk=pk) if pk else Tool()
    can_edit = services.can_edit_tools(request.user)
    initial = {"outline": services.tool_outline(tool)} if pk else {"outline": "# ตอนที่ 1\n- รายการที่ 1"}
    form = ToolForm(request.POST or None, instance=tool, initial=initial)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขเครื่องมือนิเทศ")
        if form.is_valid():
            try:
                saved = services.tool_save(user=request.user, form=form, outline=form.cleaned_data["outline"])
            except ValidationError as exc:
                form.add_error("outline", exc)
            else:
                messages.success(request, f"บันทึกเครื่องมือ “{saved.name}” แล้ว")
                return redirect("supervision:tool_edit", pk=saved.pk)
    return render(request, "supervision/tool_form.html", {"form": form, "tool": tool, "can_edit": can_edit})
