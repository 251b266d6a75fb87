"""`make run MAIL=1`: the development SMTP server prints each e-mail the app sends, Thai decoded."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

from django.core.mail import EmailMultiAlternatives, get_connection

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"dev SMTP did not listen on {port}")


def test_the_development_smtp_server_prints_a_thai_message_decoded():
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "scripts/dev_smtp.py", str(port)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        _wait_for(port)
        connection = get_connection(
            "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=port, use_tls=False, use_ssl=False
        )
        message = EmailMultiAlternatives(
            "เสนอหนังสือ: ขอให้รายงานผลการสอบ O-NET", "เรียน ผู้อำนวยการกลุ่มนิเทศฯ\nมีหนังสือด่วนที่สุดรอพิจารณา",
            "saraban@localhost", ["director@office.test"], connection=connection,
        )  # fmt: skip
        message.attach_alternative("<p>มีหนังสือด่วนที่สุดรอพิจารณา</p>", "text/html")
        assert message.send() == 1
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert "อีเมลถึง: director@office.test" in output
    assert "เรื่อง: เสนอหนังสือ: ขอให้รายงานผลการสอบ O-NET" in output
    assert "มีหนังสือด่วนที่สุดรอพิจารณา" in output
