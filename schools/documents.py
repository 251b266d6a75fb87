"""Background documents of the schools app: the school directory (ทำเนียบสถานศึกษา)."""

from __future__ import annotations

import re

from core import documents, thaidate
from core.models import DocumentJob
from core.roles import Role, has_role, is_office_staff

from . import selectors
from .models import Cluster

DIRECTORY = "schools.school_directory"


def _directory_params(data: dict) -> dict:
    cluster = data.get("cluster") or ""
    return {"cluster": int(cluster)} if str(cluster).isdigit() else {}


def _directory_title(params: dict) -> str:
    base = "ทำเนียบสถานศึกษาแยกตามกลุ่มโรงเรียน"
    if params.get("cluster"):
        cluster = Cluster.objects.filter(pk=params["cluster"]).first()
        return f"{base} ({cluster.name})" if cluster else base
    return base


def phone_parts(phone: str) -> list[str]:
    """The numbers in a phone field, each printed whole: "0 4561 2345, 08 1234 5678 ต่อ 12" →
    ["0 4561 2345,", "08 1234 5678", "ต่อ 12"] (a line may break between them, never inside one)."""
    return [part.strip() for part in re.split(r"(?<=[,;/])|(?=ต่อ\s*\d)", phone or "") if part.strip()]


def _build_directory(job: DocumentJob, progress: documents.ProgressFn) -> documents.RenderedDocument:
    progress(10, "กำลังรวบรวมรายชื่อสถานศึกษา")
    groups = selectors.school_directory(job.params.get("cluster"))
    progress(50, "กำลังจัดรูปแบบเอกสาร")
    rows = [(cluster, [{"school": s, "phones": phone_parts(s.phone)} for s in schools]) for cluster, schools in groups]
    html = documents.render_html(
        "documents/school_directory.html",
        {"groups": rows, "title": job.title, "total": sum(len(s) for _, s in groups)},
    )
    return documents.RenderedDocument(html=html, filename=f"school-directory-{thaidate.today():%Y%m%d}.pdf")


documents.register(
    documents.DocumentKind(
        kind=DIRECTORY,
        label="ทำเนียบสถานศึกษาแยกตามกลุ่มโรงเรียน",
        build=_build_directory,
        can_request=lambda user, params: is_office_staff(user) or has_role(user, Role.MEMBER),
        title=_directory_title,
        parse_params=_directory_params,
        publishable=True,
    )
)
