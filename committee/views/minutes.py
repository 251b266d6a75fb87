from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.web import run_action, save_form, submit_form

from .. import access, selectors, services
from ..documents import attendance_groups
from ..forms import ApproveForm, AttendanceForm, CorrectionForm, GuestForm, MinutesForm, RecordForm, ResolutionForm


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_minutes_for_user(request.user, pk, write=request.method == "POST")
    meeting = record.meeting
    form = MinutesForm(request.POST or None, instance=record)
    if save_form(request, form, lambda data: services.minutes_update(user=request.user, minutes=record, **data),
                 success="บันทึกข้อมูลรายงานการประชุมแล้ว"):  # fmt: skip
        return redirect("committee:minutes", pk=pk)
    return render(request, "committee/minutes.html", {
        "meeting": meeting, "minutes": record, "form": form, "sections": selectors.agenda_tree(meeting),
        **access.meeting_actions(request.user, meeting),
        "approve_form": ApproveForm(meeting=meeting), "correction_form": CorrectionForm(meeting=meeting),
        "resolution_form": ResolutionForm(), "doc_params": {"meeting": meeting.pk}, **attendance_groups(meeting),
    })  # fmt: skip


@login_required
@require_POST
def item_record(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, write=True)
    submit_form(request, RecordForm(request.POST), f"บันทึกเรื่อง {item.number} แล้ว",
                lambda data: services.item_record(user=request.user, item=item, **data))  # fmt: skip
    minutes_url = reverse("committee:minutes", args=[item.meeting_id])
    return redirect(f"{request.build_absolute_uri(minutes_url)}#item-{item.pk}")


@login_required
@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_minutes_for_user(request.user, pk, write=True)
    submit_form(request, ApproveForm(request.POST, meeting=record.meeting),
                "รับรองรายงานการประชุมแล้ว รายงานนี้แก้ไขไม่ได้อีก",
                lambda data: services.minutes_approve(user=request.user, minutes=record, at_meeting=data["at_meeting"]))  # fmt: skip
    return redirect("committee:minutes", pk=pk)


@login_required
@require_POST
def correction_add(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_minutes_for_user(request.user, pk, write=True)
    submit_form(request, CorrectionForm(request.POST, meeting=record.meeting), "บันทึกการแก้ไขไว้ท้ายรายงานการประชุมแล้ว",
                lambda data: services.minutes_add_correction(user=request.user, minutes=record, **data))  # fmt: skip
    return redirect("committee:minutes", pk=pk)


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
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
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    member_pk = request.POST.get("member_pk", "")
    member = access.get_member_for_user(request.user, int(member_pk) if member_pk.isdigit() else 0)
    fields = ("kind", "name", "job_title", "reason")
    submit_form(request, AttendanceForm(request.POST, prefix=f"m{member.pk}"),
                f"บันทึกการเข้าประชุมของ {member.full_name} แล้ว",
                lambda data: services.attendance_set(user=request.user, meeting=meeting, member=member,
                                                     **{k: data[k] for k in fields}))  # fmt: skip
    return redirect("committee:attendance", pk=pk)


@login_required
@require_POST
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    submit_form(request, GuestForm(request.POST), "เพิ่มผู้เข้าร่วมประชุมแล้ว",
                lambda data: services.guest_add(user=request.user, meeting=meeting, **data))  # fmt: skip
    return redirect("committee:attendance", pk=pk)


@login_required
@require_POST
def attendance_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_attendance_for_user(request.user, pk, write=True)
    run_action(request, lambda: services.attendance_remove(user=request.user, record=record), "ลบรายการแล้ว")
    return redirect("committee:attendance", pk=record.meeting_id)
