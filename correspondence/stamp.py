"""ตรารับหนังสือ (form 12): a copy of an incoming scan with the receive stamp on its first page.

The stamp is a box 5 × 2.5 cm, 1 cm from the top and the right edge of the first page as it is seen
(a page's /Rotate and the offset of its crop box are taken into account), holding the office's name,
เลขรับ, วันที่ and เวลา of the entry. WeasyPrint draws it as a one-page PDF the size of that page (so the
Thai is shaped like every other printout), and pypdf merges it onto the page. A JPEG or PNG scan is first
put on a PDF page of its own paper size, so the stamped copy of every scan is a PDF.

The original file is never written to: the copy goes to Attachment.stamped_file. When a scan cannot be
stamped (a broken PDF, or one locked with a password to open it), the entry is kept as it is, stamped_file stays empty, and a
RoutingStep "ประทับตรารับไม่ได้: …" tells the entry's page why.
"""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction

from core import thaidate
from core.documents import render_html
from core.models import OfficeProfile

from .models import Attachment, Letter, RoutingStep, StepKind

if TYPE_CHECKING:
    from pypdf import PdfReader
    from pypdf.generic import RectangleObject
    from weasyprint.document import Document

logger = logging.getLogger(__name__)

PT_PER_CM = 72 / 2.54
STAMP_CM = {"width": 5.0, "height": 2.5, "top": 1.0, "right": 1.0}  # size and place on the page, in cm
STAMPABLE_TYPES = ("application/pdf", "image/jpeg", "image/png")
A4_LONG_PT = 29.7 * PT_PER_CM
PROBLEM_PREFIX = "ประทับตรารับไม่ได้: "
_NAME_INNER_PT = STAMP_CM["width"] * PT_PER_CM - 8 - 2.4  # box width less padding and border
_EXIF_ORIENTATION, _EXIF_TURNED = 0x0112, (5, 6, 7, 8)  # orientations that swap width and height


class StampError(Exception):
    """A scan that cannot be stamped; the message is Thai and shown on the entry's page."""


@dataclass(frozen=True)
class StampText:
    number: str  # เลขรับ
    date: str  # วันที่, e.g. "21 พ.ย. 69"
    time: str  # เวลา, e.g. "09.30 น."


def stamp_text(letter: Letter) -> StampText:
    """What the stamp says for an entry: its receive number and the date and time it was registered (Bangkok)."""
    at = letter.registered_at.astimezone(thaidate.BANGKOK)
    return StampText(number=str(letter.number), date=thaidate.format_short(at), time=f"{at:%H.%M} น.")


def is_stampable(attachment: Attachment) -> bool:
    """A scan (PDF, JPEG, PNG) of a numbered entry of the receive register."""
    letter = attachment.letter
    return letter.register.is_incoming and letter.number is not None and attachment.content_type in STAMPABLE_TYPES


def stamp_attachment(attachment: Attachment) -> None:
    """Save a copy of the scan with the receive stamp on page 1 in attachment.stamped_file (a PDF).

    Raises StampError (Thai) when the scan cannot be read; the original file is only ever read.
    """
    with attachment.file.open("rb") as handle:
        data = handle.read()
    if attachment.content_type != "application/pdf":
        data = _image_page(data, attachment.content_type)
    stamped = stamp_pdf(data, stamp_text(attachment.letter))
    attachment.stamped_file.save("stamped.pdf", ContentFile(stamped), save=False)
    attachment.save(update_fields=["stamped_file"])


def stamp_received(*, attachment: Attachment, user: AbstractBaseUser) -> bool:
    """Stamp a newly attached scan of a received entry; a scan that cannot be stamped never stops the
    registration: the reason is recorded as a step of the entry instead. True when a copy was made."""
    if not is_stampable(attachment):
        return False
    try:
        with transaction.atomic():
            stamp_attachment(attachment)
        return True
    except StampError as error:
        reason = str(error)
    except Exception:  # noqa: BLE001 - whatever goes wrong here, the entry and its original file are kept
        logger.exception("receive stamp failed for attachment %s", attachment.pk)
        reason = "เกิดข้อผิดพลาดขณะสร้างฉบับประทับตรารับ"
    text = f"{PROBLEM_PREFIX}“{attachment.original_name}” {reason}"
    if not RoutingStep.objects.filter(letter=attachment.letter, kind=StepKind.ATTACHED, text=text).exists():
        RoutingStep.objects.create(letter=attachment.letter, kind=StepKind.ATTACHED, actor=user, text=text)
    return False


def stamp_problems(letter: Letter) -> list[str]:
    """Why scans of the entry still have no stamped copy ("ประทับตรารับไม่ได้: …"), for its page."""
    if not (letter.register.is_incoming and letter.number):
        return []
    scans = letter.attachments.filter(stamped_file="", content_type__in=STAMPABLE_TYPES)
    waiting = list(scans.values_list("original_name", flat=True))
    if not waiting:
        return []
    steps = letter.steps.filter(kind=StepKind.ATTACHED, text__startswith=PROBLEM_PREFIX).values_list("text", flat=True)
    return [text for text in dict.fromkeys(steps) if any(f"“{name}”" in text for name in waiting)]


# --- PDF -------------------------------------------------------------------------------------------


