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
    append_pdfs: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    label: str  # Thai, shown in "my documents"
    build: Callable[[DocumentJob, ProgressFn], RenderedDocument]
    can_request: Callable[[object, dict], bool]
    title: Callable[[dict], str] | None = None
    # Turns submitted form data into params; raises ValidationError with a Thai message.
    parse_params: Callable[[dict], dict] | None = None

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


_SARA_AM = re.compile("([\u0e48-\u0e4b]?)\u0e33")
_DECOMPOSED_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def decompose_sara_am(text: str) -> str:
    """Write ำ as NIKHAHIT + SARA AA (NIKHAHIT before any tone mark), as HarfBuzz shapes it.

    WeasyPrint gives each glyph one ToUnicode string. HarfBuzz's Thai shaper splits
    ำ into the NIKHAHIT and SARA AA glyphs, so the SARA AA glyph would be mapped to
    "ำ" or "า" by whichever came first, and copying text out of the PDF would turn
    every า into ำ (or the reverse). Decomposing first keeps one glyph per character;
    the printed page is pixel-identical.
    """
    return _SARA_AM.sub("\u0e4d\\1\u0e32", text)


def recompose_sara_am(text: str) -> str:
    """Inverse of decompose_sara_am, for reading text back out of our PDFs."""
    return _DECOMPOSED_SARA_AM.sub("\\1\u0e33", text)


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
        "printed_on": thaidate.format_full(thaidate.today()),
        **context,
    }
    html = decompose_sara_am(render_to_string(template, full_context))
    return thaidate.thai_digits_html(html) if office.thai_numerals else html


def html_to_pdf(html: str, append_pdfs: list[Path] | None = None) -> bytes:
    """Render HTML to PDF bytes with WeasyPrint; append other PDFs after it if given."""
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    if not append_pdfs:
        return pdf
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.append(io.BytesIO(pdf))
    for path in append_pdfs:
        writer.append(str(path))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
