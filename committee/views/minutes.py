from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action

from .. import selectors, services
from ..documents import attendance_groups
from ..forms import ApproveForm, AttendanceForm, CorrectionForm, GuestForm, MinutesForm, RecordForm, ResolutionForm
from ..models import Attendance, CommitteeMember, MeetingStatus
from ._common import try_service


def _minutes_or_404(request: HttpRequest, pk: int):  # noqa: ANN202
    meeting = selectors.get_meeting_for_user(request.user, pk)
    if not selectors.can_see_minutes(request.user, meeting):
        raise Http404("ยังไม่มีรายงานการประชุมที่เผยแพร่")
    return meeting, meeting.minutes


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, record = _minutes_or_404(request, pk)
    can_write = services.can_write(request.user)
    form = MinutesForm(request.POST or None, instance=record)
    if request.method == "POST":
        services.require_writer(request.user)
        if form.is_valid():
            data = {f: form.cleaned_data[f] for f in MinutesForm.Meta.fields}
            if try_service(form, lambda: services.minutes_update(user=request.user, minutes=record, **data)):
                messages.success(request, "บันทึกข้อมูลรายงานการประชุมแล้ว")
                return redirect("committee:minutes", pk=pk)
    return render(request, "committee/minutes.html", {
        "meeting": meeting, "minutes": record, "form": form, "sections": selectors.agenda_tree(meeting),
        "can_write": can_write, "open": can_write and meeting.status == MeetingStatus.HELD,
        "approve_form": ApproveForm(meeting=meeting), "correction_form": CorrectionForm(meeting=meeting),
        "resolution_form": ResolutionForm(), "doc_params": {"meeting": meeting.pk}, **attendance_groups(meeting),
    })  # fmt: skip


@login_required
@require_POST
def item_record(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_item_for_user(request.user, pk, write=True)
    form = RecordForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: services.item_record(user=request.user, item=item, **form.cleaned_data),
                   f"บันทึกเรื่อง {item.number} แล้ว")  # fmt: skip
    return redirect(f"{request.build_absolute_uri(_minutes_url(item.meeting_id))}#item-{item.pk}")


def _minutes_url(meeting_pk: int) -> str:
    from django.urls import reverse

    return reverse("committee:minutes", args=[meeting_pk])


@login_required
@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, record = _minutes_or_404(request, pk)
    services.require_writer(request.user)
    form = ApproveForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, "กรุณาเลือกการประชุมที่รับรองรายงาน")
    else:
        at = form.cleaned_data["at_meeting"]
        run_action(request, lambda: services.minutes_approve(user=request.user, minutes=record, at_meeting=at),
                   "รับรองรายงานการประชุมแล้ว รายงานนี้แก้ไขไม่ได้อีก")  # fmt: skip
    return redirect("committee:minutes", pk=pk)


@login_required
@require_POST
def correction_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, record = _minutes_or_404(request, pk)
    services.require_writer(request.user)
    form = CorrectionForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, "กรุณากรอกข้อความที่แก้ไข")
    else:
        run_action(request, lambda: services.minutes_add_correction(user=request.user, minutes=record,
                                                                    **form.cleaned_data),
                   "บันทึกการแก้ไขไว้ท้ายรายงานการประชุมแล้ว")  # fmt: skip
    return redirect("committee:minutes", pk=pk)


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    records = {r.member_id: r for r in meeting.attendance.filter(member__isnull=False)}
    rows = []
    for member in selectors.members_serving_on(meeting.date):
        current = records.get(member.pk)
        initial = {"member": member.pk, "kind": current.kind if current else "present"}
        if current:
            initial.update(name=current.name, job_title=current.job_title, reason=current.reason)
        rows.append(
            {"member": member, "record": current, "form": AttendanceForm(initial=initial, prefix=f"m{member.pk}")}
        )
    return render(request, "committee/attendance.html", {
        "meeting": meeting, "rows": rows, "guest_form": GuestForm(),
        "guests": meeting.attendance.filter(kind="guest"),
    })  # fmt: skip


@login_required
@require_POST
def attendance_set(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    member = get_object_or_404(CommitteeMember, pk=request.POST.get("member_pk") or 0)
    form = AttendanceForm(request.POST, prefix=f"m{member.pk}")
    if form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("kind", "name", "job_title", "reason")}
        run_action(request, lambda: services.attendance_set(user=request.user, meeting=meeting, member=member, **data),
                   f"บันทึกการเข้าประชุมของ {member.full_name} แล้ว")  # fmt: skip
    else:
        messages.error(request, "ข้อมูลการเข้าประชุมไม่ครบ")
    return redirect("committee:attendance", pk=pk)


@login_required
@require_POST
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk, write=True)
    form = GuestForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: services.guest_add(user=request.user, meeting=meeting, **form.cleaned_data),
                   "เพิ่มผู้เข้าร่วมประชุมแล้ว")  # fmt: skip
    else:
        messages.error(request, "กรุณาระบุชื่อผู้เข้าร่วมประชุม")
    return redirect("committee:attendance", pk=pk)


@login_required
@require_POST
def attendance_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(Attendance, pk=pk)
    selectors.get_meeting_for_user(request.user, record.meeting_id, write=True)
    run_action(request, lambda: services.attendance_remove(user=request.user, record=record), "ลบรายการแล้ว")
    return redirect("committee:attendance", pk=record.meeting_id)
