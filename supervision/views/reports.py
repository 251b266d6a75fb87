"""The project result report (typed parts) and the choice of a supervision summary to print."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.models import display_name
from core.web import save_form

from .. import access, selectors
from ..forms.reports import ProjectReportForm, SummaryChoiceForm
from ..models import ProjectReport
from ..reports.result import project_result_data
from ..services.reports import project_report_save


@login_required
def project_report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.get_project_for_user(request.user, pk, write=True)
    report = ProjectReport.objects.filter(project=project).first()
    form = ProjectReportForm(request.POST or None, project=project, report=report)

    def action(data: dict) -> object:
        return project_report_save(
            user=request.user, project=project, summary=data["summary"], problems=data["problems"],
            suggestions=data["suggestions"], activity_notes=form.activity_notes(),
        )  # fmt: skip

    if save_form(request, form, action, success="บันทึกรายงานผลการดำเนินโครงการแล้ว"):
        return redirect("supervision:project_report_edit", pk=project.pk)
    return render(request, "supervision/project_report_form.html", {
        "project": project, "form": form, "data": project_result_data(project), "pdf_params": {"project": project.pk},
    })  # fmt: skip


def _summary_people(user: object) -> list[tuple[int, str]]:
    """The director and the administrator choose any supervisor; a supervisor prints their own."""
    if access.can_print_any_summary(user):
        return [(p.pk, display_name(p)) for p in selectors.supervision_team()]
    return [(user.pk, display_name(user))]


@login_required
def summary_choice(request: HttpRequest) -> HttpResponse:
    """สรุปผลการนิเทศ: choose the supervisor and the fiscal year, then print (a background PDF)."""
    access.require_summary_chooser(request.user)
    current = selectors.current_fiscal_year()
    years = sorted({current, *selectors.plans_visible_to(request.user).values_list("fiscal_year", flat=True)})
    form = SummaryChoiceForm(
        initial={"user": request.user.pk, "fiscal_year": current}, people=_summary_people(request.user),
        years=list(reversed(years)),
    )  # fmt: skip
    return render(request, "supervision/summary_choice.html", {"form": form})
