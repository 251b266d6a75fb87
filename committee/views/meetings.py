from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import thaidate
from core.web import run_action

from .. import selectors, services
from ..forms import CancelForm, MeetingForm, TargetForm
from ..models import Meeting, MeetingStatus
from ._common import require_reader, try_service


@login_required
def index(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    fy = thaidate.fiscal_year(thaidate.today())
    user = request.user
    return render(request, "committee/index.html", {
        "progress": selectors.fiscal_year_progress(fy),
        "next_meeting": selectors.meetings_visible_to(user).filter(pk=getattr(selectors.next_meeting(), "pk", None)).first(),
        "open_resolutions": selectors.open_resolutions(user).order_by("due_date")[:10],
        "open_count": selectors.open_resolutions(user).count(),
        "recent": selectors.meetings_visible_to(user)[:6],
        "can_write": services.can_write(user),
        "target_form": TargetForm(initial={"fiscal_year": fy, "meetings": selectors.meetings_target(fy)}),
    })  # fmt: skip


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    meetings = selectors.meetings_visible_to(request.user)
    years = sorted({m.year for m in meetings}, reverse=True)
    year = request.GET.get("year")
    if year and year.isdigit():
        meetings = meetings.filter(year=int(year))
    return render(request, "committee/meeting_list.html", {
        "meetings": meetings, "years": years, "year": year, "can_write": services.can_write(request.user),
    })  # fmt: skip


@login_required
def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True) if pk else None
    if meeting is None:
        require_reader(request)
        services.require_writer(request.user)
    form = MeetingForm(request.POST or None, instance=meeting or Meeting())
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in MeetingForm.Meta.fields}
        if meeting is None:
            saved = try_service(form, lambda: services.meeting_create(user=request.user, **data))
        else:
            saved = try_service(form, lambda: services.meeting_update(user=request.user, meeting=meeting, **data))
        if saved:
            messages.success(request, f"บันทึกการประชุมครั้งที่ {saved.number_display} แล้ว")
            return redirect("committee:meeting_detail", pk=saved.pk)
    return render(request, "committee/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk)
    can_write = services.can_write(request.user)
    return render(request, "committee/meeting_detail.html", {
        "meeting": meeting, "sections": selectors.agenda_tree(meeting), "can_write": can_write,
        "can_see_minutes": selectors.can_see_minutes(request.user, meeting),
        "editable": can_write and meeting.status not in (MeetingStatus.MINUTES_APPROVED, MeetingStatus.CANCELLED),
        "is_draft": meeting.status == MeetingStatus.DRAFT,
        "invitation_available": services.invitation_available(),
        "cancel_form": CancelForm(), "doc_params": {"meeting": meeting.pk},
    })  # fmt: skip


@login_required
@require_POST
def meeting_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    send = request.POST.get("send_invitation") == "1"
    run_action(request, lambda: services.meeting_publish_agenda(user=request.user, meeting=meeting, send_invitation=send),
               "แจ้งระเบียบวาระการประชุมแล้ว กรรมการเห็นระเบียบวาระได้แล้ว")  # fmt: skip
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_invite(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    run_action(request, lambda: services.invitation_issue(user=request.user, meeting=meeting),
               "ออกเลขหนังสือเชิญประชุมแล้ว")  # fmt: skip
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_held(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    if run_action(request, lambda: services.meeting_mark_held(user=request.user, meeting=meeting),
                  "บันทึกว่าประชุมแล้ว เริ่มจัดทำรายงานการประชุมได้"):  # fmt: skip
        return redirect("committee:minutes", pk=pk)
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    reason = request.POST.get("reason", "")
    run_action(request, lambda: services.meeting_cancel(user=request.user, meeting=meeting, reason=reason),
               f"ยกเลิกการประชุมครั้งที่ {meeting.number_display} แล้ว (เลขครั้งนี้จะไม่ถูกใช้ซ้ำ)")  # fmt: skip
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_carry_over(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    services.require_writer(request.user)
    added = {"n": 0}

    def pull() -> None:
        added["n"] = services.agenda_carry_over(meeting=meeting)

    if run_action(request, pull, "ดึงเรื่องสืบเนื่องแล้ว"):
        messages.info(request, f"เพิ่มเรื่องสืบเนื่อง {added['n']} เรื่อง")
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def target_set(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    services.require_writer(request.user)
    form = TargetForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: services.target_set(user=request.user, **form.cleaned_data),
                   "บันทึกเป้าหมายจำนวนการประชุมแล้ว")  # fmt: skip
    else:
        messages.error(request, "กรุณากรอกจำนวนครั้งเป็นตัวเลข 1–24")
    return redirect("committee:index")
