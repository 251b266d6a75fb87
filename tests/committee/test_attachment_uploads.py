"""Agenda attachments keep a long Thai name for people while the disk gets a short generated one."""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from committee import services
from committee.models import AgendaAttachment

# 90 Thai characters: 3 bytes each in UTF-8, over the 255-byte name limit of ext4 and most disks.
LONG_THAI = "สรุปผลการดำเนินงานตามแผนนิเทศติดตามและประเมินผลการจัดการศึกษาขั้นพื้นฐานสำนักงานเขตพื้นที่.pdf"
STORED = re.compile(r"^committee/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")


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


@pytest.fixture
def item(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 5, 1))
    return services.item_add(user=secretary, meeting=meeting, section=4, title="รายงานผลการนิเทศภาคเรียนที่ 1")


def test_the_long_name_is_over_the_disk_limit():
    assert len(LONG_THAI) < 255 < len(LONG_THAI.encode())


@pytest.mark.parametrize(
    ("name", "kept"),
    [(LONG_THAI, LONG_THAI), ("ค" * 296 + ".pdf", "ค" * 251 + ".pdf")],
    ids=["90-thai-characters", "300-characters"],
)
def test_a_long_thai_name_is_stored_shown_and_downloaded(secretary, client_for, item, name, kept):
    pdf = _pdf()
    client = client_for(secretary)
    response = client.post(
        reverse("committee:attachment_add", args=[item.pk]),
        {"file": SimpleUploadedFile(name, pdf, content_type="application/pdf"), "title": ""},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    att = AgendaAttachment.objects.get(item=item)
    assert att.original_name == kept and att.title == kept[:300]
    assert STORED.match(att.file.name), att.file.name
    assert att.file.storage.exists(att.file.name)
    page = client.get(reverse("committee:item_edit", args=[item.pk])).content.decode()
    assert kept in page
    download = client.get(reverse("committee:attachment_download", args=[att.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf
    assert _filename_in(download) == kept


def test_a_title_given_is_shown_and_the_file_keeps_its_own_name(secretary, client_for, item):
    client = client_for(secretary)
    client.post(
        reverse("committee:attachment_add", args=[item.pk]),
        {"file": SimpleUploadedFile(LONG_THAI, _pdf()), "title": "แผนนิเทศ ปีงบประมาณ 2570"},
    )
    att = AgendaAttachment.objects.get(item=item)
    assert att.title == "แผนนิเทศ ปีงบประมาณ 2570" and att.original_name == LONG_THAI
    page = client.get(reverse("committee:item_edit", args=[item.pk])).content.decode()
    assert "แผนนิเทศ ปีงบประมาณ 2570" in page and LONG_THAI in page
    assert _filename_in(client.get(reverse("committee:attachment_download", args=[att.pk]))) == LONG_THAI
