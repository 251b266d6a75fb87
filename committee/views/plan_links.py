"""Set on the agenda page: the supervision plan, or one of its projects, that an agenda item presents."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.web import save_form

from .. import access, services
from ..forms_publishing import PlanLinkForm
from ..models import AgendaPlanLink


@login_required
def item_plan(request: HttpRequest, pk: int) -> HttpResponse:
    from supervision.selectors import plans_visible_to, projects_visible_to

    item = access.get_item_for_user(request.user, pk, write=True)
    link = AgendaPlanLink.objects.filter(item=item).first()
    plans = plans_visible_to(request.user)
    initial = {"plan": link.plan_id, "project": link.project_id} if link else {}
    form = PlanLinkForm(request.POST or None, initial=initial, plans=plans,
                        projects=projects_visible_to(request.user).order_by("-plan__fiscal_year", "order"))  # fmt: skip
    action = lambda data: services.item_link_plan(user=request.user, item=item, **data)  # noqa: E731
    if save_form(request, form, action, success="บันทึกแผน/โครงการที่เสนอในเรื่องนี้แล้ว"):
        return redirect("committee:meeting_detail", pk=item.meeting_id)
    return render(request, "committee/item_plan_form.html", {"item": item, "form": form, "link": link})
