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


# --- Stored names and original names ------------------------------------------------


def test_a_stored_name_is_short_ascii_and_keeps_only_a_real_extension():
    name = uploads.stored_name("committee", "สรุปผลการดำเนินงานตามแผนนิเทศ.PDF")
    assert re.fullmatch(r"committee/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", name), name
    assert re.fullmatch(r"qa/sar/\d{4}/\d{2}/[0-9a-f]{32}", uploads.stored_name("qa/sar", "ไม่มีนามสกุล"))
    for odd in ("a.ชื่อไทย", "report.verylongextension", "a.p df", ".bashrc"):
        assert re.fullmatch(r"x/\d{4}/\d{2}/[0-9a-f]{32}", uploads.stored_name("x", odd)), odd
    assert uploads.stored_name("x", "a.pdf") != uploads.stored_name("x", "a.pdf")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("ก" * 296 + ".pdf", "ก" * 251 + ".pdf"),
        ("ข" * 300, "ข" * 255),
        ("ค" * 250 + ".ชื่อนามสกุลยาวเกิน", ("ค" * 250 + ".ชื่อนามสกุลยาวเกิน")[:255]),
        ("C:\\Users\\ครู\\Desktop\\แผนการสอน.docx", "แผนการสอน.docx"),
        ("../../etc/รายงาน.pdf", "รายงาน.pdf"),
        ("รายงาน\x00ผล\x1f.pdf", "รายงานผล.pdf"),
        ("", "ไฟล์"),
        ("\x00", "ไฟล์"),
    ],
)
def test_the_original_name_is_cut_by_characters_and_keeps_its_extension(given, kept):
    assert uploads.original_name(given) == kept
    assert len(uploads.original_name(given)) <= 255


def test_the_office_logo_with_a_long_thai_name_is_stored_under_a_generated_one(db):
    from core.models import OfficeProfile

    name = "ตราสัญลักษณ์สำนักงานเขตพื้นที่การศึกษาประถมศึกษาหนองบัวลำภูเขตหนึ่งฉบับปรับปรุงใหม่ล่าสุด.png"
    assert len(name.encode()) > 255
    profile = OfficeProfile.get()
    profile.logo.save(name, SimpleUploadedFile(name, PNG), save=True)
    profile.refresh_from_db()
    assert re.fullmatch(r"office/\d{4}/\d{2}/[0-9a-f]{32}\.png", profile.logo.name), profile.logo.name
    assert profile.logo.storage.exists(profile.logo.name)
