"""Visit pages: list, start, the phone form with autosave, record, workflow steps and evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core import pagecache, thaidate
from core.web import run_action, save_form, submit_form

from .. import access, selectors, services
from ..forms import EvidenceForm, FollowUpFormSet, ReturnForm, ScoreForm, TeacherFormSet, VisitForm, VisitStartForm
from ..models import Tool, Visit, VisitStatus
from ..models.types import visit_type_choices
from ..selectors.review import next_pending
from .review import to_next_pending


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else ""


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    qs, year = selectors.visits_filtered(request.user, request.GET, default_year=selectors.current_fiscal_year())
    can_review = access.can_review_visits(request.user)

    def rows() -> dict:
        return {
            "page": Paginator(qs.order_by("-date", "-id"), 30).get_page(request.GET.get("page")),
            "can_review": can_review,
        }

    rows_html = pagecache.cached_render(request, "visits", "supervision/_visit_rows.html", rows)
    return render(request, "supervision/visit_list.html", {
        "rows_html": rows_html, "year": year, "statuses": VisitStatus.choices,
        "types": visit_type_choices(), "can_create": access.can_create_visits(request.user), "can_review": can_review,
    })  # fmt: skip


@login_required
def visit_start(request: HttpRequest) -> HttpResponse:
    access.require_visitor(request.user)
    initial = {"date": _planned_date(request.GET.get("date")), "school": request.GET.get("school")}
    form = VisitStartForm(request.POST or None, initial=initial, user=request.user)
    action = lambda data: services.visit_create(user=request.user, **data)  # noqa: E731
    if visit := save_form(request, form, action, success="เริ่มบันทึกการนิเทศแล้ว กรอกรายละเอียดต่อได้เลย"):
        return redirect("supervision:visit_edit", pk=visit.pk)
    return render(request, "supervision/visit_start.html", {"form": form})


def _planned_date(value: str | None) -> dt.date:
    """The day chosen on the calendar (?date=YYYY-MM-DD), else today."""
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return thaidate.today()


def _as_querydict(data: dict) -> QueryDict:
    qd = QueryDict(mutable=True)
    for key, values in data.items():
        qd.setlist(key, values if isinstance(values, list) else [values])
    return qd


def _initial_forms(visit: Visit, user: object = None) -> dict:
    teachers = [{"name": t.name, "learning_area": t.learning_area_id, "grade": t.grade} for t in visit.teachers.all()]
    follow = [{"text": f.text, "due_date": f.due_date} for f in visit.follow_ups.filter(done_at__isnull=True)]
    scores = {}
    for s in visit.scores.all():
        scores[f"score_{s.item_id}"] = "" if s.value is None else str(s.value)
        scores[f"comment_{s.item_id}"] = s.comment
    return {
        "form": VisitForm(instance=visit, fiscal_year=visit.fiscal_year, user=user),
        "teachers": TeacherFormSet(prefix="t", initial=teachers),
        "follow_ups": FollowUpFormSet(prefix="f", initial=follow),
        "scores": ScoreForm(tool=visit.tool, initial=scores),
    }


def _bound_forms(visit: Visit, data: QueryDict, user: object = None) -> dict:
    tool_id = data.get("tool")
    tool = Tool.objects.filter(pk=tool_id).first() if tool_id and str(tool_id).isdigit() else None
    return {
        "form": VisitForm(data, instance=visit, fiscal_year=visit.fiscal_year, user=user),
        "teachers": TeacherFormSet(data, prefix="t"),
        "follow_ups": FollowUpFormSet(data, prefix="f"),
        "scores": ScoreForm(data, tool=tool),
    }


def _save_if_valid(request: HttpRequest, visit: Visit, forms: dict) -> bool:
    if not all(f.is_valid() for f in forms.values()):
        return False
    data = forms["form"].cleaned_data
    fields = {k: v for k, v in data.items() if k != "team"}
    teachers = [f.cleaned_data for f in forms["teachers"] if f.cleaned_data.get("name")]
    follow = [f.cleaned_data for f in forms["follow_ups"] if f.cleaned_data.get("text")]
    services.visit_save(
        user=request.user,
        visit=visit,
        fields=fields,
        team=list(data["team"]),
        teachers=teachers,
        scores=forms["scores"].scores(),
        follow_ups=follow,
    )
    return True


def _raw(request: HttpRequest) -> dict:
    return {key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"}


@login_required
def visit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    visit = access.get_visit_for_user(request.user, pk, write=True)
    if request.method == "POST":
        forms = _bound_forms(visit, request.POST, request.user)
        if _save_if_valid(request, visit, forms):
            messages.success(request, "บันทึกแล้ว")
            return redirect("supervision:visit_detail", pk=visit.pk)
        services.visit_autosave_raw(user=request.user, visit=visit, raw=_raw(request))
        messages.warning(request, "เก็บข้อมูลที่กรอกไว้แล้ว แต่ยังมีช่องที่ต้องแก้ไข")
    elif visit.draft_data:
        forms = _bound_forms(visit, _as_querydict(visit.draft_data), request.user)
    else:
        forms = _initial_forms(visit, request.user)
    context = {
        "visit": visit,
        **forms,
        "evidence_form": EvidenceForm(),
        "saved_at": visit.draft_saved_at or visit.updated_at,
    }
    return render(request, "supervision/visit_form.html", context)


@login_required
@require_POST
def visit_autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: save what was typed; a complete form is applied, an incomplete one kept as raw draft."""
    visit = access.get_visit_for_user(request.user, pk, write=True)
    forms = _bound_forms(visit, request.POST)
    complete = _save_if_valid(request, visit, forms)
    if not complete:
        services.visit_autosave_raw(user=request.user, visit=visit, raw=_raw(request))
    return render(request, "supervision/_autosave_status.html", {"saved_at": timezone.now(), "complete": complete})


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = access.get_visit_for_user(request.user, pk)
    actions = access.visit_actions(request.user, visit)
    survey_url = selectors.survey_url_for(request, visit, request.user)
    return render(request, "supervision/visit_detail.html", {
        "visit": visit, "actions": actions, "return_form": ReturnForm(), "evidence_form": EvidenceForm(),
        "score_sections": selectors.visit_score_sections(visit),
        "survey_url": survey_url, "survey_qr": selectors.qr_svg(survey_url) if survey_url else "",
        "pdf_params": {"visit": visit.pk},
        "next_pending": next_pending(request.user, after=visit) if "approve" in actions else None,
    })  # fmt: skip


