"""“โทเค็น API ของฉัน”: a user makes, lists and revokes their own API tokens.

A new key is shown once, in the answer to the POST that made it (never stored, never redirected
through the session); nobody can make or see a token of someone else's here, the administrator
included.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import access, selectors, tokens
from .forms import ApiTokenForm
from .web import run_action, save_form


def _page(request: HttpRequest, form: ApiTokenForm, *, new_key: str = "", status: int = 200) -> HttpResponse:
    context = {"form": form, "tokens": selectors.api_tokens_of(request.user), "new_key": new_key}
    return render(request, "core/api_token_list.html", context, status=status)


@login_required
def api_token_list(request: HttpRequest) -> HttpResponse:
    return _page(request, ApiTokenForm(initial={"days": tokens.default_days()}))


@login_required
@require_POST
def api_token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    made = save_form(
        request,
        form,
        lambda data: tokens.api_token_create(user=request.user, name=data["name"], days=data["days"]),
        success="สร้างโทเค็นแล้ว คัดลอกเก็บไว้ตอนนี้ ระบบจะไม่แสดงโทเค็นนี้อีก",
    )
    if made is None:
        return _page(request, form, status=400)
    _token, key = made
    return _page(request, ApiTokenForm(initial={"days": tokens.default_days()}), new_key=key)


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = access.get_api_token_for_user(request.user, pk, write=True)
    run_action(
        request,
        lambda: tokens.api_token_revoke(user=request.user, token=token),
        f"ยกเลิกโทเค็น “{token.name}” แล้ว โปรแกรมที่ใช้โทเค็นนี้จะเรียก API ไม่ได้อีก",
    )
    return redirect("core:api_tokens")
