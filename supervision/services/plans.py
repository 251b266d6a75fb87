"""Writes of annual plans, projects and their PDCA phases."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction

from core import uploads
from core.roles import UserLike

from .. import access
from ..models import Activity, AnnualPlan, Indicator, Phase, PhaseNote, PlanPriority, Project, SchoolGroup
from ..models.plans import next_phase

__all__ = [
    "activity_move_phase", "phase_note_add", "plan_add_priorities", "plan_copy_to_next_year", "plan_get_or_create",
    "plan_update", "project_move_phase", "project_save", "school_group_save",
]  # fmt: skip

PLAN_FIELDS = ("title", "vision", "mission", "goals", "strategies", "visits_per_school_target",
               "satisfaction_target_percent")  # fmt: skip
PROJECT_FIELDS = ("order", "name", "policies", "strategy", "responsible_unit", "rationale", "objectives",
                  "quantitative_targets", "qualitative_targets", "budget_source", "pooled_budget", "budget_note",
                  "expected_outcomes", "proposer_name", "proposer_position", "endorser_name", "endorser_position",
                  "approver_name", "approver_position")  # fmt: skip
ACTIVITY_FIELDS = ("order", "name", "period", "target_group", "responsible", "amount", "compensation", "operating",
                   "materials", "budget_source", "visits_per_school_target")  # fmt: skip
INDICATOR_FIELDS = ("order", "name", "method", "tool", "target", "result", "measure", "measure_activity", "result_note")
SCHOOL_GROUP_FIELDS = ("name", "color", "visits_per_school_target")


def _assign(instance: models.Model, data: dict, fields: tuple[str, ...]) -> None:
    """Set the named fields that `data` has, then validate the row as the database will hold it."""
    for name in fields:
        if name in data:
            setattr(instance, name, data[name])
    instance.full_clean()


@transaction.atomic
def plan_get_or_create(*, fiscal_year: int, user: UserLike) -> AnnualPlan:
    """The plan of a BE fiscal year, created empty (satisfaction target 80 %) if missing."""
    access.require_plan_editor(user)
    plan, _ = AnnualPlan.objects.get_or_create(fiscal_year=int(fiscal_year), defaults={"created_by": user})
    return plan


@transaction.atomic
def plan_update(*, user: UserLike, plan: AnnualPlan, data: dict) -> AnnualPlan:
    """Change the plan's text (vision … strategies) and its targets."""
    access.require_plan_editor(user)
    _assign(plan, data, PLAN_FIELDS)
    plan.save()
    return plan


@transaction.atomic
def plan_add_priorities(*, plan: AnnualPlan, items: list[dict], user: UserLike) -> int:
    """Add Plan-phase priorities (จุดเน้น/ข้อมูลเพื่อการวางแผน); identical title+school+source are skipped."""
    access.require_plan_editor(user)
    added = 0
    for item in items:
        title = str(item.get("title", "")).strip()[:300]
        if not title:
            raise ValidationError("จุดเน้นทุกข้อต้องมีหัวข้อ")
        school = item.get("school")
        source = str(item.get("source", "")).strip()[:100]
        exists = PlanPriority.objects.filter(plan=plan, title=title, school=school, source=source).exists()
        if exists:
            continue
        PlanPriority.objects.create(
            plan=plan, title=title, detail=str(item.get("detail", "")), school=school, source=source, created_by=user
        )
        added += 1
    return added


@transaction.atomic
def project_save(
    *, user: UserLike, project: Project, data: dict, activities: list[dict], indicators: list[dict]
) -> Project:
    """Save a project (new: unsaved, with its plan set) with its activity and indicator rows.

    Each row is a dict of fields with "id" (the existing row, or None for a new one) and "DELETE";
    an empty dict (an untouched blank row) is skipped; an activity without an order takes its place in the list.
    """
    access.require_plan_editor(user)
    _assign(project, data, PROJECT_FIELDS)
    project.save()
    for place, row in enumerate(activities, start=1):
        if row and not row.get("order"):
            row = {**row, "order": place}
        activity = _child_row(project, Activity, row, ACTIVITY_FIELDS)
        if activity is not None and "responsible_users" in row:
            activity.responsible_users.set(row["responsible_users"] or [])
    for row in indicators:
        _child_row(project, Indicator, row, INDICATOR_FIELDS)
    return project


def _child_row(
    project: Project, model: type[Activity] | type[Indicator], row: dict, fields: tuple[str, ...]
) -> Activity | Indicator | None:
    if not row:
        return None
    existing = row.get("id")
    if existing is not None and existing.project_id != project.pk:
        raise ValidationError("รายการนี้ไม่ได้อยู่ในโครงการนี้")
    if row.get("DELETE"):
        if isinstance(existing, Activity) and existing.spendings.exists():
            raise ValidationError(f"ลบกิจกรรม “{existing.title}” ไม่ได้ เพราะมีรายการเบิกจ่ายแล้ว")
        if existing is not None:
            existing.delete()
        return None
    child = existing or model(project=project)
    _assign(child, row, fields)
    child.save()
    return child


