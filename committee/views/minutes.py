from __future__ import annotations

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.web import add_service_error, run_action, submit_form

from .. import access, selectors, services
from ..documents import attendance_groups
from ..forms import ApproveForm, AttendanceForm, CorrectionForm, GuestForm, MinutesForm, ResolutionForm
from ..models import Meeting, Minutes


def _all_items(sections: list[dict]) -> list:
    return [node for section in sections for item in section["items"] for node in (item, *item.sub_items)]


def _typed(items: list, data: QueryDict | None) -> dict[int, tuple[str, str]]:
    """Each item's record and มติ as typed (`data`), or as saved; also put on the items for the page."""
    texts = {}
    for item in items:
        record = data.get(f"record-{item.pk}", item.record) if data is not None else item.record
        resolution = data.get(f"resolution-{item.pk}", item.resolution) if data is not None else item.resolution
        item.typed_record, item.typed_resolution = record, resolution
        texts[item.pk] = (record, resolution)
    return texts


def _raw(request: HttpRequest) -> dict:
    return {key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"}


def _as_querydict(raw: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in raw.items():
        data.setlist(key, values if isinstance(values, list) else [values])
    return data


def _save_all(request: HttpRequest, record: Minutes, form: MinutesForm, texts: dict) -> bool:
    """Save the whole page if it validates; otherwise keep what was typed as the draft (nothing is lost)."""
    if form.is_valid():
        try:
            services.minutes_save(user=request.user, minutes=record, fields=form.cleaned_data, items=texts)
            return True
        except ValidationError as exc:
            add_service_error(form, exc)
    with contextlib.suppress(ValidationError):  # locked or not held: nothing may be kept
        services.minutes_autosave_raw(user=request.user, minutes=record, raw=_raw(request))
    return False


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes page: one form for the header and every item's record and มติ, autosaved while typing."""
    record = access.get_minutes_for_user(request.user, pk, write=request.method == "POST")
    meeting = record.meeting
    sections = selectors.agenda_tree(meeting)
    data = request.POST if request.method == "POST" else None
    if data is None and record.draft_data and not record.is_locked:
        data = _as_querydict(record.draft_data)
    form = MinutesForm(data, instance=record)
    texts = _typed(_all_items(sections), data)
    if request.method == "POST":
        if _save_all(request, record, form, texts):
            messages.success(request, "บันทึกรายงานการประชุมทุกเรื่องแล้ว")
            return redirect("committee:minutes", pk=pk)
        messages.warning(request, "เก็บข้อความที่พิมพ์ไว้ทั้งหมดแล้ว แต่ยังมีช่องที่ต้องแก้ไข")
    return render(request, "committee/minutes.html", {
        "meeting": meeting, "minutes": record, "form": form, "sections": sections,
        **access.meeting_actions(request.user, meeting), "saved_at": record.draft_saved_at,
        "approve_form": ApproveForm(meeting=meeting), "correction_form": CorrectionForm(meeting=meeting),
        "resolution_form": ResolutionForm(), "doc_params": {"meeting": meeting.pk}, **attendance_groups(meeting),
    })  # fmt: skip


@login_required
@require_POST
def minutes_autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx (and the page leaving): save what was typed; a complete page is applied, else kept as the draft."""
    record = access.get_minutes_for_user(request.user, pk, write=True)
    items = list(record.meeting.items.all())
    complete = _save_all(request, record, MinutesForm(request.POST, instance=record), _typed(items, request.POST))
    return render(request, "committee/_autosave_status.html", {"saved_at": timezone.now(), "complete": complete})


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


def _attendance_rows(meeting: Meeting, data: QueryDict | None) -> list[dict]:
    records = {r.member_id: r for r in meeting.attendance.filter(member__isnull=False)}
    rows = []
    for member in selectors.members_serving_on(meeting.date, meeting.body):
        current = records.get(member.pk)
        initial = {"member": member.pk, "kind": current.kind if current else "present"}
        if current:
            initial.update(name=current.name, job_title=current.job_title, reason=current.reason)
        form = AttendanceForm(data, initial=initial, prefix=f"m{member.pk}")
        rows.append({"member": member, "record": current, "form": form, "posted": data is not None
                     and f"m{member.pk}-kind" in data})  # fmt: skip
    return rows


def _attendance_page(request: HttpRequest, meeting: Meeting, data: QueryDict | None = None) -> HttpResponse:
    """The attendance page: every member's row (as posted in `data`, if any) and the guests."""
    return render(request, "committee/attendance.html", {
        "meeting": meeting, "rows": _attendance_rows(meeting, data), "guest_form": GuestForm(),
        "guests": meeting.attendance.filter(kind="guest"),
    })  # fmt: skip


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Every member on one page, one save: present unless marked absent (with a reason) or substituted."""
    return _attendance_page(request, access.get_meeting_for_user(request.user, pk, write=True))


@login_required
@require_POST
def attendance_set(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the attendance of every member posted, in one go; nothing is saved if one row is wrong."""
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    if request.POST.get("everyone"):
        data = [{"member": m, "kind": "present"} for m in selectors.members_serving_on(meeting.date, meeting.body)]
        run_action(request, lambda: services.attendance_save_all(user=request.user, meeting=meeting, rows=data),
                   f"บันทึกว่ากรรมการมาประชุมทุกคน ({len(data)} คน) แล้ว")  # fmt: skip
        return redirect("committee:attendance", pk=pk)
    rows = [r for r in _attendance_rows(meeting, request.POST) if r["posted"]]
    invalid = [r for r in rows if not r["form"].is_valid()]
    if invalid or not rows:
        messages.error(request, "ข้อมูลการเข้าประชุมไม่ครบ" + "".join(f" {r['member'].full_name}" for r in invalid))
        return _attendance_page(request, meeting, request.POST)
    fields = ("kind", "name", "job_title", "reason")
    data = [{"member": r["member"], **{k: r["form"].cleaned_data[k] for k in fields}} for r in rows]
    if run_action(request, lambda: services.attendance_save_all(user=request.user, meeting=meeting, rows=data),
                  f"บันทึกการเข้าประชุมของกรรมการ {len(data)} คนแล้ว"):  # fmt: skip
        return redirect("committee:attendance", pk=pk)
    return _attendance_page(request, meeting, request.POST)


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
