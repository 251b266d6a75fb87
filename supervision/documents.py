"""Background documents of the supervision app."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from core import documents, thaidate

from . import access, selectors
from .models import Project, Visit

User = get_user_model()


# --- Visit record, supervisor's fiscal-year summary, project document -------------------------


def _int_param(data: dict, key: str) -> dict:
    value = str(data.get(key) or "")
    if not value.isdigit():
        raise documents.DocumentError(f"ไม่ได้ระบุ {key}")
    return {key: int(value)}


def _visit_title(params: dict) -> str:
    visit = Visit.objects.select_related("school").filter(pk=params.get("visit")).first()
    return f"บันทึกการนิเทศ {visit.school.name} {thaidate.format_short(visit.date)}" if visit else "บันทึกการนิเทศ"


def _build_visit(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    visit = (
        Visit.objects.select_related(
            "school__cluster",
            "tool",
            "activity__project",
            "created_by__profile",
            "reviewed_by__profile",
            "acknowledged_by__profile",
        )
        .prefetch_related("team__profile", "teachers__learning_area", "follow_ups", "scores", "evidence")
        .filter(pk=job.params.get("visit"))
        .first()
    )
    if visit is None:
        raise documents.DocumentError("ไม่พบบันทึกการนิเทศนี้")
    progress(30, "กำลังจัดรูปแบบบันทึกการนิเทศ")
    html = documents.render_html("documents/supervision_visit_record.html", {
        "visit": visit, "title": "บันทึกการนิเทศ", "sections": selectors.visit_score_sections(visit),
        "photos": [e for e in visit.evidence.all() if e.is_image and e.content_type in ("image/jpeg", "image/png")],
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"visit-record-{visit.pk}.pdf")


def _summary_params(data: dict) -> dict:
    params = _int_param(data, "fiscal_year")
    if str(data.get("user") or "").isdigit():
        params["user"] = int(data["user"])
    return params


def _build_summary(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    user = User.objects.select_related("profile").filter(pk=job.params.get("user", job.requested_by_id)).first()
    if user is None:
        raise documents.DocumentError("ไม่พบศึกษานิเทศก์")
    year = job.params["fiscal_year"]
    progress(20, "กำลังสรุปผลการนิเทศ")
    data = selectors.supervisor_summary(user, year)
    months = [thaidate.THAI_MONTHS_ABBR[m - 1] for m in selectors.fiscal_months()]
    html = documents.render_html("documents/supervision_supervisor_summary.html", {
        **data, "person": user, "year": year, "months": list(zip(months, data["per_month"], strict=True)),
        "title": f"สรุปผลการนิเทศ ปีงบประมาณ {year}",
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"supervision-summary-{year}-{user.username}.pdf")


def _build_project(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    project = Project.objects.select_related("plan").filter(pk=job.params.get("project")).first()
    if project is None:
        raise documents.DocumentError("ไม่พบโครงการนี้")
    progress(30, "กำลังจัดรูปแบบเอกสารโครงการ")
    html = documents.render_html("documents/supervision_project.html", {
        "project": project, "activities": project.activities.all(), "indicators": project.indicators.all(),
        "budget": selectors.project_budget(project), "title": f"โครงการ{project.name}",
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"project-{project.pk}.pdf")


def _project_title(params: dict) -> str:
    project = Project.objects.filter(pk=params.get("project")).first()
    return f"โครงการ{project.name}" if project else "เอกสารโครงการ"


documents.register(
    documents.DocumentKind(
        kind="supervision.visit_record",
        label="บันทึกการนิเทศ",
        build=_build_visit,
        can_request=lambda user, params: access.can_read_visit(user, params.get("visit")),
        title=_visit_title,
        parse_params=lambda data: _int_param(data, "visit"),
    )
)
documents.register(
    documents.DocumentKind(
        kind="supervision.supervisor_summary",
        label="สรุปผลการนิเทศประจำปีงบประมาณ",
        build=_build_summary,
        can_request=lambda user, params: access.can_request_summary(user, params.get("user", user.pk)),
        parse_params=_summary_params,
        title=lambda p: f"สรุปผลการนิเทศ ปีงบประมาณ {p.get('fiscal_year', '')}",
    )
)
documents.register(
    documents.DocumentKind(
        kind="supervision.project_document",
        label="เอกสารโครงการ",
        build=_build_project,
        can_request=lambda user, params: access.can_read_plans(user),
        title=_project_title,
        parse_params=lambda data: _int_param(data, "project"),
    )
)