def _check_move(current: str, target: str) -> None:
    if target not in Phase.values:
        raise ValidationError("ไม่รู้จักระยะนี้")
    if target != next_phase(current):
        raise ValidationError(
            f"เปลี่ยนระยะได้ทีละขั้นตามวงจร PDCA: จาก “{Phase(current).label}” ไป “{Phase(next_phase(current)).label}”"
        )


def _note(
    *,
    project: Project,
    activity: Activity | None,
    phase: str,
    note: str,
    user: UserLike,
    evidence: UploadedFile | None = None,
    moved_to: str = "",
) -> PhaseNote:
    if not note.strip():
        raise ValidationError({"note": "กรุณาบันทึกสิ่งที่ทำ/ผลที่ได้ในระยะนี้"})
    record = PhaseNote(
        project=project, activity=activity, phase=phase, note=note.strip(), created_by=user, moved_to=moved_to
    )
    if evidence:
        record.evidence = evidence
        record.evidence_name = uploads.original_name(evidence.name)
    record.save()
    return record


@transaction.atomic
def phase_note_add(
    *,
    user: UserLike,
    project: Project,
    activity: Activity | None = None,
    note: str,
    evidence: UploadedFile | None = None,
) -> PhaseNote:
    """Record a note (and evidence) at the current phase of a project or activity."""
    access.require_plan_editor(user)
    phase = activity.phase if activity else project.phase
    return _note(project=project, activity=activity, phase=phase, note=note, user=user, evidence=evidence)


@transaction.atomic
def project_move_phase(
    *,
    user: UserLike,
    project: Project,
    to: str,
    note: str,
    evidence: UploadedFile | None = None,
) -> Project:
    """Move a project one step round P → D → C → A (→ P of a new cycle), with a note on what was done."""
    access.require_plan_editor(user)
    project = Project.objects.select_for_update().get(pk=project.pk)
    _check_move(project.phase, to)
    _note(project=project, activity=None, phase=project.phase, note=note, user=user, evidence=evidence, moved_to=to)
    project.phase = to
    project.save(update_fields=["phase"])
    return project


@transaction.atomic
def activity_move_phase(
    *,
    user: UserLike,
    activity: Activity,
    to: str,
    note: str,
    evidence: UploadedFile | None = None,
) -> Activity:
    access.require_plan_editor(user)
    activity = Activity.objects.select_for_update().select_related("project").get(pk=activity.pk)
    _check_move(activity.phase, to)
    _note(
        project=activity.project,
        activity=activity,
        phase=activity.phase,
        note=note,
        user=user,
        evidence=evidence,
        moved_to=to,
    )
    activity.phase = to
    activity.save(update_fields=["phase"])
    return activity


def _copy(instance, **changes):  # noqa: ANN001, ANN202
    instance.pk = None
    instance.id = None
    for key, value in changes.items():
        setattr(instance, key, value)
    instance.save()
    return instance


@transaction.atomic
def plan_copy_to_next_year(*, plan: AnnualPlan, user: UserLike) -> AnnualPlan:
    """Copy vision…strategies, targets, school groups, projects, activities and indicators into
    fiscal year + 1. Phases restart at Plan; results, notes, priorities and visits are not copied."""
    access.require_plan_editor(user)
    year = plan.fiscal_year + 1
    if AnnualPlan.objects.filter(fiscal_year=year).exists():
        raise ValidationError(f"มีแผนนิเทศปีงบประมาณ {year} อยู่แล้ว")
    title = plan.title.replace(str(plan.fiscal_year), str(year)) if plan.title else ""
    new_plan = AnnualPlan.objects.create(
        fiscal_year=year, title=title, vision=plan.vision, mission=plan.mission, goals=plan.goals,
        strategies=plan.strategies, visits_per_school_target=plan.visits_per_school_target,
        satisfaction_target_percent=plan.satisfaction_target_percent, created_by=user,
    )  # fmt: skip
    for group in plan.school_groups.all():
        schools = list(group.schools.all())
        _copy(group, plan=new_plan).schools.set(schools)
    for project in plan.projects.prefetch_related("activities__responsible_users", "indicators"):
        activities, indicators = list(project.activities.all()), list(project.indicators.all())
        new_project = _copy(project, plan=new_plan, phase=Phase.PLAN)
        copies = {}
        for activity in activities:
            people, old_pk = list(activity.responsible_users.all()), activity.pk
            copies[old_pk] = _copy(activity, project=new_project, phase=Phase.PLAN)
            copies[old_pk].responsible_users.set(people)
        for indicator in indicators:
            counted_on = copies.get(indicator.measure_activity_id)
            _copy(indicator, project=new_project, result="", result_note="", measure_activity=counted_on)
    return new_plan


@transaction.atomic
def school_group_save(*, user: UserLike, group: SchoolGroup, data: dict) -> SchoolGroup:
    """Save a group of schools with its own visit target (new: unsaved, with its plan set)."""
    access.require_plan_editor(user)
    name = str(data.get("name", group.name)).strip()
    if SchoolGroup.objects.filter(plan_id=group.plan_id, name=name).exclude(pk=group.pk).exists():
        raise ValidationError({"name": "แผนนี้มีกลุ่มสถานศึกษาชื่อนี้อยู่แล้ว"})
    _assign(group, {**data, "name": name}, SCHOOL_GROUP_FIELDS)
    group.save()
    if "schools" in data:
        group.schools.set(data["schools"])
    return group
