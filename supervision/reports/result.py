"""รายงานผลการดำเนินโครงการ: per activity what was done, targets against results, indicators, budget planned
against spent, problems and suggestions; a background PDF (core.documents)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count

from core import documents

from .. import access, selectors
from ..documents import baht, int_param, job_project, project_signers
from ..models import Activity, EventStatus, GroupEvent, Project, ProjectReport
from ..models.plans import lines, numbered_lines

__all__ = ["project_result_data"]


def _events_per_activity(project: Project) -> dict[int, int]:
    """Group events held per activity of the project (a draft or a cancelled one never counts); one query."""
    rows = GroupEvent.objects.filter(activity__project=project, status=EventStatus.HELD).values_list("activity_id")
    return dict(rows.annotate(n=Count("id")).order_by())


def _done_text(visits: dict | None, events: int) -> str:
    parts = []
    if visits:
        parts.append(f"นิเทศ {visits['visits']:,} ครั้ง ใน {visits['schools']:,} โรงเรียน")
    if events:
        parts.append(f"จัดกิจกรรมกลุ่ม {events:,} ครั้ง")
    return " · ".join(parts)


def _target_text(activity: Activity) -> str:
    target = activity.visits_per_school_target
    return f"{target} ครั้ง/โรงเรียน/ปี" if target else ""


def _remaining(amount: Decimal) -> str:
    """ "13,949.50"; an overspent activity reads "เกิน 4,050.50" (a bare minus reads like "-" for none)."""
    return f"{amount:,.2f}" if amount >= 0 else f"เกิน {-amount:,.2f}"


def _activity_rows(project: Project, report: ProjectReport | None, execution: dict) -> list[dict]:
    visits, events = selectors.project_visit_counts(project), _events_per_activity(project)
    rows = []
    for row in execution["rows"]:
        activity = row["activity"]
        rows.append({
            "activity": activity, "target": _target_text(activity),
            "counted": _done_text(visits.get(activity.pk), events.get(activity.pk, 0)),
            "note": lines(report.note_for(activity.pk)) if report else [],
            "planned": baht(row["planned"], satang=True), "spent": baht(row["spent"], satang=True),
            # nothing allocated and nothing spent reads "-" like its neighbours, not a balance of 0.00
            "remaining": _remaining(row["remaining"]) if row["planned"] or row["spent"] else "-", "over": row["over"],
        })  # fmt: skip
    return rows


def project_result_data(project: Project) -> dict:
    """Everything the result report prints, figures from the records and text from the ProjectReport."""
    report = ProjectReport.objects.filter(project=project).first()
    execution = selectors.budget_execution(project)
    rows = _activity_rows(project, report, execution)
    return {
        "project": project,
        "report": report,
        "activity_rows": rows,
        "indicator_values": selectors.project_indicator_values(project),
        "totals": {
            "planned": f"{execution['planned']:,.2f}",
            "spent": f"{execution['spent']:,.2f}",
            "remaining": _remaining(execution["remaining"]),
            "over": execution["over"],
            "any_over": any(r["over"] for r in rows),
            "percent": f"{Decimal(100) * execution['spent'] / execution['planned']:,.2f}"
            if execution["planned"]
            else "",
        },  # fmt: skip
        "summary": lines(report.summary) if report else [],
        "problems": numbered_lines(report.problems) if report else [],
        "suggestions": numbered_lines(report.suggestions) if report else [],
        "quantitative_targets": numbered_lines(project.quantitative_targets, "3.1."),
        "qualitative_targets": numbered_lines(project.qualitative_targets, "3.2."),
    }


def _build(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    project = job_project(job.params)
    progress(30, "กำลังรวบรวมผลการดำเนินโครงการ")
    data = project_result_data(project)
    signer = project_signers(project)[0]
    html = documents.render_html("documents/supervision_project_result.html", {
        **data, "title": f"รายงานผลการดำเนินโครงการ{project.name}",
        "signer": {**signer, "role": "ผู้รายงาน"},
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"project-result-{project.pk}.pdf")


def _title(params: dict) -> str:
    project = Project.objects.filter(pk=params.get("project")).first()
    return f"รายงานผลการดำเนินโครงการ{project.name}" if project else "รายงานผลการดำเนินโครงการ"


documents.register(
    documents.DocumentKind(
        kind="supervision.project_result",
        label="รายงานผลการดำเนินโครงการ",
        build=_build,
        can_request=lambda user, params: access.can_read_plans(user),
        title=_title,
        parse_params=lambda data: int_param(data, "project"),
        publishable=True,
    )
)
