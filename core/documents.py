"""Registry of background documents and the PDF renderer they share.

Each app registers its document kinds in its AppConfig.ready():

    documents.register(DocumentKind(kind="schools.school_directory", ...))

A kind's `build(job, progress)` returns a RenderedDocument (HTML, file name and
optional PDFs to append); `core.tasks.render_document` turns it into a PDF file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files import File
from django.template.loader import render_to_string

from . import thaidate

if TYPE_CHECKING:
    from .models import DocumentJob

ProgressFn = Callable[[int, str], None]


class DocumentError(Exception):
    """A document cannot be built from its parameters; the message is Thai and shown to the user."""


@dataclass
class RenderedDocument:
    html: str
    filename: str
    append_pdfs: list[Path | File] = field(default_factory=list)  # files on disk, or stored files (FieldFile)


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    label: str  # Thai, shown in "my documents"
    build: Callable[[DocumentJob, ProgressFn], RenderedDocument]
    can_request: Callable[[object, dict], bool]
    title: Callable[[dict], str] | None = None
    # Turns submitted form data into params; raises ValidationError with a Thai message.
    parse_params: Callable[[dict], dict] | None = None
    # An official record kept on file: printed as PDF/A (archival, text layer searchable).
    archival: bool = False
    # Fit to publish (committee.services.publications): a document made for schools or the public. Registers,
    # visit records and personal summaries are internal, and a register may carry secret entries.
    publishable: bool = False

    def params_from(self, data: dict) -> dict:
        return self.parse_params(data) if self.parse_params else {}

    def title_for(self, params: dict) -> str:
        return self.title(params) if self.title else self.label


_REGISTRY: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> None:
    _REGISTRY[kind.kind] = kind


def get_kind(kind: str) -> DocumentKind:
    try:
        return _REGISTRY[kind]
    except KeyError:
        raise DocumentError(f"ไม่รู้จักเอกสารชนิด {kind}") from None


def registered_kinds() -> dict[str, DocumentKind]:
    return dict(_REGISTRY)


def publishable_kinds() -> list[str]:
    """The kinds of generated document that may be published (DocumentKind.publishable)."""
    return [name for name, kind in _REGISTRY.items() if kind.publishable]


# NIKHAHIT + SARA AA typed as two characters, the tone mark before or after the NIKHAHIT.
_DECOMPOSED_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32|([\u0e48-\u0e4b])\u0e4d\u0e32")


def recompose_sara_am(text: str) -> str:
    """Write every ำ as the one character U+0E33, however it was typed ("ํา", "ํ้า" or "้ํา").

    render_html does this to every document: the print fonts (Sarabun Print, built by
    scripts/build_print_fonts.py) map the glyphs HarfBuzz shapes for U+0E33 back to "ำ" in the
    PDF's text layer, so copying and searching give the Thai the user typed. A decomposed ำ
    would print the same but could turn every ำ in the PDF's text into "ํา". Also reads text
    out of PDFs printed before the print fonts (they wrote ำ as NIKHAHIT + SARA AA).
    """
    return _DECOMPOSED_SARA_AM.sub(lambda m: (m.group(1) or m.group(2) or "") + "\u0e33", text)


def render_html(template: str, context: dict) -> str:
    """Render a document template with the office, fonts and print date filled in.

    Documents extend templates/documents/base.html, which sets A4, the Sarabun font,
    the 3 cm / 2 cm margins, the office name in the header and "หน้า x / y".
    """
    from .models import OfficeProfile

    office = OfficeProfile.get()
    full_context = {
        "office": office,
        "font_dir": Path(settings.FONT_DIR).as_uri(),
        "logo_uri": _logo_uri(office),
        "printed_on": thaidate.format_full(thaidate.today()),
        **context,
    }
    html = recompose_sara_am(render_to_string(template, full_context))
    return thai_numerals_everywhere(html) if office.thai_numerals else html


def _logo_uri(office: object) -> str:
    from .storage import media_uri

    return media_uri(getattr(office, "logo", None))


_STYLE = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.S | re.I)
_URL_OPEN = re.compile(r"url\(\s*$", re.I)
_CSS_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")
# counter(page) / counters(x, ".") / target-counter(attr(href), page) with no style, or with decimal.
_CSS_COUNTER = re.compile(r"\b(counter|target-counter)\(((?:[^()]|\([^()]*\))*?)(?:,\s*decimal\s*)?\)", re.I)


def _thai_counter(match: re.Match) -> str:
    func, args = match.group(1), match.group(2)
    expected = 2 if func.lower() == "target-counter" else 1
    depth, commas = 0, 0
    for ch in args:
        depth += ch == "("
        depth -= ch == ")"
        commas += ch == "," and depth == 0
    if commas + 1 > expected:  # already has its own style (e.g. thai-alpha, lower-roman)
        return match.group(0)
    return f"{func}({args}, thai)"


def _thai_css(css: str) -> str:
    """Thai digits inside CSS strings (content: "หน้า 1") and counters printed with the thai style."""
    out, pos = [], 0
    for m in _CSS_STRING.finditer(css):
        before = css[pos : m.start()]
        out.append(_CSS_COUNTER.sub(_thai_counter, before))
        # A url("…") is a file path (fonts, the logo): its digits must stay as they are.
        out.append(m.group(0) if _URL_OPEN.search(before) else thaidate.thai_digits(m.group(0)))
        pos = m.end()
    out.append(_CSS_COUNTER.sub(_thai_counter, css[pos:]))
    return "".join(out)


def thai_numerals_everywhere(html: str) -> str:
    """Thai numerals on the whole page: text, and in <style> the generated-content strings and
    counters (page numbers, running headers and footers, table-of-contents targets).

    Digits in CSS lengths, selectors and URLs are left alone: only quoted strings and counter()
    calls change.
    """
    html = thaidate.thai_digits_html(html)
    return _STYLE.sub(lambda m: m.group(1) + _thai_css(m.group(2)) + m.group(3), html)


def _read_stored(stored: File) -> io.BytesIO:
    """A stored file's bytes (read through its storage: this disk or object storage)."""
    with stored.open("rb") as handle:
        return io.BytesIO(handle.read())


def html_to_pdf(html: str, append_pdfs: list[Path | File] | None = None, *, archival: bool = False) -> bytes:
    """Render HTML to PDF bytes with WeasyPrint; append other PDFs after it if given.

    `archival` (a DocumentKind flag for official records) writes PDF/A-3u: fonts embedded, every
    glyph mapped to Unicode, so the file stays readable and searchable in the archive. Appending
    other PDFs (scans) keeps the PDF/A identification but those pages are not checked.
    """
    from weasyprint import HTML

    options = {"pdf_variant": "pdf/a-3u"} if archival else {}
    pdf = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(**options)
    if not append_pdfs:
        return pdf
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.append(io.BytesIO(pdf))
    for item in append_pdfs:
        writer.append(str(item) if isinstance(item, Path) else _read_stored(item))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
