"""Background documents of the supervision app."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model

from core import documents, thaidate
from core.models import OfficeProfile, display_name

from . import access, selectors
from .models import AnnualPlan, Project, Scale, Visit
from .models.plans import lines, numbered_lines

User = get_user_model()


# --- Visit record, supervisor's fiscal-year summary, project document -------------------------


PARAM_NAMES = {"visit": "บันทึกการนิเทศ", "fiscal_year": "ปีงบประมาณ", "project": "โครงการ", "plan": "แผนนิเทศ"}


def int_param(data: dict, key: str) -> dict:
    """The one id (or year) a document is asked for; a Thai DocumentError naming what is missing."""
    value = str(data.get(key) or "")
    if not value.isdigit():
        raise documents.DocumentError(f"ไม่ได้ระบุ{PARAM_NAMES.get(key, key)}")
    return {key: int(value)}


def _visit_title(params: dict) -> str:
    visit = Visit.objects.select_related("school").filter(pk=params.get("visit")).first()
    return f"บันทึกการนิเทศ {visit.school.name} {thaidate.format_short(visit.date)}" if visit else "บันทึกการนิเทศ"


GROUP_DIRECTOR = "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
# What each level of a numeric scale means when the tool's own label is the bare number.
SCALE_MEANINGS: dict[str, dict[int, str]] = {
    Scale.ONE_FIVE: {5: "มากที่สุด", 4: "มาก", 3: "ปานกลาง", 2: "น้อย", 1: "น้อยที่สุด"},
    Scale.ONE_FOUR: {4: "สูงสุด", 1: "ต่ำสุด"},
}


def scale_key(tool) -> list[dict]:  # noqa: ANN001 - Tool | None
    """The rubric's scale key (เกณฑ์การให้คะแนน): each level's score and label, highest first."""
    if tool is None:
        return []
    meanings = SCALE_MEANINGS.get(tool.scale, {})
    key = []
    for value, label in tool.levels:
        meaning = label.removeprefix(str(value)).strip() if label.startswith(str(value)) else label
        key.append({"score": value, "label": meaning or meanings.get(value, "")})
    return key


def _position(user, default: str) -> str:  # noqa: ANN001 - User | None
    profile = getattr(user, "profile", None) if user is not None else None
    return (profile.position_line if profile else "") or default


def _visit_signers(visit: Visit) -> list[dict]:
    """ผู้นิเทศ, the group director who approved it, the school that acknowledged it."""
    approved = visit.reviewed_by_id and visit.reviewed_at and visit.status != "returned"
    return [
        {"name": display_name(visit.created_by), "position": _position(visit.created_by, "ศึกษานิเทศก์"),
         "role": "ผู้นิเทศ"},
        # a deputy signs under their own position, with the acting line (รักษาราชการแทน…) below it
        {"name": display_name(visit.reviewed_by) if visit.reviewed_by_id else "",
         "position": _position(visit.reviewed_by, GROUP_DIRECTOR) if visit.reviewed_as else GROUP_DIRECTOR,
         "role": visit.reviewed_as,
         "date": f"อนุมัติเมื่อ {thaidate.format_full(visit.reviewed_at)}" if approved else ""},
        {"name": display_name(visit.acknowledged_by) if visit.acknowledged_by_id else visit.school.principal_name,
         "position": "ผู้บริหารสถานศึกษา/ผู้รับการนิเทศ",
         "date": f"รับทราบเมื่อ {thaidate.format_full(visit.acknowledged_at)}" if visit.acknowledged_at else ""},
    ]  # fmt: skip


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
        "scale_key": scale_key(visit.tool), "signers": _visit_signers(visit),
        "photos": [e for e in visit.evidence.all() if e.is_image and e.content_type in ("image/jpeg", "image/png")],
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"visit-record-{visit.pk}.pdf")


def _summary_params(data: dict) -> dict:
    params = int_param(data, "fiscal_year")
    if str(data.get("user") or "").isdigit():
        params["user"] = int(data["user"])
    return params


def _summary_title(params: dict) -> str:
    """Names the supervisor when the summary is someone else's (the director prints anyone's)."""
    person = User.objects.select_related("profile").filter(pk=params.get("user") or 0).first()
    return f"สรุปผลการนิเทศ ปีงบประมาณ {params.get('fiscal_year', '')}" + (f" {display_name(person)}" if person else "")


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


BUDGET_LINES = ("budget_total", "compensation", "operating", "materials")


def baht(value: Decimal | int | None, *, satang: bool = False) -> str:
    """One format for every amount of a budget table: "12,500" (or "12,500.50" when the document has
    satang anywhere), "-" for an empty or zero amount."""
    if not value:
        return "-"
    return f"{value:,.2f}" if satang else f"{value:,.0f}"


def project_budget_rows(activities: list, budget: dict[str, Decimal]) -> tuple[list[dict], dict[str, str]]:
    """The budget table of a project document: each activity's amounts and the totals, with two places
    (money is Decimal with satang throughout); "-" where an amount is not given."""
    rows = [{"activity": a, **{key: baht(getattr(a, key), satang=True) for key in BUDGET_LINES}} for a in activities]
    totals = {key: baht(budget[key.removeprefix("budget_")], satang=True) for key in BUDGET_LINES}
    return rows, totals


POOLED_NOTE = "ขอถัวจ่ายทุกรายการ"


def budget_notes(project: Project) -> list[str]:
    """The notes under the budget table: "ขอถัวจ่ายทุกรายการ" when the project pools, then its own note."""
    notes = [POOLED_NOTE] if project.pooled_budget else []
    if project.budget_note.strip() and project.budget_note.strip() not in notes:
        notes.append(project.budget_note.strip())
    return notes


def office_director_position(office_name: str) -> str:
    """ "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา ประถมศึกษาตาก เขต 2": the break a signature block makes
    after "การศึกษา", so the long unspaced title wraps there rather than running past the block."""
    area = "สำนักงานเขตพื้นที่การศึกษา"
    if office_name.startswith(area) and office_name != area:
        return f"ผู้อำนวยการ{area} {office_name.removeprefix(area).strip()}"
    return f"ผู้อำนวยการ{office_name}"


def breakable_position(position: str) -> str:
    """A typed position with the break a signature block needs after "สำนักงานเขตพื้นที่การศึกษา"."""
    area = "สำนักงานเขตพื้นที่การศึกษา"
    head, found, rest = position.partition(area)
    return f"{head}{area} {rest.strip()}" if found and rest and not rest.startswith(" ") else position


def project_signers(project: Project) -> list[dict]:
    """ผู้เสนอโครงการ / ผู้เห็นชอบโครงการ / ผู้อนุมัติโครงการ with names and positions; the approver defaults to
    the office director, the endorser is left out when not given."""
    office = OfficeProfile.get()
    chain = [{"name": project.proposer_name, "position": breakable_position(project.proposer_position or GROUP_DIRECTOR),
              "role": "ผู้เสนอโครงการ"}]  # fmt: skip
    if project.endorser_name or project.endorser_position:
        chain.append({"name": project.endorser_name, "position": breakable_position(project.endorser_position),
                      "role": "ผู้เห็นชอบโครงการ"})  # fmt: skip
    chain.append({
        "name": project.approver_name or office.director_name,
        "position": breakable_position(project.approver_position) or office_director_position(office.office_name),
        "role": "ผู้อนุมัติโครงการ",
    })  # fmt: skip
    return chain


def job_project(params: dict) -> Project:
    """The project (with its plan) a project document is asked for, or a Thai DocumentError."""
    project = Project.objects.select_related("plan").filter(pk=params.get("project")).first()
    if project is None:
        raise documents.DocumentError("ไม่พบโครงการนี้")
    return project


def _build_project(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    project = job_project(job.params)
    progress(30, "กำลังจัดรูปแบบเอกสารโครงการ")
    activities = list(project.activities.all())
    rows, totals = project_budget_rows(activities, selectors.project_budget(project))
    html = documents.render_html("documents/supervision_project.html", {
        "project": project, "activities": activities, "indicators": project.indicators.all(),
        "budget_rows": rows, "budget_totals": totals, "budget_notes": budget_notes(project),
        "signers": project_signers(project), "title": f"โครงการ{project.name}", "sections": project.numbered_sections(),
        "policies": lines(project.policies), "strategy": lines(project.strategy), "rationale": lines(project.rationale),
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
        parse_params=lambda data: int_param(data, "visit"),
    )
)
documents.register(
    documents.DocumentKind(
        kind="supervision.supervisor_summary",
        label="สรุปผลการนิเทศประจำปีงบประมาณ",
        build=_build_summary,
        can_request=lambda user, params: access.can_request_summary(user, params.get("user", user.pk)),
        parse_params=_summary_params,
        title=_summary_title,
    )
)
documents.register(
    documents.DocumentKind(
        kind="supervision.project_document",
        label="เอกสารโครงการ",
        build=_build_project,
        can_request=lambda user, params: access.can_read_plans(user),
        title=_project_title,
        parse_params=lambda data: int_param(data, "project"),
        publishable=True,
    )
)


# --- The annual plan (แผนนิเทศ ติดตามและประเมินผลการจัดการศึกษา) as one document ----------------------


def plan_project_rows(plan) -> tuple[list[dict], str]:  # noqa: ANN001 - AnnualPlan
    """Each project with its budget by line (compensation, operating, materials, total) and the plan's total."""
    rows, total = [], Decimal(0)
    for project in plan.projects.prefetch_related("activities", "indicators").order_by("order", "pk"):
        budget = selectors.project_budget(project)
        total += budget["total"]
        rows.append({"project": project, "total": baht(budget["total"], satang=True),
                     **{key: baht(budget[key], satang=True) for key in ("compensation", "operating", "materials")},
                     "indicators": list(project.indicators.all())})  # fmt: skip
    return rows, baht(total, satang=True)


