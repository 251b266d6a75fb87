from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action, save_form
from supervision.access import can_create_visits

from .. import access, selectors, services
from ..forms import ReviewForm, SarFilterForm, SarForm, SarStartForm, SarYearForm
from ..models import SarStatus, SarYear, SelfAssessmentReport
from .common import year_choices, year_from


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if school_id := access.own_school_id(request.user):
        return redirect("qa:school_qa", pk=school_id)
    access.require_reader(request.user)
    year = year_from(request)
    context = {
        "year": year, "years": year_choices(year), "counts": selectors.sar_status_counts(request.user, year),
        "sar_year": selectors.sar_year(year),
        "missing": selectors.schools_not_submitted(request.user, year).count(),
        "can_manage": access.can_manage(request.user),
    }  # fmt: skip
    return render(request, "qa/index.html", context)


@login_required
def standards(request: HttpRequest) -> HttpResponse:
    return render(request, "qa/standards.html", {"sets": selectors.standard_sets_with_tree()})


@login_required
def deadlines(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    if request.method == "POST":
        access.require_manager(request.user, access.NOT_A_DEADLINE_SETTER)
    form = SarYearForm(request.POST or None, initial={"academic_year": year_from(request)})
    if save_form(request, form, lambda data: services.sar_year_set(user=request.user, **data),
                 success="บันทึกกำหนดส่ง SAR {} แล้ว"):  # fmt: skip
        return redirect("qa:deadlines")
    context = {"form": form, "years": SarYear.objects.all(), "can_manage": access.can_manage(request.user)}
    return render(request, "qa/deadlines.html", context)


@login_required
def sar_list(request: HttpRequest) -> HttpResponse:
    year = year_from(request)
    flt = SarFilterForm(request.GET or None)
    search = flt.cleaned_data if flt.is_valid() else {}
    qs = selectors.sars_search(request.user, year, status=search.get("status", ""), q=search.get("q", ""))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {"page": page, "filter": flt, "year": year, "years": year_choices(year),
               "can_manage": access.can_manage(request.user)}  # fmt: skip
    return render(request, "qa/sar_list.html", context)


@login_required
def sar_missing(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
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
    access.require_sar_starter(request.user)
    own = access.own_school_id(request.user)
    initial = {"academic_year": year_from(request), "school": request.GET.get("school") or own}
    form = SarStartForm(request.POST or None, initial=initial)
    if not access.can_manage(request.user):
        form.fields["school"].queryset = form.fields["school"].queryset.filter(pk=own)
    sar = save_form(request, form, lambda data: services.sar_start(user=request.user, **data), success="เปิด {} แล้ว")
    if sar is None:
        return render(request, "qa/sar_start.html", {"form": form})
    return _to_sar(request, sar)


def _to_sar(request: HttpRequest, sar: SelfAssessmentReport) -> HttpResponse:
    """To the edit page while the user may edit the SAR, else to the SAR itself."""
    if access.sar_edit_refusal(request.user, sar):
        return redirect("qa:sar_detail", pk=sar.pk)
    return redirect("qa:sar_edit", pk=sar.pk)


@login_required
def sar_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sar = access.get_sar_for_user(request.user, pk)
    context = {
        "sar": sar, "ratings": selectors.ratings_of(sar), "sar_year": selectors.sar_year(sar.academic_year),
        "actions": access.sar_actions(request.user, sar),
        "review_form": ReviewForm(initial={"comment": sar.review_comment}),
        "history": sar.history.select_related("history_user").order_by("-history_date")[:20],
    }  # fmt: skip
    return render(request, "qa/sar_detail.html", context)


@login_required
def sar_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the draft; with action=submit, save it and send it to the office."""
    sar = access.get_sar_for_user(request.user, pk, write=True)
    form = SarForm(request.POST or None, request.FILES or None, ratings=selectors.ratings_of(sar), initial={
        "strengths": sar.strengths, "to_develop": sar.to_develop, "development_plan": sar.development_plan,
    })  # fmt: skip
    submitting = request.POST.get("action") == "submit"

    def save(data: dict) -> SelfAssessmentReport:
        saved = services.sar_update(
            user=request.user, sar=sar, levels=form.levels(), evidence=form.evidence(), strengths=data["strengths"],
            to_develop=data["to_develop"], development_plan=data["development_plan"], file=data["file"] or None,
        )  # fmt: skip
        return services.sar_submit(user=request.user, sar=saved) if submitting else saved

    done = "ส่งรายงาน SAR ถึงสำนักงานเขตพื้นที่แล้ว" if submitting else "บันทึกร่างแล้ว"
    if saved := save_form(request, form, save, success=done):
        return redirect("qa:sar_detail" if submitting else "qa:sar_edit", pk=saved.pk)
    return render(
        request, "qa/sar_form.html", {"sar": sar, "form": form, "sar_year": selectors.sar_year(sar.academic_year)}
    )


@login_required
@require_POST
def sar_submit(request: HttpRequest, pk: int) -> HttpResponse:
    sar = access.get_sar_for_user(request.user, pk, write=True)
    if not run_action(request, lambda: services.sar_submit(user=request.user, sar=sar),
                      "ส่งรายงาน SAR ถึงสำนักงานเขตพื้นที่แล้ว"):  # fmt: skip
        return redirect("qa:sar_edit", pk=sar.pk)
    return redirect("qa:sar_detail", pk=sar.pk)


@login_required
@require_POST
def sar_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_step(request, pk, services.sar_review, "บันทึกผลการตรวจแล้ว")


@login_required
@require_POST
def sar_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_step(request, pk, services.sar_return, "ส่งคืนให้สถานศึกษาแก้ไขแล้ว")


def _review_step(request: HttpRequest, pk: int, step, done: str) -> HttpResponse:  # noqa: ANN001
    sar = access.get_sar_for_user(request.user, pk)
    access.require_reviewer(request.user)
    run_action(request, lambda: step(user=request.user, sar=sar, comment=request.POST.get("comment", "")), done)
    return redirect("qa:sar_detail", pk=sar.pk)


@login_required
def sar_file(request: HttpRequest, pk: int) -> FileResponse:
    sar = access.get_sar_for_user(request.user, pk)
    if not sar.file:
        raise Http404("ยังไม่มีไฟล์")
    name = sar.original_name or f"SAR-{sar.school.code}-{sar.academic_year}.pdf"
    return FileResponse(sar.file.open("rb"), as_attachment=request.GET.get("inline") != "1", filename=name)


@login_required
def school_qa(request: HttpRequest, pk: int) -> HttpResponse:
    """One school's QA page: its SARs by year, ONESQA assessments and QA supervision visits."""
    school = access.get_school_for_user(request.user, pk)
    year = selectors.current_academic_year()
    sars = selectors.sars_visible_to(request.user).filter(school=school)
    context = {
        "school": school, "sars": sars, "year": year,
        "externals": selectors.external_visible_to(request.user).filter(school=school),
        "visits": selectors.qa_visits_for_school(request.user, school),
        "current_sar": sars.filter(academic_year=year).first(),
        "can_start": access.can_start_sar(request.user, school),
        "deadline_passed": selectors.deadline_passed(year), "sar_year": selectors.sar_year(year),
        "can_record_visit": can_create_visits(request.user),
    }  # fmt: skip
    return render(request, "qa/school_qa.html", context)
