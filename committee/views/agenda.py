from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action, save_form

from .. import access, services
from ..forms import AttachmentForm, ItemForm
from ..models import AgendaItem


def _parent(request: HttpRequest) -> AgendaItem | None:
    pk = request.GET.get("parent") or request.POST.get("parent")
    if not (pk and str(pk).isdigit()):
        return None
    return access.get_item_for_user(request.user, int(pk), write=True)


@login_required
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    parent = _parent(request)
    initial = {"section": parent.section if parent else request.GET.get("section", 4)}
    form = ItemForm(request.POST or None, initial=initial, section_fixed=parent is not None)
    item = save_form(request, form, lambda data: services.item_add(
        user=request.user, meeting=meeting, parent=parent, **data,
    ), success="เพิ่มเรื่อง {0.number} แล้ว")  # fmt: skip
    if item:
        return redirect("committee:meeting_detail", pk=pk)
    return render(request, "committee/item_form.html", {"form": form, "meeting": meeting, "parent": parent})


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, write=True)
    initial = {f: getattr(item, f) for f in ("section", "title", "presenter", "summary", "proposed_resolution")}
    form = ItemForm(request.POST or None, initial=initial, section_fixed=True)

    def update(data: dict) -> AgendaItem:
        fields = {k: v for k, v in data.items() if k != "section"}
        return services.item_update(user=request.user, item=item, **fields)

    if save_form(request, form, update, success="แก้ไขเรื่อง {0.number} แล้ว"):
        return redirect("committee:meeting_detail", pk=item.meeting_id)
    return render(request, "committee/item_form.html", {
        "form": form, "meeting": item.meeting, "item": item, "attachment_form": AttachmentForm(),
    })  # fmt: skip


@login_required
@require_POST
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, write=True)
    meeting_pk = item.meeting_id
    run_action(request, lambda: services.item_remove(user=request.user, item=item), "ลบเรื่องแล้ว")
    return redirect("committee:meeting_detail", pk=meeting_pk)


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, write=True)
    up = request.POST.get("direction") == "up"
    run_action(request, lambda: services.item_move(user=request.user, item=item, up=up), "จัดลำดับใหม่แล้ว")
    return redirect("committee:meeting_detail", pk=item.meeting_id)


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    att = save_form(request, form, lambda data: services.attachment_add(
        user=request.user, item=item, upload=data["file"], title=data["title"],
    ), success="แนบ “{0.title}” แล้ว")  # fmt: skip
    if att:
        return redirect("committee:item_edit", pk=pk)
    return render(request, "committee/item_form.html", {
        "form": ItemForm(initial={"section": item.section, "title": item.title}, section_fixed=True),
        "meeting": item.meeting, "item": item, "attachment_form": form,
    }, status=400)  # fmt: skip


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    att = access.get_attachment_for_user(request.user, pk)
    return FileResponse(att.file.open("rb"), as_attachment=not att.is_pdf, filename=att.filename,
                        content_type=att.mime)  # fmt: skip


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    att = access.get_attachment_for_user(request.user, pk, write=True)
    item_pk = att.item_id
    run_action(request, lambda: services.attachment_remove(user=request.user, attachment=att), "ลบเอกสารประกอบแล้ว")
    return redirect("committee:item_edit", pk=item_pk)
