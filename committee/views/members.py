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
    serving = selectors.members_serving_on(day)
    others = selectors.members_visible_to(request.user).exclude(pk__in=serving.values("pk"))
    return render(request, "committee/member_list.html", {
        "serving": serving, "others": others, "day": day, "date_error": error,
        "can_write": access.can_write(request.user),
    })  # fmt: skip


@login_required
def member_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    if pk:
        member = access.get_member_for_user(user, pk, write=True)
    else:
        member = None
        access.require_reader(user)
        access.require_writer(user)
    form = MemberForm(request.POST or None, instance=member or CommitteeMember())

    def save(data: dict) -> CommitteeMember:
        fields = {f: data[f] for f in MemberForm.Meta.fields if f != "user"}
        if member is None:
            return services.member_create(user=user, account=data["user"], **fields)
        return services.member_update(user=user, member=member, account=data["user"], **fields)

    if save_form(request, form, save, success="บันทึกข้อมูล {0.full_name} แล้ว"):
        return redirect("committee:member_list")
    return render(request, "committee/member_form.html", {"form": form, "member": member, "prefixes": PREFIXES})
