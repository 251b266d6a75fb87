"""Gathers a fiscal year for the annual report: projects, supervision, QA, meetings, resolutions.

Figures from other apps come through their contract selectors (contracts.md); if an app
cannot answer, its section says "ยังไม่มีข้อมูล" instead of failing the whole report.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from core import thaidate
from core.documents import DocumentError
from core.storage import media_uri

from .charts import BarChart, Series, bar_chart
from .information_figures import information_chapter
from .models import AnnualReport, BodyKind, Meeting, MeetingStatus, Resolution, ResolutionStatus

log = logging.getLogger(__name__)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _number(text: object) -> float | None:
    match = _NUMBER.search(thaidate.arabic_digits(text or ""))
    return float(match.group().replace(",", "")) if match else None


def supervision_data(fiscal_year: int) -> dict:
    from supervision.selectors import annual_report_data

    return annual_report_data(fiscal_year)


def qa_data(academic_year: int) -> dict:
    from qa.selectors import annual_report_qa_data

    return annual_report_qa_data(academic_year)


def _meetings(fiscal_year: int) -> dict:
    from .selectors import meetings_target

    start, end = thaidate.fiscal_year_range(fiscal_year)
    # the committee's own meetings: the group's monthly meeting and other bodies are not the ก.ต.ป.น.'s record
    meetings = list(Meeting.objects.filter(date__range=(start, end), body__kind=BodyKind.KTPN)
                    .exclude(status=MeetingStatus.CANCELLED)
                    .order_by("date", "number").prefetch_related("items"))  # fmt: skip
    held = [m for m in meetings if m.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)]
    resolutions = list(Resolution.objects.filter(item__meeting__in=held).select_related("item__meeting"))
    counts = Counter(r.status for r in resolutions)
    target = meetings_target(fiscal_year)
    return {
        "list": meetings, "held": len(held), "target": target, "resolutions": resolutions,
        "resolution_counts": [(label, counts.get(value, 0)) for value, label in ResolutionStatus.choices],
        "chart": bar_chart(["เป้าหมาย", "ประชุมแล้ว"], [Series("จำนวนครั้ง", [target or 0, len(held)])],
                           title="จำนวนครั้งการประชุมเทียบเป้าหมาย", unit=" ครั้ง"),
    }  # fmt: skip


def _coverage_chart(coverage: dict) -> BarChart:
    rows = coverage.get("by_cluster") or []
    percents = [100 * r["visited"] / r["schools"] if r["schools"] else 0 for r in rows]
    return bar_chart([r["cluster"] for r in rows], [Series("ร้อยละของโรงเรียนที่ได้รับการนิเทศ", percents)],
                     title="ร้อยละของโรงเรียนที่ได้รับการนิเทศ จำแนกตามกลุ่มโรงเรียน", unit="%", max_value=100)  # fmt: skip


def _indicator_chart(projects: list[dict]) -> BarChart:
    rows = [(i["name"], _number(i["target"]), _number(i["result"])) for p in projects for i in p["indicators"]]
    rows = [r for r in rows if r[1] is not None and r[2] is not None][:20]
    return bar_chart([r[0] for r in rows], [Series("ค่าเป้าหมาย", [r[1] for r in rows]),
                                            Series("ผลการดำเนินงาน", [r[2] for r in rows])],
                     title="ตัวชี้วัดความสำเร็จ: ค่าเป้าหมายและผลการดำเนินงาน")  # fmt: skip


def _qa_chart(qa: dict) -> BarChart:
    totals: Counter = Counter()
    for standard in qa.get("standards", []):
        totals.update(standard.get("levels", {}))
    labels = list(totals)
    return bar_chart(labels, [Series("จำนวน", [totals[k] for k in labels])],
                     title="ผลการประเมินคุณภาพภายใน รวมทุกมาตรฐาน จำแนกตามระดับ", unit=" รายการ")  # fmt: skip


def _logo_uri() -> str:
    """The office's logo (ตราสัญลักษณ์) as a file URI for the cover, or "" when none is uploaded."""
    from core.models import OfficeProfile

    return media_uri(OfficeProfile.get().logo)


def _findings_by_cluster(findings: list[dict]) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = {}
    for row in sorted(findings, key=lambda r: (r["cluster"] or "~", r["school"])):
        groups.setdefault(row["cluster"] or "ไม่ระบุกลุ่ม", []).append(row)
    return list(groups.items())


def _gather(section: str, fetch, *args: object) -> dict:  # noqa: ANN001
    """One app's part of the report. An official report must not silently leave a part
    out: a failure fails the job with a message naming the part, and the user retries."""
    try:
        return fetch(*args)
    except Exception as exc:
        log.exception("annual report: gathering %s failed", section)
        raise DocumentError(f"รวบรวมข้อมูล{section}ไม่สำเร็จ ({type(exc).__name__}: {exc}) กรุณากดลองใหม่") from exc


def report_context(report: AnnualReport, progress=None) -> dict:  # noqa: ANN001
    step = progress or (lambda percent, message="": None)
    fy = report.fiscal_year
    step(10, "กำลังรวบรวมข้อมูลการนิเทศ")
    sup = _gather("การนิเทศ", supervision_data, fy)
    step(35, "กำลังรวบรวมผลการประกันคุณภาพ")
    qa = _gather("การประกันคุณภาพ", qa_data, fy - 1)
    step(50, "กำลังรวบรวมการประชุมและมติ")
    ctx = {"report": report, "fiscal_year": fy, "academic_year": fy - 1, "meetings": _meetings(fy),
           "supervision": sup, "qa": qa if qa and qa.get("standards") else None}  # fmt: skip
    if sup:
        cov = sup["coverage"]
        ctx.update(coverage_chart=_coverage_chart(cov), indicator_chart=_indicator_chart(sup["projects"]),
                   findings_groups=_findings_by_cluster(sup["findings"]),
                   coverage_percent=round(100 * cov["visited"] / cov["schools"], 1) if cov["schools"] else 0)  # fmt: skip
    if ctx["qa"]:
        ctx["qa_chart"] = _qa_chart(ctx["qa"])
        ctx["qa_levels"] = list(ctx["qa"]["standards"][0]["levels"])
    step(60, "กำลังรวบรวมสารสนเทศ 4 ด้าน")
    ctx["information"] = _gather("สารสนเทศ 4 ด้าน", information_chapter, fy)
    ctx["logo_uri"] = _logo_uri()
    start, end = thaidate.fiscal_year_range(fy)
    ctx["period"] = f"{thaidate.format_full(start)} ถึง {thaidate.format_full(end)}"
    return ctx
