"""The figures the system already holds for each of the four domains (สารสนเทศ 4 ด้าน), per fiscal year.

Shown beside the secretary's typed text on the page, in the document and in the annual report's
chapter; never copied into the text. Figures from other apps come through their contract selectors.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.html import format_html_join

from core import thaidate
from core.roles import Role

from .models import BodyKind, Domain, DomainInformation, ResolutionStatus
from .models.information import TEXT_FIELDS

Row = tuple[str, str]


def _number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _baht(value: Decimal) -> str:
    return f"{value:,.2f} บาท"


def _percent(part: float, whole: float) -> str:
    return f"ร้อยละ {100 * part / whole:.1f}" if whole else "-"


def academic_figures(fiscal_year: int) -> list[Row]:
    from .annual_report import qa_data, supervision_data

    coverage = supervision_data(fiscal_year)["coverage"]
    rows = [
        ("สถานศึกษาที่ได้รับการนิเทศ", f"{coverage['visited']:,} จาก {coverage['schools']:,} แห่ง "
                                      f"({_percent(coverage['visited'], coverage['schools'])})"),
        ("จำนวนครั้งการนิเทศ", f"{coverage['visits']:,} ครั้ง"),
    ]  # fmt: skip
    qa = qa_data(fiscal_year - 1)
    if qa and qa.get("sars"):
        rows.append((f"รายงานการประเมินตนเอง (SAR) ปีการศึกษา {fiscal_year - 1}", f"{qa['sars']:,} ฉบับ"))
        rows.append(("สถานศึกษาที่มีมาตรฐานต่ำกว่าระดับดีอย่างน้อยหนึ่งมาตรฐาน", f"{qa['below_good']:,} แห่ง"))
        for standard in qa.get("standards", []):
            # a level and its count on one line ("ดีเลิศ 11", never "ดีเลิศ / 11"; a no-break space alone does not
            # hold against the Thai line breaker in print): each pair in a no-wrap span, the list still wraps at "·"
            counts = [(label, n) for label, n in standard["levels"].items() if n]
            levels = format_html_join(" · ", '<span class="nw">{} {}</span>', counts)
            rows.append((f"{standard['code']} {standard['name']}", levels or "-"))
    return rows


def personnel_figures(fiscal_year: int) -> list[Row]:
    from django.contrib.auth import get_user_model

    from schools.models import School

    from .selectors import ktpn_body, members_serving_on

    totals = School.objects.filter(is_active=True).aggregate(
        n=Count("pk"), pupils=Sum("pupils"), teachers=Sum("teachers")
    )
    pupils, teachers = totals["pupils"] or 0, totals["teachers"] or 0
    supervisors = get_user_model().objects.filter(is_active=True, groups__name=Role.SUPERVISOR).count()
    _, end = thaidate.fiscal_year_range(fiscal_year)
    ktpn = ktpn_body()  # the ก.ต.ป.น. only: other bodies' members are not its members
    serving = members_serving_on(min(end, thaidate.today()), ktpn).count() if ktpn else 0
    return [
        ("สถานศึกษาในสังกัด (เปิดสอน)", f"{totals['n']:,} แห่ง"),
        ("นักเรียน", f"{pupils:,} คน"),
        ("ครู", f"{teachers:,} คน"),
        ("นักเรียนต่อครู", f"{pupils / teachers:.1f} : 1" if teachers else "-"),
        ("ศึกษานิเทศก์ (ผู้ใช้ระบบ)", f"{supervisors:,} คน"),
        ("กรรมการ ก.ต.ป.น. ที่ดำรงตำแหน่ง", f"{serving:,} คน"),
    ]  # fmt: skip


def budget_figures(fiscal_year: int) -> list[Row]:
    from .annual_report import supervision_data

    projects = supervision_data(fiscal_year)["projects"]
    total = sum((Decimal(p["budget_total"] or 0) for p in projects), Decimal(0))
    spent = sum((Decimal(p.get("budget_spent") or 0) for p in projects), Decimal(0))
    return [
        ("โครงการตามแผนนิเทศ", f"{len(projects):,} โครงการ"),
        ("งบประมาณตามแผน", _baht(total)),
        ("ใช้จ่ายแล้ว", f"{_baht(spent)} ({_percent(float(spent), float(total))})"),
        ("คงเหลือ", _baht(total - spent)),
    ]


def general_figures(fiscal_year: int) -> list[Row]:
    from schools.models import Cluster

    from .models import Resolution
    from .selectors import fiscal_year_progress

    progress = fiscal_year_progress(fiscal_year)
    start, end = thaidate.fiscal_year_range(fiscal_year)
    resolutions = Resolution.objects.filter(
        item__meeting__date__range=(start, end), item__meeting__body__kind=BodyKind.KTPN
    ).aggregate(n=Count("pk"), done=Count("pk", filter=Q(status=ResolutionStatus.DONE)))
    return [
        ("กลุ่มโรงเรียน (เครือข่ายสถานศึกษา)", f"{Cluster.objects.filter(is_active=True).count():,} กลุ่ม"),
        ("การประชุม ก.ต.ป.น.", f"ประชุมแล้ว {progress['held']} จากเป้าหมาย {progress['target']} ครั้ง"),
        ("มติที่ประชุม", f"{resolutions['n']:,} เรื่อง ดำเนินการแล้วเสร็จ {resolutions['done']:,} เรื่อง"),
    ]


FIGURES = {
    Domain.ACADEMIC: academic_figures,
    Domain.PERSONNEL: personnel_figures,
    Domain.BUDGET: budget_figures,
    Domain.GENERAL: general_figures,
}


TEXT_PARTS = tuple((key, DomainInformation._meta.get_field(key).verbose_name) for key in TEXT_FIELDS)


def _parts(entry: DomainInformation | None) -> list[dict]:
    """The typed text as printed: each part's non-empty lines (the facts are left out when none were typed)."""
    parts = []
    for key, label in TEXT_PARTS:
        text = getattr(entry, key, "") if entry else ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines or key != "facts":
            parts.append({"key": key, "label": label, "lines": lines})
    return parts


def information_chapter(fiscal_year: int) -> list[dict]:
    """The four domains in order, each with the typed text (None when not written yet), its printed parts
    and its figures."""
    from .selectors import information_entries

    typed = information_entries(fiscal_year)
    return [
        {"domain": value, "label": label, "number": n, "entry": typed.get(value), "parts": _parts(typed.get(value)),
         "figures": FIGURES[value](fiscal_year)}
        for n, (value, label) in enumerate(Domain.choices, start=1)
    ]  # fmt: skip
