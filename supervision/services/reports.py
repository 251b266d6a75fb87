"""The text of a project's result report (รายงานผลการดำเนินโครงการ); its figures come from the records."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.roles import UserLike

from .. import access
from ..models import Project, ProjectReport

__all__ = ["project_report_save"]

TEXT_LIMIT = 20_000


@transaction.atomic
def project_report_save(
    *, user: UserLike, project: Project, summary: str, problems: str, suggestions: str, activity_notes: dict[int, str]
) -> ProjectReport:
    """Keep the typed parts of the report: summary, problems, suggestions and what each activity did."""
    access.require_plan_editor(user)
    own = set(project.activities.values_list("pk", flat=True))
    if set(activity_notes) - own:
        raise ValidationError("กิจกรรมนี้ไม่ได้อยู่ในโครงการนี้")
    if any(len(t or "") > TEXT_LIMIT for t in [summary, problems, suggestions, *activity_notes.values()]):
        raise ValidationError(f"ข้อความยาวเกิน {TEXT_LIMIT:,} ตัวอักษร")
    report, _ = ProjectReport.objects.select_for_update().get_or_create(project=project)
    report.summary, report.problems, report.suggestions = summary.strip(), problems.strip(), suggestions.strip()
    report.activity_notes = {str(pk): text.strip() for pk, text in activity_notes.items() if (text or "").strip()}
    report.updated_by, report.updated_at = user, timezone.now()
    report.save()
    return report
