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


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free local port, with Django's SMTP backend pointed at it.

    Yields the list of messages it received, as (envelope recipients, email.message.EmailMessage).
    """
    import socket
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    received: list = []

    class Handler:
        async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
            received.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default)))
            return "250 Message accepted for delivery"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "saraban@office.test"
    try:
        yield received
    finally:
        controller.stop()