def _step(request: HttpRequest, pk: int, run: Callable[[Visit], object], done: str) -> HttpResponse:
    """A workflow button on the visit page; the service checks who may take the step."""
    visit = access.get_visit_for_user(request.user, pk)
    run_action(request, lambda: run(visit), done)
    return redirect("supervision:visit_detail", pk=pk)


@login_required
@require_POST
def visit_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, lambda v: services.visit_submit(user=request.user, visit=v), "ส่งบันทึกการนิเทศให้ผู้อำนวยการกลุ่มพิจารณาแล้ว"
    )


def _decide(request: HttpRequest, pk: int, run: Callable[[Visit], object], done: str) -> HttpResponse:
    """Approve or return, then open the next visit waiting for a decision (views/review.py)."""
    visit = access.get_visit_for_user(request.user, pk)
    return to_next_pending(request, visit, run_action(request, lambda: run(visit), done))


@login_required
@require_POST
def visit_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda v: services.visit_approve(user=request.user, visit=v, comment=request.POST.get("comment", "")),
        "อนุมัติแล้ว สถานศึกษาจะเห็นบันทึกนี้และรับทราบได้",
    )


@login_required
@require_POST
def visit_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda v: services.visit_return(user=request.user, visit=v, comment=request.POST.get("comment", "")),
        "ส่งกลับให้ผู้นิเทศแก้ไขแล้ว",
    )


@login_required
@require_POST
def visit_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        lambda v: services.visit_acknowledge(user=request.user, visit=v, note=request.POST.get("note", "")),
        "รับทราบผลการนิเทศแล้ว ขอบคุณค่ะ",
    )


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    visit = access.get_visit_for_user(request.user, pk, write=True)
    form = EvidenceForm(request.POST, request.FILES)
    submit_form(
        request,
        form,
        "แนบหลักฐานแล้ว",
        lambda data: services.evidence_add_many(
            user=request.user, visit=visit, files=data["file"], captions=form.captions()
        ),
    )
    return redirect(_safe_next(request) or reverse("supervision:visit_edit", args=[pk]))


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = access.get_evidence_for_user(request.user, pk, write=True)
    run_action(request, lambda: services.evidence_delete(user=request.user, evidence=evidence), "ลบหลักฐานแล้ว")
    return redirect("supervision:visit_edit", pk=evidence.visit_id)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = access.get_evidence_for_user(request.user, pk)
    return FileResponse(
        evidence.file.open("rb"),
        filename=evidence.original_name,
        content_type=evidence.content_type,
        as_attachment=not evidence.is_image,
    )


@login_required
@require_POST
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.get_follow_up_for_user(request.user, pk, write=True)
    run_action(
        request,
        lambda: services.follow_up_mark_done(user=request.user, action=action, note=request.POST.get("note", "")),
        "บันทึกผลการติดตามแล้ว",
    )
    return redirect(_safe_next(request) or reverse("supervision:visit_detail", args=[action.visit_id]))
