from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action

from .. import selectors, services
from ..forms import AttachmentForm, ItemForm
from ..models import AgendaItem
from ._common import try_service


def _parent(request: HttpRequest, meeting_pk: int) -> AgendaItem | None:
    pk = request.GET.get("parent") or request.POST.get("parent")
    if not (pk and str(pk).isdigit()):
        return None
    return selectors.get_item_for_user(request.user, int(pk), write=True) if pk else None


@login_required
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    parent = _parent(request, pk)
    initial = {"section": parent.section if parent else request.GET.get("section", 4)}
    form = ItemForm(request.POST or None, initial=initial, section_fixed=parent is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = try_service(form, lambda: services.item_add(
            user=request.user, meeting=meeting, parent=parent, section=data["section"], title=data["title"],
            presenter=data["presenter"], summary=data["summary"], proposed_resolution=data["proposed_resolution"],
        ))  # fmt: skip
        if item:
            messages.success(request, f"เพิ่มเรื่อง {item.number} แล้ว")
            return redirect("committee:meeting_detail", pk=pk)
    return render(request, "committee/item_form.html", {"form": form, "meeting": meeting, "parent": parent})


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_item_for_user(request.user, pk, write=True)
    initial = {f: getattr(item, f) for f in ("section", "title", "presenter", "summary", "proposed_resolution")}
    form = ItemForm(request.POST or None, initial=initial, section_fixed=True)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "section"}
        if try_service(form, lambda: services.item_update(user=request.user, item=item, **data)):
            messages.success(request, f"แก้ไขเรื่อง {item.number} แล้ว")
            return redirect("committee:meeting_detail", pk=item.meeting_id)
    return render(request, "committee/item_form.html", {
        "form": form, "meeting": item.meeting, "item": item, "attachment_form": AttachmentForm(),
    })  # fmt: skip


@login_required
@require_POST
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_item_for_user(request.user, pk, write=True)
    meeting_pk = item.meeting_id
    run_action(request, lambda: services.item_remove(user=request.user, item=item), "ลบเรื่องแล้ว")
    return redirect("committee:meeting_detail", pk=meeting_pk)


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_item_for_user(request.user, pk, write=True)
    up = request.POST.get("direction") == "up"
    run_action(request, lambda: services.item_move(user=request.user, item=item, up=up), "จัดลำดับใหม่แล้ว")
    return redirect("committee:meeting_detail", pk=item.meeting_id)


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_item_for_user(request.user, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        att = try_service(form, lambda: services.attachment_add(
            user=request.user, item=item, upload=form.cleaned_data["file"], title=form.cleaned_data["title"],
        ))  # fmt: skip
        if att:
            messages.success(request, f"แนบ “{att.title}” แล้ว")
            return redirect("committee:item_edit", pk=pk)
    return render(request, "committee/item_form.html", {
        "form": ItemForm(initial={"section": item.section, "title": item.title}, section_fixed=True),
        "meeting": item.meeting, "item": item, "attachment_form": form,
    }, status=400)  # fmt: skip


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    att = selectors.get_attachment_for_user(request.user, pk)
    return FileResponse(att.file.open("rb"), as_attachment=not att.is_pdf, filename=att.filename,
                        content_type=att.mime)  # fmt: skip


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    att = selectors.get_attachment_for_user(request.user, pk, write=True)
    item_pk = att.item_id
    run_action(request, lambda: services.attachment_remove(user=request.user, attachment=att), "ลบเอกสารประกอบแล้ว")
    return redirect("committee:item_edit", pk=item_pk)
