from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core import uploads

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"\x00" * 64


def test_it_returns_the_type_found_in_the_content():
    assert uploads.check_upload(SimpleUploadedFile("scan.png", PNG), allowed=uploads.SCANS) == "image/png"
    # A real PNG under a meaningless name is still a PNG.
    assert uploads.check_upload(SimpleUploadedFile("scan.bin", PNG), allowed=uploads.SCANS) == "image/png"


@pytest.mark.parametrize(
    ("name", "content", "allowed", "message"),
    [
        ("scan.pdf", b"MZ\x90\x00" + b"\x00" * 64, uploads.SCANS, "ไฟล์ “scan.pdf” ไม่ใช่ PDF จริง"),
        ("scan.pdf", PNG, uploads.SCANS, "ไฟล์ “scan.pdf” ไม่ใช่ PDF จริง"),
        ("notes.txt", b"hello", uploads.SCANS, "ไม่ใช่ชนิดที่รับได้ (รับเฉพาะ PDF, JPEG, PNG)"),
        ("photo.png", PNG, uploads.PDF, "ต้องเป็นไฟล์ PDF"),
        ("empty.pdf", b"", uploads.PDF, "ว่างเปล่า"),
    ],
)
def test_it_refuses_by_content_with_a_thai_message(name, content, allowed, message):
    with pytest.raises(ValidationError, match=re.escape(message)) as err:
        uploads.check_upload(SimpleUploadedFile(name, content), allowed=allowed)
    assert "ระบบตรวจจากเนื้อไฟล์" in err.value.messages[0] or message == "ว่างเปล่า"


def test_it_refuses_files_over_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.pdf", PDF + b"\x00" * (1024 * 1024))
    with pytest.raises(ValidationError, match="เกินที่กำหนด 1 MB"):
        uploads.check_upload(big, allowed=uploads.PDF)


def test_the_file_can_be_read_again_after_the_check():
    upload = SimpleUploadedFile("scan.pdf", PDF)
    uploads.check_upload(upload, allowed=uploads.PDF)
    assert upload.read(5) == b"%PDF-"
