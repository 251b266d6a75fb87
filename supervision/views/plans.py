"""Annual plan pages: the plan at a glance, projects in the seed 002 layout, PDCA moves, copy."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import panels
from core.web import run_action, save_form, submit_form

from .. import access, selectors, services
from ..forms import ActivityFormSet, IndicatorFormSet, PhaseMoveForm, PlanForm, ProjectForm, SchoolGroupForm
from ..models import Phase, Project, SchoolGroup
from ..models.plans import next_phase


@login_required
def plan_current(request: HttpRequest) -> HttpResponse:
    access.require_plan_reader(request.user)
    year = selectors.current_fiscal_year()
    if access.can_edit_plans(request.user):
        services.plan_get_or_create(fiscal_year=year, user=request.user)
    else:
        plans = selectors.plans_visible_to(request.user)
        if not plans.filter(fiscal_year=year).exists():
            latest = plans.order_by("-fiscal_year").first()
            if latest is None:
                raise Http404("ยังไม่มีแผนนิเทศ")
            year = latest.fiscal_year
    return redirect("supervision:plan_detail", year=year)


@login_required
def plan_detail(request: HttpRequest, year: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, year)
    years = selectors.plans_visible_to(request.user).values_list("fiscal_year", flat=True)
    return render(request, "supervision/plan_detail.html", {
        "plan": plan, "rows": selectors.plan_overview(plan), "phases": Phase.choices,
        "priorities": plan.priorities.select_related("school"), "groups": plan.school_groups.prefetch_related("schools"),
        "can_edit": access.can_edit_plans(request.user), "years": list(years),
        "next_exists": years.filter(fiscal_year=year + 1).exists(),
        # what the committee knows of the plan (its approval, its distribution), through the panel slot
        "panels": panels.panels_for(request, "plan_detail", plan=plan), "plan_doc_params": {"plan": plan.pk},
    })  # fmt: skip


@login_required
def plan_edit(request: HttpRequest, year: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, year, write=True)
    form = PlanForm(request.POST or None, instance=plan)
    action = lambda data: services.plan_update(user=request.user, plan=plan, data=data)  # noqa: E731
    if save_form(request, form, action, success="บันทึกแผนนิเทศแล้ว"):
        return redirect("supervision:plan_detail", year=year)
    return render(request, "supervision/plan_form.html", {"form": form, "plan": plan})


@login_required
@require_POST
def plan_copy(request: HttpRequest, year: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, year, write=True)
    done = run_action(
        request,
        lambda: services.plan_copy_to_next_year(plan=plan, user=request.user),
        f"คัดลอกแผนไปปีงบประมาณ {year + 1} แล้ว ทุกโครงการเริ่มที่ระยะวางแผน",
    )
    return redirect("supervision:plan_detail", year=year + 1 if done else year)


@login_required
def school_group_edit(request: HttpRequest, year: int | None = None, pk: int | None = None) -> HttpResponse:
    if pk:
        group = access.get_school_group_for_user(request.user, pk, write=True)
        plan = group.plan
    else:
        plan = access.get_plan_for_user(request.user, year, write=True)
        group = SchoolGroup(plan=plan)
    form = SchoolGroupForm(request.POST or None, instance=group)
    action = lambda data: services.school_group_save(user=request.user, group=group, data=data)  # noqa: E731
    if save_form(request, form, action, success="บันทึกกลุ่มสถานศึกษาเป้าหมายแล้ว"):
        return redirect("supervision:plan_detail", year=plan.fiscal_year)
    return render(request, "supervision/school_group_form.html", {"form": form, "plan": plan})


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.get_project_for_user(request.user, pk)
    activities = project.activities.prefetch_related("responsible_users__profile", "phase_notes__created_by__profile")
    execution, counts = selectors.budget_execution(project), selectors.project_visit_counts(project)
    for row in execution["rows"]:
        row["visit_count"] = counts.get(row["activity"].pk)
    return render(request, "supervision/project_detail.html", {
        "project": project, "activities": activities, "budget": selectors.project_budget(project),
        "execution": execution, "sections": project.numbered_sections(),
        "notes": project.phase_notes.filter(activity=None).select_related("created_by__profile"),
        "can_edit": access.can_edit_plans(request.user), "move_form": PhaseMoveForm(),
        "next_phase": Phase(next_phase(project.phase)), "phases": Phase.choices, "pdf_params": {"project": project.pk},
        "indicator_values": selectors.project_indicator_values(project),
    })  # fmt: skip


def _rows(formset: forms.BaseFormSet) -> list[dict]:
    """Each row of a validated formset as plain data (an untouched blank row is an empty dict)."""
    return [form.cleaned_data for form in formset.forms]


@login_required
def project_edit(request: HttpRequest, pk: int | None = None, year: int | None = None) -> HttpResponse:
    if pk:
        project = access.get_project_for_user(request.user, pk, write=True)
        plan = project.plan
    else:
        plan = access.get_plan_for_user(request.user, year, write=True)
        project = Project(plan=plan, order=plan.projects.count() + 1)
    data = request.POST or None
    form = ProjectForm(data, instance=project)
    activities = ActivityFormSet(data, instance=project, prefix="a")
    indicators = IndicatorFormSet(data, instance=project, prefix="i")
    rows_valid = request.method == "POST" and all([activities.is_valid(), indicators.is_valid()])

    def action(cleaned: dict) -> Project:
        return services.project_save(
            user=request.user, project=project, data=cleaned, activities=_rows(activities), indicators=_rows(indicators)
        )

    if rows_valid and (saved := save_form(request, form, action, success="บันทึกโครงการ “{}” แล้ว")):
        return redirect("supervision:project_detail", pk=saved.pk)
    return render(request, "supervision/project_form.html", {
        "form": form, "activities": activities, "indicators": indicators, "plan": plan, "project": project,
    })  # fmt: skip


def _record_phase(
    request: HttpRequest, project_pk: int, move: Callable[[dict], object], note: Callable[[dict], object]
) -> HttpResponse:
    """The PDCA form: with `to`, move to the next phase; without, add a note at the current phase."""
    form = PhaseMoveForm(request.POST, request.FILES)
    submit_form(request, form, "บันทึกแล้ว", lambda data: move(data) if data.get("to") else note(data))
    return redirect("supervision:project_detail", pk=project_pk)


@login_required
@require_POST
def project_phase(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.get_project_for_user(request.user, pk, write=True)
    return _record_phase(
        request,
        project.pk,
        move=lambda d: services.project_move_phase(
            user=request.user, project=project, to=d["to"], note=d["note"], evidence=d.get("evidence")
        ),
        note=lambda d: services.phase_note_add(
            user=request.user, project=project, note=d["note"], evidence=d.get("evidence")
        ),
    )


@login_required
@require_POST
def activity_phase(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_activity_for_user(request.user, pk, write=True)
    return _record_phase(
        request,
        activity.project_id,
        move=lambda d: services.activity_move_phase(
            user=request.user, activity=activity, to=d["to"], note=d["note"], evidence=d.get("evidence")
        ),
        note=lambda d: services.phase_note_add(
            user=request.user, project=activity.project, activity=activity, note=d["note"], evidence=d.get("evidence")
        ),
    )


@login_required
def phase_note_evidence(request: HttpRequest, pk: int) -> FileResponse:
    note = access.get_phase_note_for_user(request.user, pk)
    if not note.evidence:
        raise Http404("ไม่มีไฟล์หลักฐาน")
    return FileResponse(note.evidence.open("rb"), filename=note.evidence_name or "evidence", as_attachment=True)
