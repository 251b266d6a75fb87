"""SAR and ONESQA report files keep the school's long Thai file name; the disk gets a generated one."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from qa import services

# 90 Thai characters: 3 bytes each in UTF-8, over the 255-byte name limit of ext4 and most disks.
LONG_THAI = "รายงานผลการประเมินตนเองของสถานศึกษาโรงเรียนบ้านหนองบัวทองวิทยาคารปีการศึกษาสองห้าหกแปด.pdf"


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _filename_in(response) -> str:
    match = re.search(r"filename\*=utf-8''(\S+)", response["Content-Disposition"], re.I)
    assert match, response["Content-Disposition"]
    return unquote(match.group(1))


def test_the_long_name_is_over_the_disk_limit():
    assert len(LONG_THAI) < 255 < len(LONG_THAI.encode())


@pytest.mark.parametrize(
    ("name", "kept"),
    [(LONG_THAI, LONG_THAI), ("ง" * 296 + ".pdf", "ง" * 251 + ".pdf")],
    ids=["90-thai-characters", "300-characters"],
)
def test_a_sar_file_with_a_long_thai_name_through_the_form(draft, school_user, client_for, name, kept):
    pdf = _pdf()
    client = client_for(school_user)
    data = {f"level_{r.standard_id}": "3" for r in draft.ratings.all()}
    data.update(strengths="ครูทุ่มเท", to_develop="การอ่าน", development_plan="โครงการรักการอ่าน")
    data["file"] = SimpleUploadedFile(name, pdf, content_type="application/pdf")
    response = client.post(reverse("qa:sar_edit", args=[draft.pk]), data)
    assert response.status_code == 302, response.content.decode()[:500]
    draft.refresh_from_db()
    assert draft.original_name == kept
    assert re.match(r"^qa/sar/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$", draft.file.name), draft.file.name
    assert draft.file.storage.exists(draft.file.name)
    assert kept in client.get(reverse("qa:sar_edit", args=[draft.pk])).content.decode()
    assert kept[:57] in client.get(reverse("qa:sar_detail", args=[draft.pk])).content.decode()
    download = client.get(reverse("qa:sar_file", args=[draft.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf
    assert _filename_in(download) == kept


def test_an_onesqa_report_keeps_its_name(users, school, client_for):
    report = services.external_save(
        user=users["supervisor"], school=school, round_name="รอบที่ 5", assessment_year=2568, levels={},
        overall_result="ได้รับการรับรอง", file=SimpleUploadedFile(LONG_THAI, _pdf()),
    )  # fmt: skip
    assert report.original_name == LONG_THAI
    assert re.match(r"^qa/external/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$", report.file.name), report.file.name
    client = client_for(users["supervisor"])
    assert LONG_THAI in client.get(reverse("qa:external_detail", args=[report.pk])).content.decode()
    assert _filename_in(client.get(reverse("qa:external_file", args=[report.pk]))) == LONG_THAI
