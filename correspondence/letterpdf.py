"""The official letter as a PDF, each form laid out as the 2526 correspondence regulation draws it.

    render_letter(content, stage="draft" | "signed" | "final") -> PDF bytes

One template per form under templates/correspondence/letter/ (หนังสือภายนอก แบบที่ 1, บันทึกข้อความ
แบบที่ 2, หนังสือประทับตรา แบบที่ 3, คำสั่ง แบบที่ 4, ประกาศ แบบที่ 6), all on the documents base sheet
(Sarabun at the 16-pt-TH-Sarabun equivalent, 3 cm / 2 cm margins, "- ๒ -" from page 2, Thai numerals
when the office asks). Stages:

- draft: a "ร่าง" watermark; ที่ and date left blank (the office's letter code prints, the number not);
- signed: "ลงนามทางอิเล็กทรอนิกส์ <date time>" in the signature space (the typed-name signature of the
  2564 amendment, content.signed_at; the caller sets it before rendering); number and date still blank;
- final: as signed, with the ที่ (letter.reference) and the date (letter.letter_date) issued on dispatch.

The Garuda is the office's uploaded file (OfficeProfile.garuda); until there is one, a clearly
marked empty frame of the same size prints in its place, never a made-up emblem. Letters are
1–3 pages, so rendering is synchronous and written as PDF/A-3u like the other official records.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.html import conditional_escape, format_html

from core import thaidate
from core.documents import html_to_pdf, render_html
from core.models import OfficeProfile
from core.storage import media_uri

from .models import LetterContent, LetterKind, NumberFormat, Secrecy, Urgency

STAGES = ("draft", "signed", "final")
# The longest word (in characters) that still fits a line of the letter at the body size.
MAX_WHOLE_WORD = 60
SHORT_LAST_WORD = 3
TEMPLATES = {
    LetterKind.EXTERNAL: "correspondence/letter/external.html",
    LetterKind.MEMO: "correspondence/letter/memo.html",
    LetterKind.STAMPED: "correspondence/letter/stamped.html",
    LetterKind.ORDER: "correspondence/letter/order.html",
    LetterKind.ANNOUNCEMENT: "correspondence/letter/announcement.html",
}
# The Garuda's height (ครุฑ) per form, in cm: 3 cm on the first page of every form but the memo's 1.5 cm.
GARUDA_HEIGHT_CM = {LetterKind.MEMO: 1.5}
GARUDA_DEFAULT_HEIGHT_CM = 3.0
# Width of the empty frame printed when no Garuda file is uploaded: the official emblem's proportions.
GARUDA_WIDTH_RATIO = 0.9


def render_letter(content: LetterContent, *, stage: str) -> bytes:
    """The letter version `content` as a PDF at `stage` ("draft", "signed" or "final")."""
    if stage not in STAGES:
        raise ValueError(f"unknown letter stage {stage!r}; expected one of {STAGES}")
    template = TEMPLATES.get(content.kind, TEMPLATES[LetterKind.EXTERNAL])
    return html_to_pdf(render_html(template, letter_context(content, stage=stage)), archival=True)


def letter_context(content: LetterContent, *, stage: str) -> dict:
    """What the letter templates print, already decided per stage."""
    letter = content.letter
    office = OfficeProfile.get()
    final = stage == "final"
    height = GARUDA_HEIGHT_CM.get(content.kind, GARUDA_DEFAULT_HEIGHT_CM)
    return {
        "title": letter.subject,
        "office_name": keep_last_word(office.office_name),
        "signer_position": keep_last_word(content.signer_position),
        "acting_wording": keep_last_word(content.acting_wording),
        "content": content,
        "letter": letter,
        "stage": stage,
        "is_draft": stage == "draft",
        "number": letter.reference if final else "",
        "number_prefix": "" if final else _number_prefix(letter, office),
        "date_text": thaidate.format_full(letter.letter_date) if final else "",
        "date_text_be": _date_with_be(letter.letter_date) if final else "",
        "garuda_uri": media_uri(office.garuda),
        "garuda_height": f"{height:g}cm",
        "garuda_width": f"{height * GARUDA_WIDTH_RATIO:g}cm",
        "urgency": Urgency(letter.urgency).label if letter.urgency else "",
        "secrecy": Secrecy(letter.secrecy).label if letter.secrecy else "",
        "addressee_whole": _fits_whole(content.addressee),
        "reference": reference_text(content),
        "enclosures": content.enclosure_lines,
        "paragraphs": content.paragraphs,
        "signature_note": _signature_note(content) if stage != "draft" else "",
        "owner_unit": content.owner_unit or office.group_name,
        "owner_phone": content.owner_phone or office.phone,
        "owner_email": content.owner_email or office.email,
        "office_address": [line.strip() for line in office.address.splitlines() if line.strip()],
    }


def reference_text(content: LetterContent) -> str:
    """อ้างถึง: the typed text, else the linked register entry ('หนังสือ<จาก> ที่ … ลงวันที่ …')."""
    if content.reference_text.strip():
        return " ".join(content.reference_text.split())
    ref = content.reference_letter
    if ref is None:
        return ""
    parts = [f"หนังสือ{ref.sender}"]
    if ref.document_no:
        parts.append(f"ที่ {ref.document_no}")
    if ref.letter_date:
        parts.append(f"ลงวันที่ {thaidate.format_full(ref.letter_date)}")
    return " ".join(parts)


def keep_last_word(text: str) -> str:
    """The phrase as HTML with a short last word kept on one line with the word before it ('… เชียงใหม่
    <เขต 1>'), so a line never ends at "เขต" with the "1" alone on the next. (A no-break space is not
    enough: WeasyPrint breaks at it when a no-wrap span follows.)"""
    words = text.split()
    if len(words) < 2 or len(words[-1]) > SHORT_LAST_WORD:
        return conditional_escape(" ".join(words))
    head = " ".join(words[:-2])
    return format_html('{}{}<span class="nw">{} {}</span>', head, " " if head else "", words[-2], words[-1])


def _fits_whole(text: str) -> bool:
    """Whether each word of a phrase fits on a line of the letter, so it may print unbroken (whole_words);
    a longer run of Thai without spaces is left to the line breaker rather than run off the page."""
    return all(len(word) <= MAX_WHOLE_WORD for word in text.split())


def _number_prefix(letter: object, office: OfficeProfile) -> str:
    """Before numbering, the ที่ prints the office's code with the number left blank ('ศธ 04123/')."""
    register = letter.register
    if register.number_format == NumberFormat.CODE_NUMBER:
        return f"{office.letter_code}/"
    if register.number_format == NumberFormat.CODE_SERIES:
        return f"{office.letter_code}/{register.series}"
    return ""


def _date_with_be(value: object) -> str:
    """'30 พฤศจิกายน พ.ศ. 2569', as คำสั่ง and ประกาศ write their date."""
    if not value:
        return ""
    day, month, year = thaidate.format_full(value).split(" ")
    return f"{day} {month} พ.ศ. {year}"


def _signature_note(content: LetterContent) -> str:
    """The typed-name signature's record: 'ลงนามทางอิเล็กทรอนิกส์ 30 พฤศจิกายน 2569 เวลา 14.05 น.'."""
    when = timezone.localtime(content.signed_at or timezone.now(), thaidate.BANGKOK)
    return f"ลงนามทางอิเล็กทรอนิกส์ {thaidate.format_full(when)} เวลา {when:%H.%M} น."
