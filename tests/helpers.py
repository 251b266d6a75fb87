"""Helpers for tests: read a PDF's text back, log in through the browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from core.documents import recompose_sara_am


def pdf_text(path: str | Path) -> str:
    """The text of a PDF as a reader would copy it, with whitespace folded.

    Uses poppler's pdftotext when installed, else pypdf.
    """
    if shutil.which("pdftotext"):
        raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    else:
        from pypdf import PdfReader

        raw = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", recompose_sara_am(raw))


def compact(text: str) -> str:
    """Text without whitespace, to compare a phrase with pdf_compact()."""
    return re.sub(r"\s+", "", text)


def pdf_compact(path: str | Path) -> str:
    """The PDF's text with all whitespace removed: Thai has no word spaces, so a
    phrase wrapped across lines or table cells still matches as one string."""
    return compact(pdf_text(path))


def pdf_page_count(path: str | Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def browser_login(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def unique_violation(table: str, *columns: str) -> str:
    """A `pytest.raises(IntegrityError, match=...)` pattern for a unique constraint on exactly these
    columns, as SQLite words it ("UNIQUE constraint failed: t.a, t.b") or PostgreSQL does
    ('duplicate key value violates unique constraint "…"' + 'DETAIL:  Key (a, b)=(…) already exists.')."""
    sqlite = re.escape("UNIQUE constraint failed: " + ", ".join(f"{table}.{c}" for c in columns)) + "$"
    postgres = r"duplicate key value violates unique constraint .*\n.*Key " + re.escape(f"({', '.join(columns)})=")
    return f"{sqlite}|{postgres}"
