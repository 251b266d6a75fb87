from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.roles import has_role
from core.web import run_action
from schools.access import get_school_for_user
from schools.selectors import school_id_of
from supervision.services import can_create_visits

from .. import selectors, services
from ..forms import ReviewForm, SarFilterForm, SarForm, SarStartForm, SarYearForm
from ..models import SarStatus, SarYear
from .common import year_choices, year_from


def _require_reader(user) -> None:  # noqa: ANN001
    if not has_role(user, *selectors.READERS):
        raise PermissionDenied("หน้านี้สำหรับบุคลากรของสำนักงาน")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    school_id = school_id_of(request.user)
    if school_id and not has_role(request.user, *selectors.READERS):
        return redirect("qa:school_qa", pk=school_id)
    _require_reader(request.user)
    year = year_from(request)
    counts = (
        selectors.sars_visible_to(request.user)
        .filter(academic_year=year)
        .aggregate(
            draft=Count("pk", filter=Q(status=SarStatus.DRAFT)),
            submitted=Count("pk", filter=Q(status=SarStatus.SUBMITTED)),
            reviewed=Count("pk", filter=Q(status=SarStatus.REVIEWED)),
        )
    )
    context = {
        "year": year, "years": year_choices(year), "counts": counts, "sar_year": selectors.sar_year(year),
        "missing": selectors.schools_not_submitted(request.user, year).count(),
        "can_manage": selectors.can_manage(request.user),
    }  # fmt: skip
    return render(request, "qa/index.html", context)


@login_required
def standards(request: HttpRequest) -> HttpResponse:
    return render(request, "qa/standards.html", {"sets": selectors.standard_sets_with_tree()})


@login_required
def deadlines(request: HttpRequest) -> HttpResponse:
    _require_reader(request.user)
    form = SarYearForm(request.POST or None, initial={"academic_year": year_from(request)})
    if request.method == "POST":
        if not selectors.can_manage(request.user):
            raise PermissionDenied("เฉพาะศึกษานิเทศก์ ผู้อำนวยการกลุ่ม และผู้ดูแลระบบกำหนดวันส่ง SAR ได้")
        if form.is_valid():
            year = services.sar_year_set(user=request.user, **form.cleaned_data)
            messages.success(request, f"บันทึกกำหนดส่ง SAR {year} แล้ว")
            return redirect("qa:deadlines")
    context = {"form": form, "years": SarYear.objects.all(), "can_manage": selectors.can_manage(request.user)}
    return render(request, "qa/deadlines.html", context)


@login_required
def sar_list(request: HttpRequest) -> HttpResponse:
    year = year_from(request)
    flt = SarFilterForm(request.GET or None)
    qs = selectors.sars_visible_to(request.user).filter(academic_year=year)
    if flt.is_valid():
        if flt.cleaned_data["status"]:
            qs = qs.filter(status=flt.cleaned_data["status"])
        if flt.cleaned_data["q"]:
            qs = qs.filter(Q(school__name__icontains=flt.cleaned_data["q"]) | Q(school__code=flt.cleaned_data["q"]))
    page = Paginator(qs.order_by("school__cluster__name", "school__name"), 50).get_page(request.GET.get("page"))
    context = {"page": page, "filter": flt, "year": year, "years": year_choices(year),
               "can_manage": selectors.can_manage(request.user)}  # fmt: skip
    return render(request, "qa/sar_list.html", context)


@login_required
def sar_missing(request: HttpRequest) -> HttpResponse:
    _require_reader(request.user)
    year = year_from(request)
    schools = selectors.schools_not_submitted(request.user, year)
    drafts = dict(
        selectors.sars_visible_to(request.user)
        .filter(academic_year=year, status=SarStatus.DRAFT)
        .values_list("school_id", "pk")
    )
    rows = [(school, drafts.get(school.pk)) for school in schools]
    context = {"rows": rows, "year": year, "years": year_choices(year), "sar_year": selectors.sar_year(year)}
    return render(request, "qa/sar_missing.html", context)


