"""The director's decisions with the least clicks: the next visit waiting after each decision, and
several visits approved at once from the list (one confirmation)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.web import flash_errors

from .. import access, selectors, services
from ..models import Visit
from ..selectors.review import next_pending, pending_review


def to_next_pending(request: HttpRequest, visit: Visit, decided: bool) -> HttpResponse:
    """After a decision, open the next visit waiting for one (and say how many are left); else stay."""
    following = next_pending(request.user, after=visit) if decided else None
    if following is None:
        return redirect("supervision:visit_detail", pk=visit.pk)
    left = pending_review(request.user).count()
    messages.info(request, f"เปิดรายการถัดไปที่รอพิจารณาให้แล้ว (รอพิจารณาอีก {left} รายการ)")
    return redirect("supervision:visit_detail", pk=following.pk)


def _chosen_ids(request: HttpRequest) -> list[int]:
    return [int(v) for v in request.POST.getlist("visits") if v.isdigit()][:500]


@login_required
@require_POST
def visit_approve_many(request: HttpRequest) -> HttpResponse:
    """อนุมัติที่เลือก: the ticked visits still waiting for a decision; the rest are left as they are."""
    access.require_reviewer(request.user, "approve")
    ids = _chosen_ids(request)
    if not ids:
        messages.warning(request, "ยังไม่ได้เลือกบันทึกที่จะอนุมัติ")
        return redirect(f"{reverse('supervision:visit_list')}?status=submitted")
    visits = list(selectors.visits_visible_to(request.user).filter(pk__in=ids))
    back = redirect(f"{reverse('supervision:visit_list')}?status=submitted")
    try:
        approved = services.visits_approve_many(user=request.user, visits=visits)
    except ValidationError as exc:
        flash_errors(request, exc)
        return back
    if approved:
        messages.success(request, f"อนุมัติแล้ว {len(approved)} รายการ สถานศึกษาจะได้รับแจ้งให้รับทราบ")
    if skipped := len(ids) - len(approved):
        messages.warning(request, f"ข้าม {skipped} รายการ เพราะไม่ใช่บันทึกที่รอพิจารณา")
    return back
