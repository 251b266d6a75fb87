"""Evidence files keep a long Thai name for people while the disk gets a short generated one."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from supervision import services
from supervision.models import Evidence, PhaseNote, Project

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"\x00" * 64
# 90 Thai characters: 3 bytes each in UTF-8, so over the 255-byte name limit of ext4 and most disks.
LONG_THAI = "รายงานผลการนิเทศติดตามการจัดการเรียนการสอนภาษาไทยโรงเรียนบ้านหนองบัวทองวิทยาคารภาคเรียนแรก.pdf"
STORED = re.compile(r"^supervision/(visits|pdca)/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")


def _filename_in(response) -> str:
    header = response["Content-Disposition"]
    match = re.search(r"filename\*=utf-8''(\S+)", header, re.I)
    assert match, header
    return unquote(match.group(1))


@pytest.fixture
def draft(make_visit):
    return make_visit("draft", scores=None)


def test_the_long_name_is_over_the_disk_limit():
    assert len(LONG_THAI) < 255 < len(LONG_THAI.encode())


@pytest.mark.parametrize(
    ("name", "kept"),
    [(LONG_THAI, LONG_THAI), ("ข" * 296 + ".pdf", "ข" * 251 + ".pdf")],
    ids=["85-thai-characters", "300-characters"],
)
def test_a_long_thai_name_is_stored_shown_and_downloaded(users, client_for, draft, name, kept):
    supervisor = client_for(users["supervisor"])
    response = supervisor.post(
        reverse("supervision:evidence_upload", args=[draft.pk]),
        {"file": SimpleUploadedFile(name, PDF, content_type="application/pdf"), "caption": "รายงานผล"},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get(visit=draft)
    assert evidence.original_name == kept and len(kept) <= 255
    assert STORED.match(evidence.file.name), evidence.file.name
    assert evidence.file.storage.exists(evidence.file.name)
    page = supervisor.get(reverse("supervision:visit_edit", args=[draft.pk]))
    assert kept in page.content.decode()
    download = supervisor.get(reverse("supervision:evidence_download", args=[evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert _filename_in(download) == kept


def test_two_files_with_the_same_name_do_not_overwrite_each_other(users, draft):
    supervisor = users["supervisor"]
    first = services.evidence_add(user=supervisor, visit=draft, upload=SimpleUploadedFile("ภาพ.pdf", PDF))
    second = services.evidence_add(user=supervisor, visit=draft, upload=SimpleUploadedFile("ภาพ.pdf", PDF + b"2"))
    assert first.file.name != second.file.name
    assert first.original_name == second.original_name == "ภาพ.pdf"
    assert second.file.read() == PDF + b"2"


def test_a_pdca_note_keeps_the_evidence_name_for_its_download(users, client_for, school):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    project = Project.objects.create(plan=plan, order=1, name="การนิเทศแบบบูรณาการ", objectives="ข้อหนึ่ง")
    note = services.phase_note_add(
        user=users["director"], project=project, note="ประชุมวางแผนร่วมกับโรงเรียนในกลุ่ม",
        evidence=SimpleUploadedFile(LONG_THAI, PDF),
    )  # fmt: skip
    note = PhaseNote.objects.get(pk=note.pk)
    assert note.evidence_name == LONG_THAI and STORED.match(note.evidence.name)
    response = client_for(users["director"]).get(reverse("supervision:phase_note_evidence", args=[note.pk]))
    assert response.status_code == 200 and _filename_in(response) == LONG_THAI
    page = client_for(users["director"]).get(reverse("supervision:project_detail", args=[project.pk]))
    assert LONG_THAI[:50] in page.content.decode()
