"""Meeting bodies (คณะที่ประชุม): list, create, edit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core import thaidate
from core.web import save_form

from .. import access, selectors, services
from ..forms import BodyForm
from ..models import MeetingBody


@login_required
def body_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    fy = thaidate.fiscal_year(thaidate.today())
    bodies = list(selectors.bodies_visible_to(request.user).select_related("secretary", "cluster"))
    progress = selectors.fiscal_year_progress_by_body(fy, bodies)
    for body in bodies:
        body.progress = progress[body.pk]
        body.writable = access.can_write_body(request.user, body)
    return render(request, "committee/body_list.html", {
        "bodies": bodies, "can_create": bool(access.body_kinds_creatable_by(request.user)),
    })  # fmt: skip


@login_required
def body_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    body = access.get_body_for_user(user, pk, write=True) if pk else None
    if body is None:
        access.require_reader(user)
        access.require_body_creator(user)
    kinds = access.body_kinds_creatable_by(user)
    if body is not None and body.kind not in kinds:
        kinds = [body.kind, *kinds]
    form = BodyForm(request.POST or None, instance=body or MeetingBody(), kinds=kinds)

    def save(data: dict) -> MeetingBody:
        fields = {k: v for k, v in data.items() if k != "readers"}
        if body is None:
            return services.body_create(user=user, readers=list(data["readers"]), **fields)
        return services.body_update(user=user, body=body, readers=list(data["readers"]), **fields)

    saved = save_form(request, form, save, success="บันทึก{0.name}แล้ว")
    if saved:
        return redirect("committee:body_list")
    return render(request, "committee/body_form.html", {"form": form, "body": body})
