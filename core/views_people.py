"""ข้อมูลพื้นฐาน: the administrator manages logins, roles and profiles here, without the Django admin.

The hub links to the reference data each app keeps (clusters and schools, letter templates, target
school groups, visit types). Every rule is in core/access.py; every write in core/services_people.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import access, selectors, services_people
from .forms_people import AccountCreateForm, AccountForm, AdminSetPasswordForm, account_initial
from .roles import Role
from .web import run_action, save_form


@login_required
def reference_hub(request: HttpRequest) -> HttpResponse:
    access.require_people_manager(request.user)
    return render(request, "core/people_hub.html", {"counts": selectors.account_counts()})


@login_required
def account_list(request: HttpRequest) -> HttpResponse:
    access.require_people_manager(request.user)
    query, role, state = (
        request.GET.get("q", "").strip(),
        request.GET.get("role", ""),
        request.GET.get("state", "active"),
    )
    rows = selectors.accounts_matching(query=query, role=role, state=state)
    context = {"accounts": rows, "q": query, "role": role, "state": state, "roles": Role.choices}
    return render(request, "core/people_list.html", context)


@login_required
def account_create(request: HttpRequest) -> HttpResponse:
    access.require_people_manager(request.user)
    form = AccountCreateForm(request.POST or None)
    member = save_form(
        request,
        form,
        lambda data: services_people.account_create(user=request.user, data=data),
        success="สร้างบัญชี “{}” แล้ว",
    )
    if member is not None:  # a school-staff login goes on to choose its school (a page of the schools app)
        school_staff = Role.SCHOOL in form.cleaned_data["roles"]
        return redirect("schools:member_edit" if school_staff else "core:people_account", pk=member.pk)
    return render(request, "core/people_form.html", {"form": form, "member": None})


@login_required
def account_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = access.get_managed_user_for_user(request.user, pk, write=request.method == "POST")
    form = AccountForm(request.POST or None, initial=account_initial(member))
    saved = save_form(
        request,
        form,
        lambda data: services_people.account_update(user=request.user, member=member, data=data),
        success="บันทึกข้อมูล “{}” แล้ว",
    )
    if saved is not None:
        return redirect("core:people_account", pk=member.pk)
    is_school = member.groups.filter(name=Role.SCHOOL).exists()
    history = services_people.account_history(member)[:20]
    context = {"form": form, "member": member, "is_school": is_school, "history": history}
    return render(request, "core/people_form.html", context)


@login_required
@require_POST
def account_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    member = access.get_managed_user_for_user(request.user, pk, write=True)
    active = request.POST.get("active") == "1"
    run_action(
        request,
        lambda: services_people.account_set_active(user=request.user, member=member, active=active),
        f"{'เปิด' if active else 'ปิด'}การใช้งานบัญชี “{member.username}” แล้ว",
    )
    return redirect("core:people_account", pk=member.pk)


@login_required
def account_password(request: HttpRequest, pk: int) -> HttpResponse:
    member = access.get_managed_user_for_user(request.user, pk, write=request.method == "POST")
    form = AdminSetPasswordForm(member, request.POST or None)
    done = save_form(
        request,
        form,
        lambda data: (
            services_people.account_password_set(user=request.user, member=member, password=data["new_password1"])
            or member
        ),
        success="ตั้งรหัสผ่านใหม่ให้ “{}” แล้ว",
    )
    if done is not None:
        return redirect("core:people_account", pk=member.pk)
    return render(request, "core/people_password.html", {"form": form, "member": member})


@login_required
@require_POST
def account_reset_link(request: HttpRequest, pk: int) -> HttpResponse:
    member = access.get_managed_user_for_user(request.user, pk, write=True)
    link = ""
    try:
        link = request.build_absolute_uri(services_people.account_reset_link(user=request.user, member=member))
    except services_people.ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("core:people_account", pk=member.pk)
    form = AdminSetPasswordForm(member)
    return render(request, "core/people_password.html", {"form": form, "member": member, "link": link})
