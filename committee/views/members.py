from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core import thaidate

from .. import selectors, services
from ..forms import MemberForm
from ..models import CommitteeMember
from ._common import require_reader, try_service

PREFIXES = ["นาย", "นาง", "นางสาว", "ดร.", "ผศ.ดร.", "รศ.ดร.", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง"]


@login_required
def member_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
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
        "can_write": services.can_write(request.user),
    })  # fmt: skip


@login_required
def member_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    member = selectors.get_member_for_user(request.user, pk, write=True) if pk else None
    if member is None:
        require_reader(request)
        services.require_writer(request.user)
    form = MemberForm(request.POST or None, instance=member or CommitteeMember())
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in MemberForm.Meta.fields if f != "user"}
        data["account"] = form.cleaned_data["user"]
        if member is None:
            saved = try_service(form, lambda: services.member_create(user=request.user, **data))
        else:
            saved = try_service(form, lambda: services.member_update(user=request.user, member=member, **data))
        if saved:
            messages.success(request, f"บันทึกข้อมูล {saved.full_name} แล้ว")
            return redirect("committee:member_list")
    return render(request, "committee/member_form.html", {"form": form, "member": member, "prefixes": PREFIXES})
