from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core import thaidate
from core.web import save_form

from .. import access, selectors, services
from ..forms import MemberForm
from ..models import CommitteeMember

PREFIXES = ["นาย", "นาง", "นางสาว", "ดร.", "ผศ.ดร.", "รศ.ดร.", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง"]


@login_required
def member_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    day = thaidate.today()
    error = ""
    if request.GET.get("on"):
        try:
            day = thaidate.parse_be_date(request.GET["on"])
        except thaidate.ThaiDateError as exc:
            error = str(exc)
    bodies = selectors.bodies_visible_to(request.user)
    body = bodies.filter(pk=request.GET["body"]).first() if request.GET.get("body", "").isdigit() else None
    body = body or selectors.ktpn_body() or bodies.first()
    serving = selectors.members_serving_on(day, body) if body else selectors.members_serving_on(day).none()
    others = selectors.members_visible_to(request.user).filter(body=body).exclude(pk__in=serving.values("pk"))
    return render(request, "committee/member_list.html", {
        "serving": serving, "others": others, "day": day, "date_error": error, "bodies": bodies, "body": body,
        "can_write": body is not None and access.can_write_body(request.user, body),
    })  # fmt: skip


@login_required
def member_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    if pk:
        member = access.get_member_for_user(user, pk, write=True)
    else:
        member = None
        access.require_reader(user)
        if not access.can_create_meeting(user):  # whoever runs a body keeps its members
            access.require_writer(user)
    bodies = selectors.bodies_writable_by(user)
    if member is not None:
        bodies = (bodies | selectors.bodies_visible_to(user).filter(pk=member.body_id)).distinct()
    initial = {"body": request.GET["body"]} if request.GET.get("body", "").isdigit() else {}
    form = MemberForm(request.POST or None, instance=member or CommitteeMember(), bodies=bodies, initial=initial)

    def save(data: dict) -> CommitteeMember:
        fields = {f: data[f] for f in MemberForm.Meta.fields if f not in ("user", "body")}
        if member is None:
            return services.member_create(user=user, account=data["user"], body=data["body"], **fields)
        return services.member_update(user=user, member=member, account=data["user"], **fields)

    if save_form(request, form, save, success="บันทึกข้อมูล {0.full_name} แล้ว"):
        return redirect("committee:member_list")
    return render(request, "committee/member_form.html", {"form": form, "member": member, "prefixes": PREFIXES})
