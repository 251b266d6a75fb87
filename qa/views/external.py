from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.web import save_form

from .. import access, selectors, services
from ..models import ExternalAssessment, Standard


def _standards_for(assessment: ExternalAssessment | None) -> list[Standard]:
    """Top-level standards in force now, plus any an older assessment was recorded against."""
    year = selectors.current_academic_year()
    sets = [s for level in ("basic", "early") if (s := selectors.standard_set_for(level, year))]
    ids = set(Standard.objects.filter(standard_set__in=sets, parent=None, is_rated=True).values_list("pk", flat=True))
    if assessment:
        ids |= set(assessment.results.values_list("standard_id", flat=True))
    return list(
        Standard.objects.filter(pk__in=ids)
        .select_related("standard_set")
        .order_by("standard_set__education_level", "standard_set_id", "order")
    )


@login_required
def external_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.external_visible_to(request.user).select_related("school__cluster")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "qa/external_list.html", {"page": page, "can_manage": access.can_manage(request.user)})


@login_required
def external_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_external_for_user(request.user, pk)
    results = assessment.results.select_related("standard", "standard__standard_set")
    context = {"assessment": assessment, "results": results, "can_manage": access.can_manage(request.user)}
    return render(request, "qa/external_detail.html", context)


@login_required
def external_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        access.require_manager(request.user, access.NOT_AN_EXTERNAL_EDITOR)
        assessment = None
    else:
        assessment = access.get_external_for_user(request.user, pk, write=True)
    form = _external_form(request, assessment)

    def save(data: dict) -> ExternalAssessment:
        fields = {k: v for k, v in data.items() if not k.startswith("level_")}
        fields["file"] = fields["file"] or None
        return services.external_save(user=request.user, levels=form.levels(), assessment=assessment, **fields)

    if saved := save_form(request, form, save, success="บันทึกผลการประเมินภายนอกของ {0.school} แล้ว"):
        return redirect("qa:external_detail", pk=saved.pk)
    return render(request, "qa/external_form.html", {"form": form, "assessment": assessment})


def _external_form(request: HttpRequest, assessment: ExternalAssessment | None):  # noqa: ANN202
    from ..forms import ExternalForm

    initial = {"school": request.GET.get("school")}
    if assessment:
        initial = {f: getattr(assessment, f) for f in
                   ("school", "round_name", "assessment_year", "assessed_on", "overall_result", "summary")}  # fmt: skip
        initial.update({f"level_{r.standard_id}": r.level for r in assessment.results.all()})
    return ExternalForm(
        request.POST or None, request.FILES or None, initial=initial, standards=_standards_for(assessment)
    )


@login_required
def external_file(request: HttpRequest, pk: int) -> FileResponse:
    assessment = access.get_external_for_user(request.user, pk)
    if not assessment.file:
        raise Http404("ยังไม่มีไฟล์")
    name = assessment.original_name or f"ONESQA-{assessment.school.code}-{assessment.assessment_year}.pdf"
    return FileResponse(assessment.file.open("rb"), as_attachment=True, filename=name)