def plan_heading(plan) -> list[str]:  # noqa: ANN001 - AnnualPlan
    """The title on two lines, the fiscal year on the second ("… ปีงบประมาณ 2570" is never split)."""
    head, sep, rest = str(plan).partition("ปีงบประมาณ")
    if not sep:
        return [head.strip(), f"ประจำปีงบประมาณ {plan.fiscal_year}"]
    return [head.strip(), f"{sep}{rest}".strip()] if head.strip() else [f"{sep}{rest}".strip()]


def _build_plan(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    plan = AnnualPlan.objects.filter(pk=job.params.get("plan")).first()
    if plan is None:
        raise documents.DocumentError("ไม่พบแผนนิเทศนี้")
    progress(30, "กำลังจัดรูปแบบแผนนิเทศ")
    rows, total = plan_project_rows(plan)
    html = documents.render_html("documents/supervision_plan.html", {
        "plan": plan, "title": str(plan), "heading": plan_heading(plan), "rows": rows, "total": total, "mission": numbered_lines(plan.mission),
        "goals": numbered_lines(plan.goals), "strategies": numbered_lines(plan.strategies),
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"supervision-plan-{plan.fiscal_year}.pdf")


def _plan_title(params: dict) -> str:
    plan = AnnualPlan.objects.filter(pk=params.get("plan")).first()
    return str(plan) if plan else "แผนนิเทศประจำปี"


documents.register(
    documents.DocumentKind(
        kind="supervision.plan_document",
        label="แผนนิเทศประจำปี",
        build=_build_plan,
        can_request=lambda user, params: access.can_read_plans(user),
        title=_plan_title,
        parse_params=lambda data: int_param(data, "plan"),
        archival=True,
        publishable=True,
    )
)