@login_required
def sar_start(request: HttpRequest) -> HttpResponse:
    """School staff open their own school's SAR; office staff record one for any school."""
    own = school_id_of(request.user)
    initial = {"academic_year": year_from(request), "school": request.GET.get("school") or own}
    form = SarStartForm(request.POST or None, initial=initial)
    if own and not selectors.can_manage(request.user):
        form.fields["school"].queryset = form.fields["school"].queryset.filter(pk=own)
    elif not selectors.can_manage(request.user):
        raise PermissionDenied("คุณไม่มีสิทธิ์จัดทำ SAR")
    if request.method == "POST" and form.is_valid():
        try:
            sar = services.sar_start(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("qa:sar_edit", pk=sar.pk)
    return render(request, "qa/sar_start.html", {"form": form})


@login_required
def sar_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sar = selectors.get_sar_for_user(request.user, pk)
    context = {
        "sar": sar, "ratings": selectors.ratings_of(sar), "sar_year": selectors.sar_year(sar.academic_year),
        "edit_refusal": selectors.sar_edit_refusal(request.user, sar),
        "can_review": selectors.can_review(request.user) and sar.status != SarStatus.DRAFT,
        "review_form": ReviewForm(initial={"comment": sar.review_comment}),
        "history": sar.history.select_related("history_user").order_by("-history_date")[:20],
    }  # fmt: skip
    return render(request, "qa/sar_detail.html", context)


@login_required
def sar_edit(request: HttpRequest, pk: int) -> HttpResponse:
    sar = selectors.get_sar_for_user(request.user, pk, write=True)
    form = SarForm(request.POST or None, request.FILES or None, ratings=selectors.ratings_of(sar), initial={
        "strengths": sar.strengths, "to_develop": sar.to_develop, "development_plan": sar.development_plan,
    })  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.sar_update(
                user=request.user, sar=sar, levels=form.levels(), evidence=form.evidence(),
                strengths=form.cleaned_data["strengths"], to_develop=form.cleaned_data["to_develop"],
                development_plan=form.cleaned_data["development_plan"], file=form.cleaned_data["file"] or None,
            )  # fmt: skip
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            if request.POST.get("action") == "submit":
                return _submit(request, sar)
            messages.success(request, "บันทึกร่างแล้ว")
            return redirect("qa:sar_edit", pk=sar.pk)
    return render(
        request, "qa/sar_form.html", {"sar": sar, "form": form, "sar_year": selectors.sar_year(sar.academic_year)}
    )


def _submit(request: HttpRequest, sar) -> HttpResponse:  # noqa: ANN001
    if not run_action(request, lambda: services.sar_submit(user=request.user, sar=sar),
                      "ส่งรายงาน SAR ถึงสำนักงานเขตพื้นที่แล้ว"):  # fmt: skip
        return redirect("qa:sar_edit", pk=sar.pk)
    return redirect("qa:sar_detail", pk=sar.pk)


@require_POST
@login_required
def sar_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _submit(request, selectors.get_sar_for_user(request.user, pk, write=True))


@require_POST
@login_required
def sar_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_step(request, pk, services.sar_review, "บันทึกผลการตรวจแล้ว")


@require_POST
@login_required
def sar_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_step(request, pk, services.sar_return, "ส่งคืนให้สถานศึกษาแก้ไขแล้ว")


def _review_step(request: HttpRequest, pk: int, step, done: str) -> HttpResponse:  # noqa: ANN001
    sar = selectors.get_sar_for_user(request.user, pk)
    if not selectors.can_review(request.user):
        raise PermissionDenied("เฉพาะศึกษานิเทศก์ตรวจ SAR ได้")
    run_action(request, lambda: step(user=request.user, sar=sar, comment=request.POST.get("comment", "")), done)
    return redirect("qa:sar_detail", pk=sar.pk)


@login_required
def sar_file(request: HttpRequest, pk: int) -> FileResponse:
    sar = selectors.get_sar_for_user(request.user, pk)
    if not sar.file:
        raise Http404("ยังไม่มีไฟล์")
    name = f"SAR-{sar.school.code}-{sar.academic_year}.pdf"
    return FileResponse(sar.file.open("rb"), as_attachment=request.GET.get("inline") != "1", filename=name)


@login_required
def school_qa(request: HttpRequest, pk: int) -> HttpResponse:
    """One school's QA page: its SARs by year, ONESQA assessments and QA supervision visits."""
    school = get_school_for_user(request.user, pk)
    year = selectors.current_academic_year()
    context = {
        "school": school, "sars": selectors.sars_visible_to(request.user).filter(school=school),
        "externals": selectors.external_visible_to(request.user).filter(school=school),
        "visits": selectors.qa_visits_for_school(request.user, school), "year": year,
        "current_sar": selectors.sars_visible_to(request.user).filter(school=school, academic_year=year).first(),
        "can_start": school_id_of(request.user) == school.pk or selectors.can_manage(request.user),
        "deadline_passed": selectors.deadline_passed(year), "sar_year": selectors.sar_year(year),
        "can_record_visit": can_create_visits(request.user),
    }  # fmt: skip
    return render(request, "qa/school_qa.html", context)
