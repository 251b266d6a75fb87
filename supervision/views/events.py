"""Group events (กิจกรรมกลุ่ม), the office's visit and event types, and an activity's schedule and targets."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import thaidate
from core.web import run_action, save_form, submit_form
from schools.models import School

from .. import access, selectors, services
from ..forms.events import (
    ActivityScheduleForm,
    ClusterAttendanceForm,
    EventCancelForm,
    EventEvidenceForm,
    EventTypeForm,
    GroupEventForm,
    TargetFormSet,
    VisitTypeForm,
)
from ..models import EventType, GroupEvent, VisitType


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    access.require_plan_reader(request.user)
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() else selectors.current_fiscal_year()
    qs = selectors.events_visible_to(request.user).filter(fiscal_year=year)
    if (kind := request.GET.get("type", "")).isdigit():
        qs = qs.filter(event_type_id=int(kind))
    page = Paginator(qs.order_by("-date", "-id"), 30).get_page(request.GET.get("page"))
    return render(request, "supervision/event_list.html", {
        "page": page, "year": year, "types": EventType.objects.all(), "can_create": access.can_record_events(request.user),
    })  # fmt: skip


def _event_form(request: HttpRequest, event: object = None) -> HttpResponse:
    year = event.fiscal_year if event else selectors.current_fiscal_year()
    initial = {} if event else {"date": thaidate.today(), "people": [request.user.pk]}
    form = GroupEventForm(request.POST or None, instance=event, fiscal_year=year, initial=initial)

    def action(data: dict) -> object:
        fields = {k: v for k, v in data.items() if k != "people"}
        return services.event_save(user=request.user, event=event, fields=fields, people=list(data["people"]))

    if saved := save_form(request, form, action, success="บันทึกกิจกรรมกลุ่มแล้ว"):
        return redirect("supervision:event_detail", pk=saved.pk)
    return render(request, "supervision/event_form.html", {"form": form, "event": event})


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    access.require_event_recorder(request.user)
    return _event_form(request)


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_form(request, access.get_event_for_user(request.user, pk, write=True))


@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, pk)
    can_edit = access.can_edit_event(request.user, event)
    attendance = list(event.attendance.select_related("school__cluster"))
    context = {
        "event": event, "can_edit": can_edit, "attendance": attendance,
        "teachers": sum(a.teachers for a in attendance), "evidence": list(event.evidence.all()),
        "people": event.people.select_related("profile"),
    }  # fmt: skip
    if can_edit:
        listed = {a.school_id: a for a in attendance}
        schools = School.objects.filter(is_active=True).select_related("cluster").order_by("cluster__name", "name")
        context.update({
            "school_rows": [(s, listed.get(s.pk)) for s in schools], "cluster_form": ClusterAttendanceForm(),
            "cancel_form": EventCancelForm(), "evidence_form": EventEvidenceForm(),
        })  # fmt: skip
    return render(request, "supervision/event_detail.html", context)


def _attendance_rows(request: HttpRequest) -> list[tuple]:
    ids = [int(v) for v in request.POST.getlist("school") if v.isdigit()]
    schools = School.objects.in_bulk(ids)
    rows = []
    for pk, school in schools.items():
        raw = request.POST.get(f"teachers_{pk}", "").strip() or "0"
        if not raw.isdigit():
            raise ValidationError(f"จำนวนครูของ {school.name} ต้องเป็นตัวเลขจำนวนเต็ม")
        rows.append((school, min(int(raw), 32000), request.POST.get(f"note_{pk}", "")))
    return rows


@login_required
@require_POST
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, pk, write=True)
    run_action(
        request,
        lambda: services.event_set_attendance(user=request.user, event=event, rows=_attendance_rows(request)),
        "บันทึกโรงเรียนที่เข้าร่วมแล้ว",
    )
    return redirect("supervision:event_detail", pk=pk)


def _event_post(
    request: HttpRequest, pk: int, form_class: type[forms.Form], success: str, run: Callable[[GroupEvent, dict], object]
) -> HttpResponse:
    """A small form posted from the event's page: bind it, run the service on the event, back to the page."""
    event = access.get_event_for_user(request.user, pk, write=True)
    form = form_class(request.POST, request.FILES)
    submit_form(request, form, success, lambda data: run(event, data))
    return redirect("supervision:event_detail", pk=pk)


