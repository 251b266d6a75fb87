"""The bell, the notifications page, each person's channel choices, and LINE's webhook."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import line, notifications
from .models import Notification
from .models.notifications import DeliveryChannel


@login_required
def bell(request: HttpRequest) -> HttpResponse:
    """The bell's count (htmx polls it; the whole page never reloads for it)."""
    context = {"unread": notifications.unread_count(request.user), "poll_seconds": settings.NOTIFICATION_POLL_SECONDS}
    return render(request, "core/notifications/_bell.html", context)


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    qs = Notification.objects.filter(recipient=request.user).select_related("actor")
    if request.GET.get("unread"):
        qs = qs.filter(read_at__isnull=True)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(
        request, "core/notifications/list.html", {"page": page, "unread_only": bool(request.GET.get("unread"))}
    )


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notice read and go to what it is about (only the recipient knows their notices)."""
    notice = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications.notifications_mark_read(user=request.user, ids=[notice.pk])
    if notice.url and url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()}):
        return redirect(notice.url)
    return redirect("core:notifications")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notifications.notifications_mark_read(user=request.user)
    messages.success(request, f"ทำเครื่องหมายว่าอ่านแล้ว {count} เรื่อง")
    return redirect("core:notifications")


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    prefs = notifications.settings_for(request.user)
    kinds = notifications.kinds()
    if request.method == "POST":
        prefs.channels = {
            k.code: [c for c in (DeliveryChannel.EMAIL, DeliveryChannel.LINE) if request.POST.get(f"{k.code}:{c}")]
            for k in kinds
        }
        prefs.daily_digest = bool(request.POST.get("daily_digest"))
        prefs.save(update_fields=["channels", "daily_digest"])
        messages.success(request, "บันทึกการตั้งค่าการแจ้งเตือนแล้ว")
        return redirect("core:notification_settings")
    rows = [
        {"kind": k, "email": DeliveryChannel.EMAIL in prefs.channels.get(k.code, k.channels),
         "line": DeliveryChannel.LINE in prefs.channels.get(k.code, k.channels)}
        for k in kinds
    ]  # fmt: skip
    context = {"prefs": prefs, "rows": rows, "line_on": line.configured(), "has_email": bool(request.user.email)}
    return render(request, "core/notifications/settings.html", context)


@login_required
@require_POST
def line_link_code(request: HttpRequest) -> HttpResponse:
    code = notifications.line_link_code_new(user=request.user)
    messages.info(request, f"ส่งรหัส {code} ทางแชตถึงบัญชี LINE ของสำนักงานภายใน 30 นาที เพื่อเชื่อมบัญชี")
    return redirect("core:notification_settings")


@csrf_exempt
@require_POST
def line_webhook(request: HttpRequest) -> HttpResponse:
    """LINE calls this with the messages sent to the office's account; a 6-digit code links the sender."""
    if not line.signature_valid(request.body, request.headers.get("X-Line-Signature", "")):
        return HttpResponseForbidden("invalid signature")
    try:
        events = json.loads(request.body).get("events", [])
    except (ValueError, AttributeError):
        return HttpResponseBadRequest("invalid body")
    for event in events:
        message, source = event.get("message") or {}, event.get("source") or {}
        if event.get("type") == "message" and message.get("type") == "text" and source.get("userId"):
            notifications.line_link(code=str(message.get("text", "")), line_user_id=source["userId"])
    return HttpResponse("OK")
