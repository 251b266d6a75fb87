"""Background printouts: register pages (แบบที่ 13/14, A4 landscape), the borrowing record
(แบบที่ 24) and the yearly destruction list (แบบที่ 25). Rows come from the same selector as
the pages, for the person who asked, so secret entries stay redacted on paper too."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from core import documents, thaidate

from . import access, columns, keeping, selectors
from .forms import RangeForm
from .models import Borrowing, Register


def _register_params(data: dict) -> dict:
    code = str(data.get("register") or "")
    if not Register.objects.filter(code=code, is_active=True).exists():
        raise ValidationError("ไม่พบทะเบียนที่จะพิมพ์")
    form = RangeForm({"date_from": data.get("date_from"), "date_to": data.get("date_to")})
    if not form.is_valid():
        raise ValidationError([m for errors in form.errors.values() for m in errors])
    return {"register": code, "date_from": form.cleaned_data["date_from"].isoformat(),
            "date_to": form.cleaned_data["date_to"].isoformat()}  # fmt: skip


def _range(params: dict) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(params["date_from"]), dt.date.fromisoformat(params["date_to"])


def _register_title(params: dict) -> str:
    register = Register.objects.filter(code=params.get("register")).first()
    start, end = _range(params)
    return f"{register.name if register else 'ทะเบียน'} {thaidate.format_short(start)} – {thaidate.format_short(end)}"


def register_letters(user: object, params: dict) -> list:
    start, end = _range(params)
    qs = selectors.with_steps(selectors.register_entries(user, params["register"]))
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
    rows = [(letter, columns.row(letter)) for letter in letters]
    start, end = _range(params)
    return documents.render_html(
        "documents/correspondence_register.html",
        {"title": title, "register": register, "rows": rows, "headers": columns.HEADERS,
         "form_no": "13" if register.is_incoming else "14", "start": start, "end": end},
    )  # fmt: skip


def _build_register(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    progress(10, "กำลังรวบรวมรายการในทะเบียน")
    html = register_html(job.requested_by, job.params, job.title, progress)
    return documents.RenderedDocument(html=html, filename=f"register-{job.params['register']}-{job.pk}.pdf")


def _build_borrowing(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    visible = selectors.letters_visible_to(job.requested_by)
    letters = {letter.pk: letter for letter in visible.filter(borrowings__isnull=False).distinct()}
    items = [
        (b, letters[b.letter_id]) for b in Borrowing.objects.order_by("borrowed_on", "id") if b.letter_id in letters
    ]
    html = documents.render_html("documents/correspondence_borrowing.html", {"title": job.title, "items": items})
    return documents.RenderedDocument(html=html, filename=f"borrowing-{job.pk}.pdf")


def _destruction_params(data: dict) -> dict:
    year = str(data.get("year") or "")
    if not year.isdigit() or not 2400 <= int(year) <= 2700:
        raise ValidationError("กรุณาระบุปี พ.ศ. ของบัญชีหนังสือขอทำลาย")
    return {"year": int(year)}


def _build_destruction(job, progress: documents.ProgressFn) -> documents.RenderedDocument:  # noqa: ANN001
    year = job.params["year"]
    letters = list(keeping.destruction_candidates(selectors.letters_visible_to(job.requested_by), year))
    html = documents.render_html(
        "documents/correspondence_destruction.html", {"title": job.title, "letters": letters, "year": year}
    )
    return documents.RenderedDocument(html=html, filename=f"destruction-{year}-{job.pk}.pdf")


def register_kinds() -> None:
    documents.register(documents.DocumentKind(
        kind="correspondence.register", label="ทะเบียนหนังสือ (พิมพ์)", build=_build_register,
        can_request=lambda user, params: access.can_read(user), title=_register_title, parse_params=_register_params,
    ))  # fmt: skip
    documents.register(documents.DocumentKind(
        kind="correspondence.borrowing", label="บัญชีการยืมหนังสือ (แบบที่ 24)", build=_build_borrowing,
        can_request=lambda user, params: access.can_register(user),
    ))  # fmt: skip
    documents.register(documents.DocumentKind(
        kind="correspondence.destruction", label="บัญชีหนังสือขอทำลาย (แบบที่ 25)", build=_build_destruction,
        can_request=lambda user, params: access.can_register(user), parse_params=_destruction_params,
        title=lambda params: f"บัญชีหนังสือขอทำลาย ประจำปี {params.get('year', '')}",
    ))  # fmt: skip
