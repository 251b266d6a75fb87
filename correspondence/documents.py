"""Background printouts: register pages (แบบที่ 13/14, A4 landscape), the borrowing record
(แบบที่ 24) and the yearly destruction list (แบบที่ 25). Rows come from the same selector as
the pages, for the person who asked, so secret entries stay redacted on paper too."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from core import documents, thaidate
from core.models import display_name

from . import access, columns, keeping, printing, selectors
from .filters import LetterFilter
from .forms import RangeForm
from .models import Borrowing, DestructionBatch, Letter, Register

# The register page's filters a printout carries over (the date range is its own pair of fields).
PRINT_FILTERS = ("number", "year", "reference", "sender", "recipient", "q", "urgency", "status", "assignee")


def _register_params(data: dict) -> dict:
    code = str(data.get("register") or "")
    if not Register.objects.filter(code=code, is_active=True).exists():
        raise ValidationError("ไม่พบทะเบียนที่จะพิมพ์")
    form = RangeForm({"date_from": data.get("date_from"), "date_to": data.get("date_to")})
    if not form.is_valid():
        raise ValidationError([m for errors in form.errors.values() for m in errors])
    filters = {k: str(data.get(k)).strip() for k in PRINT_FILTERS if str(data.get(k) or "").strip()}
    check = LetterFilter(filters, queryset=Letter.objects.none())
    if not check.form.is_valid():
        raise ValidationError(
            [f"{check.form.fields[k].label}: {m}" for k, errs in check.form.errors.items() for m in errs]
        )
    params = {"register": code, "date_from": form.cleaned_data["date_from"].isoformat(),
              "date_to": form.cleaned_data["date_to"].isoformat()}  # fmt: skip
    return {**params, "filters": filters} if filters else params


def _range(params: dict) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(params["date_from"]), dt.date.fromisoformat(params["date_to"])


def _register_title(params: dict) -> str:
    register = Register.objects.filter(code=params.get("register")).first()
    start, end = _range(params)
    return f"{register.name if register else 'ทะเบียน'} {thaidate.format_short(start)} – {thaidate.format_short(end)}"


def filter_description(filters: dict) -> str:
    """The filters a printout was made with, in words ('เรื่อง: อบรม · สถานะ: ปฏิบัติแล้ว')."""
    if not filters:
        return ""
    form = LetterFilter(filters, queryset=Letter.objects.none()).form
    form.is_valid()
    bits = []
    for name, raw in filters.items():
        field = form.fields.get(name)
        value = form.cleaned_data.get(name, raw) if hasattr(form, "cleaned_data") else raw
        choices = dict(getattr(field, "choices", []) or [])
        shown = choices.get(raw, choices.get(value, value))
        if name == "assignee" and value:
            shown = display_name(value)
        bits.append(f"{field.label}: {shown}" if field else f"{name}: {raw}")
    return " · ".join(bits)


def register_letters(user: object, params: dict) -> list:
    start, end = _range(params)
    qs = selectors.with_steps(selectors.register_entries(user, params["register"]))
    if params.get("filters"):
        qs = LetterFilter(params["filters"], queryset=qs).qs
    day = dt.time.min
    return list(
        qs.filter(
            registered_at__gte=dt.datetime.combine(start, day, tzinfo=thaidate.BANGKOK),
            registered_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), day, tzinfo=thaidate.BANGKOK),
        ).order_by("year", "number")
    )


def register_html(user: object, params: dict, title: str, progress: documents.ProgressFn | None = None) -> str:
    register = Register.objects.get(code=params["register"])
    letters = register_letters(user, params)
    if progress:
        progress(40, f"กำลังจัดรูปแบบ {len(letters):,} รายการ")
    rows, attached = printing.printed_rows(register, letters)
    start, end = _range(params)
    is_order = printing.is_order_register(register)
    return documents.render_html(
        "documents/correspondence_register.html",
        {"title": title, "register": register, "rows": rows, "attached": attached, "is_order": is_order,
         "headers": printing.ORDER_HEADERS if is_order else columns.HEADERS,
         "form_no": "" if is_order else ("13" if register.is_incoming else "14"), "start": start, "end": end,
         "filters": filter_description(params.get("filters") or {})},
    )  # fmt: skip


def _build_register(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    progress(10, "กำลังรวบรวมรายการในทะเบียน")
    html = register_html(job.requested_by, job.params, job.title, progress)
    return documents.RenderedDocument(html=html, filename=f"register-{job.params['register']}-{job.pk}.pdf")


def file_code(letter: Letter) -> str:
    """รหัสแฟ้ม of an entry on form 25: its register and number, e.g. "ทะเบียนรับ 12/2567"."""
    register = letter.register.name.replace("ทะเบียนหนังสือ", "ทะเบียน")
    return f"{register} {letter.number}/{letter.year}"


def _borrowing_items(user: object, borrowings: QuerySet[Borrowing]) -> list[tuple[Borrowing, Letter]]:
    """(borrowing, its entry) for the borrowings the user may see (selectors.borrowings_visible_to: none
    of a secret entry for the uncleared), oldest borrowing first."""
    borrowings = borrowings.filter(pk__in=selectors.borrowings_visible_to(user).values("pk"))
    visible = selectors.letters_visible_to(user).filter(borrowings__in=borrowings).distinct()
    letters = {letter.pk: letter for letter in visible.select_related("register")}
    return [(b, letters[b.letter_id]) for b in borrowings.order_by("borrowed_on", "id") if b.letter_id in letters]


def _build_borrowing(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    items = _borrowing_items(job.requested_by, Borrowing.objects.all())
    html = documents.render_html("documents/correspondence_borrowing.html", {"title": job.title, "items": items})
    return documents.RenderedDocument(html=html, filename=f"borrowing-{job.pk}.pdf")


def _card_params(data: dict) -> dict:
    """บัตรยืมหนังสือ: one borrowing's card, or (no id) a card for every borrowing not yet returned."""
    value = str(data.get("borrowing") or "").strip()
    if not value:
        return {}
    if not value.isdigit():
        raise ValidationError("ไม่พบรายการยืมที่จะพิมพ์บัตรยืม")
    return {"borrowing": int(value)}


