"""Reference data pages of the schools app reached from ข้อมูลพื้นฐาน: retire a cluster, set a
school-staff login's school. Rules: schools/access.py and core/access.py; writes: schools/services.py."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import access as core_access
from core.web import run_action, save_form

from . import access, services
from .forms_people import MembershipForm
from .models import SchoolMembership


@login_required
@require_POST
def cluster_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = access.get_cluster_for_user(request.user, pk, write=True)
    active = request.POST.get("active") == "1"
    run_action(
        request,
        lambda: services.cluster_set_active(user=request.user, cluster=cluster, active=active),
        f"{'เปิดใช้งาน' if active else 'ปิดการใช้งาน'}กลุ่ม “{cluster.name}” แล้ว",
    )
    return redirect("schools:cluster_detail", pk=cluster.pk)


@login_required
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The school a school-staff login belongs to (administrator only, from the people pages)."""
    member = core_access.get_managed_user_for_user(request.user, pk, write=request.method == "POST")
    current = SchoolMembership.objects.filter(user=member).first()
    initial = {"school": current.school if current else None, "position": current.position if current else ""}
    form = MembershipForm(request.POST or None, initial=initial)
    saved = save_form(
        request,
        form,
        lambda data: (
            services.membership_set(user=request.user, member=member, school=data["school"], position=data["position"])
            or member
        ),
        success="บันทึกสถานศึกษาที่สังกัดของ “{}” แล้ว",
    )
    if saved is not None:
        return redirect("core:people_account", pk=member.pk)
    return render(request, "schools/member_form.html", {"form": form, "member": member})