def stamp_pdf(data: bytes, text: StampText) -> bytes:
    """The PDF with the stamp drawn at the visual top right of its first page."""
    from pypdf import PdfWriter

    with _damaged_pdf():
        writer = PdfWriter(clone_from=_open_pdf(data))
        page = writer.pages[0]
        box = page.cropbox
        rotation = page.rotation % 360 if page.rotation % 90 == 0 else 0
        width, height = float(box.width), float(box.height)
    seen_w, seen_h = (height, width) if rotation in (90, 270) else (width, height)
    overlay = _open_pdf(_overlay_pdf(seen_w, seen_h, text)).pages[0]
    out = io.BytesIO()
    with _damaged_pdf():
        page.merge_transformed_page(overlay, _seen_to_page(box, rotation))
        writer.write(out)
    return out.getvalue()


@contextmanager
def _damaged_pdf() -> Iterator[None]:
    """What pypdf raises on a damaged file, as a StampError the entry's page can show."""
    from pypdf.errors import PyPdfError

    try:
        yield
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as error:
        raise StampError("ไฟล์ PDF เสียหาย ระบบอ่านหน้าแรกไม่ได้") from error


def _open_pdf(data: bytes) -> PdfReader:
    from pypdf import PdfReader

    with _damaged_pdf():
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise StampError("ไฟล์ PDF ถูกตั้งรหัสผ่านสำหรับเปิดไว้ ระบบจึงเปิดไฟล์เพื่อประทับตราไม่ได้")
        if len(reader.pages) == 0:
            raise StampError("ไฟล์ PDF ไม่มีหน้าใดเลย")
        reader.pages[0].cropbox  # noqa: B018 - reading page 1 is where a damaged file shows
    return reader


def _opens_without_password(reader: PdfReader) -> bool:
    """An encrypted PDF that anyone may open (only an owner password, against editing or printing), as
    government systems often send: it is read, and the stamped copy is written without the encryption."""
    from pypdf.errors import PyPdfError

    try:
        return bool(reader.decrypt(""))
    except (PyPdfError, ValueError, NotImplementedError):
        return False


def _seen_to_page(box: RectangleObject, rotation: int) -> tuple[float, ...]:
    """The matrix from the page as seen (origin at its bottom left) to the page's own coordinates."""
    x0, y0, x1, y1 = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    return {
        0: (1, 0, 0, 1, x0, y0),
        90: (0, 1, -1, 0, x1, y0),  # shown turned clockwise: the seen top right is the page's top left
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, -1, 1, 0, x0, y1),
    }[rotation]


def _name_size(name: str) -> float:
    """The office name's type size: one line up to 11 pt, else two lines (Pango breaks Thai words)."""
    from django.conf import settings
    from PIL import ImageFont

    font = ImageFont.truetype(str(settings.FONT_DIR / "SarabunPrint-Bold.ttf"), 100)
    width_at_100 = font.getlength(name)
    one_line = _NAME_INNER_PT * 100 / width_at_100 if width_at_100 else 11
    if one_line >= 9:
        return min(11.0, _floor_half(one_line))
    return max(6.0, min(10.0, _floor_half(one_line * 1.8)))  # two lines, with room for where words break


def _floor_half(size: float) -> float:
    return int(size * 2) / 2


def _overlay_pdf(width: float, height: float, text: StampText) -> bytes:
    """The stamp alone on a page of the given size (points), drawn by WeasyPrint."""
    from django.conf import settings
    from weasyprint import HTML

    office = OfficeProfile.get()
    size = _name_size(office.office_name)
    while True:
        context = {"page_w": f"{width:.2f}", "page_h": f"{height:.2f}", "box": STAMP_CM, "name_pt": size,
                   "number": text.number, "date": text.date, "time": text.time}  # fmt: skip
        document = HTML(string=render_html("documents/receive_stamp.html", context), base_url=str(settings.BASE_DIR))
        rendered = document.render()
        if size <= 6 or _office_lines(rendered) <= 2:
            return rendered.write_pdf()
        size -= 0.5


def _office_lines(rendered: Document) -> int:
    """How many lines the office name took in a rendered stamp."""
    from weasyprint.formatting_structure.boxes import LineBox

    for box in rendered.pages[0]._page_box.descendants():
        if getattr(box, "element", None) is not None and box.element.get("id") == "office" and box.children:
            return sum(isinstance(child, LineBox) for child in box.children)
    return 0


# --- Images ----------------------------------------------------------------------------------------


def _image_page(data: bytes, content_type: str) -> bytes:
    """A JPEG or PNG scan as a one-page PDF of its paper size (from its DPI when that gives a paper size
    between A6 and A3, else fitted to A4), turned as its EXIF orientation says."""
    from PIL import Image, UnidentifiedImageError
    from weasyprint import HTML

    try:
        with Image.open(io.BytesIO(data)) as image:
            px_w, px_h = image.size
            dpi = image.info.get("dpi", (0, 0))[0]
            if image.getexif().get(_EXIF_ORIENTATION, 1) in _EXIF_TURNED:
                px_w, px_h = px_h, px_w
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise StampError("ไฟล์ภาพเสียหาย ระบบเปิดภาพไม่ได้") from error
    scale = 72 / float(dpi) if dpi else 0
    if not 14.8 * PT_PER_CM <= max(px_w, px_h) * scale <= 42.0 * PT_PER_CM:
        scale = A4_LONG_PT / max(px_w, px_h)
    width, height = px_w * scale, px_h * scale
    uri = f"data:{content_type};base64,{base64.b64encode(data).decode()}"
    html = (
        f"<style>@page{{size:{width:.2f}pt {height:.2f}pt;margin:0}}body{{margin:0}}"
        f"img{{display:block;width:{width:.2f}pt;height:{height:.2f}pt;image-orientation:from-image}}</style>"
        f'<img src="{uri}" alt="">'
    )
    return HTML(string=html).write_pdf()
