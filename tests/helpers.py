"""Helpers for tests: read a PDF's text back, log in through the browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


def pdf_text(path: str | Path) -> str:
    """The text of a PDF as a reader would copy it, with whitespace folded.

    Uses poppler's pdftotext when installed, else pypdf.
    """
    if shutil.which("pdftotext"):
        raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    else:
        from pypdf import PdfReader

        raw = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", raw)


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


def render_document(user, kind: str, data: dict, django_capture_on_commit_callbacks) -> Path:
    """Ask for a document as the page would (the kind's own params_from), run it, and return the PDF's path."""
    from core import documents
    from core import services as core_services
    from core.models import DocumentJob

    params = documents.get_kind(kind).params_from(data)
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind=kind, params=params)
    job = DocumentJob.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    return Path(job.result.path)


def save_page_png(path: Path, name: str, page: int = 1) -> None:
    """A page as a PNG for reviewers: var/test/printouts/<name>-p<page>.png."""
    from django.conf import settings

    out = Path(settings.BASE_DIR) / "var" / "test" / "printouts"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(out / f"{name}-p{page}")], check=True)  # fmt: skip


# A <word> of `pdftotext -bbox` that starts with a Thai vowel or tone mark, ำ included.
_SPLIT_WORD = re.compile(r'(<word xMin="[\d.]+" yMin="([\d.]+)") xMax="[\d.]+"( yMax="[\d.]+">[^<]*)</word>\s*'
                         r'<word xMin="[\d.]+" yMin="\2" xMax="([\d.]+)" yMax="[\d.]+">([\u0e31\u0e33-\u0e3a\u0e47-\u0e4e])')  # fmt: skip


def pdftotext_bbox(*args: str | Path) -> str:
    """`pdftotext -bbox ARGS -`, with a word poppler cut before ำ glued back ("ผู้อ" + "ำนวยการ").

    The print fonts map the NIKHAHIT of ำ to no text (its SARA AA carries "ำ"); poppler's word
    finder then starts a new word at the ำ when a mark came earlier in the word. The text itself
    (pdftotext -raw, pypdf) is whole; only the word boxes are cut."""
    out = subprocess.run(
        ["pdftotext", "-bbox", *map(str, args), "-"], capture_output=True, text=True, check=True
    ).stdout
    return _SPLIT_WORD.sub(lambda m: f'{m.group(1)} xMax="{m.group(4)}"{m.group(3)}{m.group(5)}', out)


def pdf_words(path: Path) -> list[tuple[str, float]]:
    """Each word pdftotext -bbox finds, with the top of its box; brackets dropped, so a signer's
    "(นางสาว… …)" compares as the name."""
    html = pdftotext_bbox(path)
    found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', html)
    return [(word.strip("()"), float(top)) for top, word in found]


def on_one_line(path: Path, phrase: str) -> bool:
    """Every word of the phrase printed whole, next to each other on one line (never split by a line break)."""
    words, parts = pdf_words(path), [part.strip("()") for part in phrase.split()]
    for i in range(len(words) - len(parts) + 1):
        window = words[i : i + len(parts)]
        if [w for w, _ in window] == parts and len({top for _, top in window}) == 1:
            return True
    return False
