"""Background documents of the QA app: the district SAR synthesis (สรุปรายงานผลการประเมินตนเองระดับเขตพื้นที่)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from core import documents

from . import access
from .synthesis import build


def _params(data: dict) -> dict:
    year = str(data.get("year", "")).strip()
    if not (year.isdigit() and 2500 <= int(year) <= 2700):
        raise ValidationError("กรุณาระบุปีการศึกษา (พ.ศ.) เช่น 2568")
    return {"year": int(year)}


def _title(params: dict) -> str:
    return f"สรุปผลการประเมินตนเองของสถานศึกษา (SAR) ระดับเขตพื้นที่ ปีการศึกษา {params.get('year', '')}"


def _build(job, progress) -> documents.RenderedDocument:  # noqa: ANN001
    year = int(job.params.get("year", 0))
    progress(10, "กำลังสังเคราะห์ผลการประเมินตนเอง")
    data = build(year)
    if not data.sars:
        raise documents.DocumentError(f"ยังไม่มี SAR ปีการศึกษา {year} ที่ส่งแล้ว")
    progress(50, "กำลังจัดรูปแบบเอกสาร")
    html = documents.render_html("documents/qa_sar_synthesis.html", {"data": data, "title": job.title, "year": year})
    return documents.RenderedDocument(html=html, filename=f"sar-synthesis-{year}.pdf")


documents.register(
    documents.DocumentKind(
        kind="qa.sar_synthesis",
        label="สรุปผลการประเมินตนเองของสถานศึกษา ระดับเขตพื้นที่",
        build=_build,
        can_request=lambda user, params: access.can_read(user),
        title=_title,
        parse_params=_params,
    )
)