@login_required
@require_POST
def event_add_cluster(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_post(
        request, pk, ClusterAttendanceForm, "เพิ่มทุกโรงเรียนในกลุ่มแล้ว",
        lambda event, data: services.event_add_cluster(user=request.user, event=event, cluster=data["cluster"]),
    )  # fmt: skip


@login_required
@require_POST
def event_hold(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, pk, write=True)
    run_action(request, lambda: services.event_hold(user=request.user, event=event), "บันทึกว่าจัดกิจกรรมแล้ว")
    return redirect("supervision:event_detail", pk=pk)


@login_required
@require_POST
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_post(
        request, pk, EventCancelForm, "ยกเลิกกิจกรรมแล้ว",
        lambda event, data: services.event_cancel(user=request.user, event=event, reason=data["reason"]),
    )  # fmt: skip


@login_required
@require_POST
def event_evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_post(
        request, pk, EventEvidenceForm, "แนบหลักฐานแล้ว",
        lambda event, data: services.event_evidence_add(
            user=request.user, event=event, upload=data["file"], caption=data["caption"]
        ),
    )  # fmt: skip


@login_required
def event_evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = access.get_event_evidence_for_user(request.user, pk)
    return FileResponse(
        evidence.file.open("rb"), filename=evidence.original_name, content_type=evidence.content_type,
        as_attachment=not evidence.is_image,
    )  # fmt: skip


def _type_forms(request: HttpRequest) -> tuple[object, object]:
    """The posted add/edit form (prefix "visit" or "event"), bound; the other unbound."""
    kind = request.POST.get("kind") if request.method == "POST" else None
    pk = request.POST.get("pk", "")
    visit_obj = get_object_or_404(VisitType, pk=pk) if kind == "visit" and pk.isdigit() else None
    event_obj = get_object_or_404(EventType, pk=pk) if kind == "event" and pk.isdigit() else None
    visit = VisitTypeForm(request.POST if kind == "visit" else None, instance=visit_obj, prefix="visit")
    event = EventTypeForm(request.POST if kind == "event" else None, instance=event_obj, prefix="event")
    if visit_obj:
        visit.fields["code"].disabled = True
    if event_obj:
        event.fields["code"].disabled = True
    return visit, event


@login_required
def visit_types(request: HttpRequest) -> HttpResponse:
    """The office's visit types and event types: read by plan readers, edited by the director and the admin."""
    access.require_type_reader(request.user)
    if request.method == "POST":
        access.require_type_editor(request.user)
    visit_form, event_form = _type_forms(request)
    if request.method == "POST":
        posted, service, key = (
            (visit_form, services.visit_type_save, "visit_type") if request.POST.get("kind") == "visit"
            else (event_form, services.event_type_save, "event_type")
        )  # fmt: skip
        instance = posted.instance if posted.instance.pk else None
        if save_form(request, posted, lambda d: service(user=request.user, fields=d, **{key: instance}),
                     success="บันทึกประเภท {} แล้ว"):  # fmt: skip
            return redirect("supervision:visit_types")
    return render(request, "supervision/visit_types.html", {
        "visit_types": VisitType.objects.all(), "event_types": EventType.objects.all(),
        "visit_form": visit_form, "event_form": event_form, "can_edit": access.can_edit_types(request.user),
    })  # fmt: skip


@login_required
def activity_targets(request: HttpRequest, pk: int) -> HttpResponse:
    """An activity's schedule, target schools and targets per visit type or event type."""
    activity = access.get_activity_for_user(request.user, pk, write=True)
    initial = [{"kind": f"v:{t.visit_type.code}" if t.visit_type_id else f"e:{t.event_type_id}",
                "per_school": t.per_school} for t in activity.targets.select_related("visit_type")]  # fmt: skip
    form = ActivityScheduleForm(request.POST or None, instance=activity)
    targets = TargetFormSet(request.POST or None, initial=initial, prefix="t")
    if request.method == "POST" and targets.is_valid():
        rows = [t for f in targets.forms if (t := f.target())]
        action = lambda d: services.activity_targets_save(user=request.user, activity=activity, fields=d, targets=rows)  # noqa: E731
        if save_form(request, form, action, success="บันทึกเป้าหมายของกิจกรรมแล้ว"):
            return redirect("supervision:activity_detail", pk=activity.pk)
    return render(request, "supervision/activity_targets.html", {
        "activity": activity, "project": activity.project, "form": form, "targets": targets,
    })  # fmt: skip


__all__ = [
    "activity_targets", "event_add_cluster", "event_attendance", "event_cancel", "event_create",
    "event_detail", "event_edit", "event_evidence_download", "event_evidence_upload", "event_hold", "event_list",
    "visit_types",
]  # fmt: skip
