"""A document kind that renders slowly, for the worker-resilience tests.

Imported by the test process (to request it) and by the worker subprocess (`celery ... -I
tests.core.slow_document`) so both know the kind. It builds a real PDF after sleeping in
steps, reporting progress like the real kinds do.
"""

from __future__ import annotations

import time

from core import documents
from core.models import DocumentJob

SLOW = "tests.slow_document"
TITLE = "รายงานผลการนิเทศ ติดตาม และประเมินผลการจัดการศึกษาของสถานศึกษาในสังกัด (ทดสอบงานช้า)"


def _build(job: DocumentJob, progress: documents.ProgressFn) -> documents.RenderedDocument:
    seconds = float(job.params.get("seconds", 6))
    steps = max(1, int(seconds * 4))
    for step in range(steps):
        time.sleep(seconds / steps)
        progress(5 + int(70 * step / steps), f"กำลังรวบรวมข้อมูล ขั้นที่ {step + 1}")
    html = documents.render_html("documents/school_directory.html", {"groups": [], "title": TITLE, "total": 0})
    return documents.RenderedDocument(html=html, filename=f"slow-{job.pk}.pdf")


def register() -> None:
    documents.register(
        documents.DocumentKind(
            kind=SLOW,
            label=TITLE,
            build=_build,
            can_request=lambda user, params: True,
            title=lambda params: TITLE,
            parse_params=lambda data: {"seconds": float(data.get("seconds") or 6)},
        )
    )


def unregister() -> None:
    documents._REGISTRY.pop(SLOW, None)


register()