def _card_borrowings(params: dict) -> QuerySet[Borrowing]:
    if params.get("borrowing"):
        return Borrowing.objects.filter(pk=params["borrowing"])
    return Borrowing.objects.filter(returned_on__isnull=True)


def _can_request_cards(user: object, params: dict) -> bool:
    if not access.can_register(user):
        return False
    return not params.get("borrowing") or selectors.borrowings_visible_to(user).filter(pk=params["borrowing"]).exists()


def _build_borrowing_cards(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    items = _borrowing_items(job.requested_by, _card_borrowings(job.params))
    html = documents.render_html("documents/correspondence_borrowing_cards.html", {"title": job.title, "items": items})
    return documents.RenderedDocument(html=html, filename=f"borrowing-cards-{job.pk}.pdf")


def _destruction_params(data: dict) -> dict:
    """Form 25 of a year (the list the committee reviews), or of one destruction batch (its entries and committee)."""
    batch_id = str(data.get("batch") or "").strip()
    if batch_id:
        batch = DestructionBatch.objects.filter(pk=int(batch_id)).first() if batch_id.isdigit() else None
        if batch is None:
            raise ValidationError("ไม่พบบันทึกการทำลายหนังสือที่จะพิมพ์")
        return {"year": batch.list_year, "batch": batch.pk}
    year = str(data.get("year") or "").strip()
    if not year.isdigit() or not 2400 <= int(year) <= 2700:
        raise ValidationError("กรุณาระบุปี พ.ศ. ของบัญชีหนังสือขอทำลาย")
    return {"year": int(year)}


def committee_signers(committee: str) -> list[dict]:
    """The committee (one person a line, chairman first; "ชื่อ, ตำแหน่ง" adds the position) as signature blocks.

    Without names (the list goes to the committee before anyone is recorded) a chairman and
    two members print with dotted lines to write in.
    """
    lines = [line.strip() for line in committee.splitlines() if line.strip()] or ["", "", ""]
    signers = []
    for n, line in enumerate(lines):
        name, _, position = (part.strip() for part in line.partition(","))
        signers.append({"name": name, "position": position, "role": "ประธานกรรมการ" if n == 0 else "กรรมการ"})
    return signers


def _build_destruction(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    year = job.params["year"]
    visible = selectors.letters_visible_to(job.requested_by).select_related("register")
    batch = DestructionBatch.objects.filter(pk=job.params.get("batch") or 0).first()
    if batch:
        letters = list(visible.filter(destruction=batch).order_by("register__order", "year", "number"))
    else:
        letters = list(keeping.destruction_candidates(visible, year))
    rows = [(letter, file_code(letter)) for letter in letters]
    html = documents.render_html("documents/correspondence_destruction.html", {
        "title": job.title, "rows": rows, "year": year, "batch": batch, "list_date": thaidate.today(),
        "signers": committee_signers(batch.committee if batch else ""),
    })  # fmt: skip
    return documents.RenderedDocument(html=html, filename=f"destruction-{year}-{job.pk}.pdf")


def register_kinds() -> None:
    register_delivery_kinds()
    documents.register(documents.DocumentKind(
        kind="correspondence.register", label="ทะเบียนหนังสือ (พิมพ์)", build=_build_register,
        can_request=lambda user, params: access.can_read(user), title=_register_title, parse_params=_register_params,
        archival=True,
    ))  # fmt: skip
    documents.register(documents.DocumentKind(
        kind="correspondence.borrowing", label="รายงานการยืมหนังสือ (ตามแบบที่ 24)", build=_build_borrowing,
        can_request=lambda user, params: access.can_register(user), archival=True,
    ))  # fmt: skip
    documents.register(documents.DocumentKind(
        kind="correspondence.borrowing_cards", label="บัตรยืมหนังสือ (แบบที่ 24)", build=_build_borrowing_cards,
        can_request=_can_request_cards, parse_params=_card_params, archival=True,
        title=lambda params: "บัตรยืมหนังสือ" if params.get("borrowing") else "บัตรยืมหนังสือที่ยังไม่คืน",
    ))  # fmt: skip
    documents.register(documents.DocumentKind(
        kind="correspondence.destruction", label="บัญชีหนังสือขอทำลาย (แบบที่ 25)", build=_build_destruction,
        can_request=lambda user, params: access.can_register(user), parse_params=_destruction_params, archival=True,
        title=lambda params: f"บัญชีหนังสือขอทำลาย ประจำปี {params.get('year', '')}",
    ))  # fmt: skip


# --- delivery: envelope labels for the paper deliveries of a letter (delivery.py) ----------------
LABELS_PER_SHEET = 14  # A4, 2 columns × 7 rows of 9.9 × 3.8 cm (the common L7163 label sheet)


def _label_params(data: dict) -> dict:
    value = str(data.get("letter") or "").strip()
    if not value.isdigit() or not Letter.objects.filter(pk=int(value)).exists():
        raise ValidationError("ไม่พบหนังสือที่จะพิมพ์ป้ายจ่าหน้าซอง")
    return {"letter": int(value)}


def _can_request_labels(user: object, params: dict) -> bool:
    letter = selectors.letters_visible_to(user).filter(pk=params.get("letter") or 0).first()
    return letter is not None and not letter.is_redacted and access.sees_receipts(user, letter)


def _build_labels(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    letter = Letter.objects.select_related("register").get(pk=job.params["letter"])
    paper = list(letter.deliveries.filter(channel="paper").order_by("id"))
    sheets = []
    for start in range(0, len(paper), LABELS_PER_SHEET):
        chunk = paper[start : start + LABELS_PER_SHEET]
        chunk += [None] * (-len(chunk) % 2)
        sheets.append([chunk[i : i + 2] for i in range(0, len(chunk), 2)])
    html = documents.render_html(
        "correspondence/schools/labels.html", {"title": job.title, "letter": letter, "sheets": sheets}
    )
    return documents.RenderedDocument(html=html, filename=f"labels-{letter.pk}-{job.pk}.pdf")


def register_delivery_kinds() -> None:
    documents.register(documents.DocumentKind(
        kind="correspondence.delivery_labels", label="ป้ายจ่าหน้าซอง (ส่งทางกระดาษ)", build=_build_labels,
        can_request=_can_request_labels, parse_params=_label_params,
        title=lambda params: "ป้ายจ่าหน้าซองหนังสือส่ง",
    ))  # fmt: skip
