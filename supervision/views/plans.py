"""Annual plan pages: the plan at a glance, projects in the seed 002 layout, PDCA moves, copy."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import ActivityFormSet, IndicatorFormSet, PhaseMoveForm, PlanForm, ProjectForm, SchoolGroupForm
from ..models import Activity, AnnualPlan, Phase, PhaseNote, Project, SchoolGroup
from ..models.plans import next_phase


@login_required
def plan_current(request: HttpRequest) -> HttpResponse:
    if not selectors.can_read_plans(request.user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ดูแผนนิเทศ")
    year = selectors.current_fiscal_year()
    if services.can_edit_plans(request.user):
        services.plan_get_or_create(fiscal_year=year, user=request.user)
    elif not AnnualPlan.objects.filter(fiscal_year=year).exists():
        latest = AnnualPlan.objects.order_by("-fiscal_year").first()
        if latest is None:
            raise Http404("ยังไม่มีแผนนิเทศ")
        year = latest.fiscal_year
    return redirect("supervision:plan_detail", year=year)


@login_required
def plan_detail(request: HttpRequest, year: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, year)
    return render(request, "supervision/plan_detail.html", {
        "plan": plan, "rows": selectors.plan_overview(plan), "phases": Phase.choices,
        "priorities": plan.priorities.select_related("school"), "groups": plan.school_groups.prefetch_related("schools"),
        "can_edit": services.can_edit_plans(request.user),
        "years": list(AnnualPlan.objects.values_list("fiscal_year", flat=True)),
        "next_exists": AnnualPlan.objects.filter(fiscal_year=year + 1).exists(),
    })  # fmt: skip


@login_required
def plan_edit(request: HttpRequest, year: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, year, write=True)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "บันทึกแผนนิเทศแล้ว")
        return redirect("supervision:plan_detail", year=year)
    return render(request, "supervision/plan_form.html", {"form": form, "plan": plan})


@login_required
@require_POST
def plan_copy(request: HttpRequest, year: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, year, write=True)
    try:
        new_plan = services.plan_copy_to_next_year(plan=plan, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("supervision:plan_detail", year=year)
    messages.success(request, f"คัดลอกแผนไปปีงบประมาณ {new_plan.fiscal_year} แล้ว ทุกโครงการเริ่มที่ระยะวางแผน")
    return redirect("supervision:plan_detail", year=new_plan.fiscal_year)


@login_required
def school_group_edit(request: HttpRequest, year: int | None = None, pk: int | None = None) -> HttpResponse:
    if pk:
        group = get_object_or_404(SchoolGroup.objects.select_related("plan"), pk=pk)
        plan = selectors.get_plan_for_user(request.user, group.plan.fiscal_year, write=True)
    else:
        plan = selectors.get_plan_for_user(request.user, year, write=True)
        group = SchoolGroup(plan=plan)
    form = SchoolGroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        services.school_group_save(user=request.user, form=form)
        messages.success(request, "บันทึกกลุ่มสถานศึกษาเป้าหมายแล้ว")
        return redirect("supervision:plan_detail", year=plan.fiscal_year)
    return render(request, "supervision/school_group_form.html", {"form": form, "plan": plan})


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.get_project_for_user(request.user, pk)
    activities = project.activities.prefetch_related("responsible_users__profile", "phase_notes__created_by__profile")
    return render(request, "supervision/project_detail.html", {
        "project": project, "activities": activities, "budget": selectors.project_budget(project),
        "notes": project.phase_notes.filter(activity=None).select_related("created_by__profile"),
        "can_edit": services.can_edit_plans(request.user), "move_form": PhaseMoveForm(),
        "next_phase": Phase(next_phase(project.phase)), "phases": Phase.choices, "pdf_params": {"project": project.pk},
    })  # fmt: skip


@login_required
def project_edit(request: HttpRequest, pk: int | None = None, year: int | None = None) -> HttpResponse:
    if pk:
        project = selectors.get_project_for_user(request.user, pk, write=True)
        plan = project.plan
    else:
        plan = selectors.get_plan_for_user(request.user, year, write=True)
        project = Project(plan=plan, order=plan.projects.count() + 1)
    data = request.POST or None
    form = ProjectForm(data, instance=project)
    activities = ActivityFormSet(data, instance=project, prefix="a")
    indicators = IndicatorFormSet(data, instance=project, prefix="i")
    if request.method == "POST" and form.is_valid() and activities.is_valid() and indicators.is_valid():
        saved = services.project_save(user=request.user, form=form, activities=activities, indicators=indicators)
        messages.success(request, f"บันทึกโครงการ “{saved.name}” แล้ว")
        return redirect("supervision:project_detail", pk=saved.pk)
    return render(request, "supervision/project_form.html", {
        "form": form, "activities": activities, "indicators": indicators, "plan": plan, "project": project,
    })  # fmt: skip


def _move(request: HttpRequest, run, project_pk: int) -> HttpResponse:  # noqa: ANN001
    form = PhaseMoveForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "กรุณาบันทึกสิ่งที่ทำ/ผลที่ได้ก่อนเปลี่ยนระยะ")
        return redirect("supervision:project_detail", pk=project_pk)
    try:
        run(form.cleaned_data)
        messages.success(request, "บันทึกแล้ว")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("supervision:project_detail", pk=project_pk)


@login_required
@require_POST
def project_phase(request: HttpRequest, pk: int) -> HttpResponse:
    """Move the project to the next phase, or (without `to`) add a note at the current phase."""
    project = selectors.get_project_for_user(request.user, pk, write=True)

    def run(data: dict) -> None:
        if data.get("to"):
            services.project_move_phase(
                user=request.user, project=project, to=data["to"], note=data["note"], evidence=data.get("evidence")
            )
        else:
            services.phase_note_add(
                user=request.user, project=project, note=data["note"], evidence=data.get("evidence")
            )

    return _move(request, run, project.pk)


@login_required
@require_POST
def activity_phase(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    selectors.get_project_for_user(request.user, activity.project_id, write=True)

    def run(data: dict) -> None:
        if data.get("to"):
            services.activity_move_phase(
                user=request.user, activity=activity, to=data["to"], note=data["note"], evidence=data.get("evidence")
            )
        else:
            services.phase_note_add(
                user=request.user,
                project=activity.project,
                activity=activity,
                note=data["note"],
                evidence=data.get("evidence"),
            )

    return _move(request, run, activity.project_id)


@login_required
def phase_note_evidence(request: HttpRequest, pk: int) -> FileResponse:
    note = get_object_or_404(PhaseNote, pk=pk)
    selectors.get_project_for_user(request.user, note.project_id)
    if not note.evidence:
        raise Http404("ไม่มีไฟล์หลักฐาน")
    return FileResponse(note.evidence.open("rb"), filename=note.evidence_name or "evidence", as_attachment=True)
