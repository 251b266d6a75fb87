"""Background documents of the QA app: the district SAR synthesis (สรุปรายงานผลการประเมินตนเองระดับเขตพื้นที่)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from core import documents, thaidate

from . import access
from .models import EducationLevel, Level
from .synthesis import Synthesis, build

# How a standard of each level is named where both levels share a table (codes repeat: ปฐมวัย 1, ขั้นพื้นฐาน 1).
SHORT_LEVEL = {EducationLevel.EARLY_CHILDHOOD: "ปฐมวัย", EducationLevel.BASIC: "ขั้นพื้นฐาน"}


def by_education_level(data: Synthesis) -> list[dict]:
    """The standards split by education level, early childhood first, each with its heading."""
    groups = []
    for level in EducationLevel:
        stats = [s for s in data.standards if s.standard.standard_set.education_level == level]
        if stats:
            groups.append({"level": level, "label": level.label, "short": SHORT_LEVEL[level], "standards": stats,
                           "main": [s for s in stats if not s.standard.parent_id]})  # fmt: skip
    return groups


def below_good_rows(data: Synthesis) -> list[dict]:
    """Section 4: each school's standards below ดี, named with their level ("ปฐมวัย 2 (ปานกลาง)")."""
    return [
        {"school": row.school, "standards": [
            f"{SHORT_LEVEL.get(std.standard_set.education_level, '')} {std.code} ({Level(level).label})".strip()
            for std, level in row.standards
        ]}
        for row in data.below_good
    ]  # fmt: skip


def _params(data: dict) -> dict:
    year = thaidate.be_year(data.get("year"))
    if year is None:
        raise ValidationError("กรุณาระบุปีการศึกษา (พ.ศ.) เช่น 2568")
    return {"year": year}


def _title(params: dict) -> str:
    return f"สรุปผลการประเมินตนเองของสถานศึกษา (SAR) ระดับเขตพื้นที่ ปีการศึกษา {params.get('year', '')}"


def _build(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    year = int(job.params.get("year", 0))
    progress(10, "กำลังสังเคราะห์ผลการประเมินตนเอง")
    data = build(year)
    if not data.sars:
        raise documents.DocumentError(f"ยังไม่มี SAR ปีการศึกษา {year} ที่ส่งแล้ว")
    progress(50, "กำลังจัดรูปแบบเอกสาร")
    html = documents.render_html("documents/qa_sar_synthesis.html", {
        "data": data, "groups": by_education_level(data), "below_good": below_good_rows(data),
        "title": job.title, "year": year,
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"sar-synthesis-{year}.pdf")


documents.register(
    documents.DocumentKind(
        kind="qa.sar_synthesis",
        label="สรุปผลการประเมินตนเองของสถานศึกษา ระดับเขตพื้นที่",
        build=_build,
        can_request=lambda user, params: access.can_read(user),
        title=_title,
        parse_params=_params,
        publishable=True,
    )
)
