"""Fixtures of the correspondence tests."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import OfficeProfile
from correspondence import services


@pytest.fixture
def office(db):
    profile = OfficeProfile.get()
    profile.letter_code = "ศธ 04123"
    profile.save()
    return profile


@pytest.fixture
def pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def pdf_upload(pdf_bytes):
    def make(name: str = "scan.pdf") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, pdf_bytes, content_type="application/pdf")

    return make


@pytest.fixture
def incoming(users, office):
    """register incoming letters as the clerk: incoming(subject=..., secrecy=...)"""

    def make(**kwargs):
        data = {"subject": "ขอเชิญประชุมผู้บริหารสถานศึกษา", "sender": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
                "recipient_text": "ผู้อำนวยการกลุ่มนิเทศฯ", "external_no": "ศธ 04010/ว 1234"}  # fmt: skip
        data.update(kwargs)
        return services.letter_register_incoming(user=kwargs.pop("user", None) or users["clerk"], **data)

    return make
