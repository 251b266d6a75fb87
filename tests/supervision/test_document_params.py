"""What a supervision document is asked for: said in Thai when it is missing (one check for every kind)."""

from __future__ import annotations

import pytest

from core import documents

# Importing the modules registers their kinds.
from supervision import documents as supervision_documents  # noqa: F401
from supervision.reports import result  # noqa: F401


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        ("supervision.visit_record", "ไม่ได้ระบุบันทึกการนิเทศ"),
        ("supervision.supervisor_summary", "ไม่ได้ระบุปีงบประมาณ"),
        ("supervision.project_document", "ไม่ได้ระบุโครงการ"),
        ("supervision.project_result", "ไม่ได้ระบุโครงการ"),
        ("supervision.plan_document", "ไม่ได้ระบุแผนนิเทศ"),
    ],
)
def test_a_document_asked_for_without_its_id_says_in_thai_what_is_missing(kind, missing):
    with pytest.raises(documents.DocumentError, match=f"^{missing}$"):
        documents.get_kind(kind).parse_params({"project": "โครงการพัฒนาคุณภาพ"})


def test_the_ids_a_document_is_asked_for_are_read_as_numbers():
    assert documents.get_kind("supervision.project_result").parse_params({"project": "12"}) == {"project": 12}
    summary = documents.get_kind("supervision.supervisor_summary").parse_params({"fiscal_year": "2570", "user": "7"})
    assert summary == {"fiscal_year": 2570, "user": 7}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["supervision.project_document", "supervision.project_result"])
def test_a_project_that_is_gone_is_reported_in_thai(kind):
    class Job:
        params = {"project": 999_999}

    with pytest.raises(documents.DocumentError, match="^ไม่พบโครงการนี้$"):
        documents.get_kind(kind).build(Job(), lambda *args: None)
