"""Register lists, search, Excel export, intake of incoming letters and outgoing drafts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core import pagecache, tabular, thaidate
from core.pagination import CappedPaginator
from core.roles import UserLike
from core.web import save_form

from .. import access, columns, selectors, services
from ..filters import LetterFilter
from ..forms import DraftForm, IncomingForm, StartNumberForm
from ..models import Letter, Register
from ..numbering import counter_set_start, counters_for_year


@login_required
def index(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    return redirect("correspondence:inbox")


def _filtered(request: HttpRequest, register: Register) -> LetterFilter:
    qs = selectors.with_steps(selectors.register_entries(request.user, register.code))
    return LetterFilter(request.GET or None, queryset=qs)


@login_required
def register_list(request: HttpRequest, code: str) -> HttpResponse:
    register = access.get_register_for_user(request.user, code)
    flt = _filtered(request, register)
    context = {
        "register": register, "filter": flt, "registers": Register.objects.filter(is_active=True),
        "can_register": access.can_register(request.user), "can_issue": access.can_issue(request.user),
        "print_params": {"register": register.code},
    }  # fmt: skip
    partial = bool(request.htmx and not request.htmx.boosted)

    def rows() -> dict:
        page = CappedPaginator(flt.qs, 50).get_page(request.GET.get("page"))  # counts no further than 1,000 past it
        return {**context, "page": page, "rows": [(letter, columns.row(letter)) for letter in page]}

    name = f"register:{register.code}:{bool(request.htmx)}"
    rows_html = pagecache.cached_render(request, name, "correspondence/_register_rows.html", rows)
    if partial:
        return HttpResponse(rows_html)
    # The search form (its assignee list reads every staff login) is kept too, under the same query string.
    search = {"register": register, "filter": flt}
    search_html = pagecache.cached_render(
        request, f"register-search:{register.code}", "correspondence/_register_search.html", lambda: search
    )
    return render(
        request, "correspondence/register_list.html", {**context, "rows_html": rows_html, "search_html": search_html}
    )


@login_required
def register_export(request: HttpRequest, code: str) -> HttpResponse:
    register = access.get_register_for_user(request.user, code)
    letters = _filtered(request, register).qs  # the screen's order: newest first
    data = tabular.write_xlsx(
        columns.EXPORT_HEADERS, columns.export_rows(letters), title=register.name,
        text_columns=columns.EXPORT_TEXT_COLUMNS,
    )  # fmt: skip
    today = thaidate.today()
    name = f"{register.name}-{thaidate.to_be(today.year)}-{today:%m-%d}.xlsx"
    return tabular.download_response(data, name, fallback=f"register-{code}-{today:%Y%m%d}.xlsx")


def _last_saved(request: HttpRequest) -> Letter | None:
    if not request.GET.get("saved", "").isdigit():
        return None
    return selectors.letters_visible_to(request.user).filter(pk=request.GET["saved"]).first()


@login_required
def incoming_create(request: HttpRequest) -> HttpResponse:
    """ลงทะเบียนรับ, keyboard first: Enter saves and opens an empty form for the next letter (its ถึง kept)."""
    access.require_registrar(request.user, "เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนรับหนังสือได้")
    saved = _last_saved(request)
    initial = {"present_now": True, "recipient_text": saved.recipient_text if saved and not saved.is_redacted else ""}
    form = IncomingForm(request.POST or None, request.FILES or None, initial=initial)
    letter = save_form(
        request, form, lambda data: services.letter_register_incoming(user=request.user, **data),
        success="ลงทะเบียนรับเลขที่ {.number} แล้ว",
    )  # fmt: skip
    if letter and request.POST.get("then") == "open":
        return redirect("correspondence:letter_detail", pk=letter.pk)
    if letter:
        return redirect(f"{request.path}?saved={letter.pk}")
    return render(request, "correspondence/incoming_form.html", {"form": form, "saved": saved})


def _draft(user: UserLike, data: dict) -> Letter:
    """The draft form's recipients: its schools and every school of its clusters (all_schools)."""
    fields = {k: v for k, v in data.items() if k not in ("schools", "clusters", "all_schools")}
    return services.letter_draft_outgoing(user=user, schools=data["all_schools"], **fields)


@login_required
def draft_create(request: HttpRequest) -> HttpResponse:
    access.require_drafter(request.user)
    form = DraftForm(request.POST or None)
    letter = save_form(
        request, form, lambda data: _draft(request.user, data),
        success="บันทึกร่างแล้ว เจ้าหน้าที่สารบรรณจะออกเลขเมื่อส่ง",
    )  # fmt: skip
    if letter:
        return redirect("correspondence:letter_detail", pk=letter.pk)
    return render(request, "correspondence/draft_form.html", {"form": form})


@login_required
def draft_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    drafts = selectors.drafts_visible_to(request.user).order_by("-urgency", "created_at")
    return render(
        request, "correspondence/draft_list.html", {"drafts": drafts, "can_issue": access.can_issue(request.user)}
    )


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)

    def rows() -> dict:
        return {"letters": selectors.inbox_rows(request.user)}

    rows_html = pagecache.cached_render(request, "inbox", "correspondence/_inbox_rows.html", rows)
    return render(request, "correspondence/inbox.html", {"rows_html": rows_html})


@login_required
def counters(request: HttpRequest) -> HttpResponse:
    access.require_registrar(request.user, "เฉพาะเจ้าหน้าที่สารบรรณกำหนดเลขเริ่มต้นได้")
    year = thaidate.calendar_year_be(thaidate.today())
    registers = Register.objects.filter(is_active=True)
    form = StartNumberForm(request.POST or None, initial={"year": year})
    form.fields["register"].choices = [(r.code, r.name) for r in registers]
    saved = save_form(
        request, form,
        lambda data: counter_set_start(
            register=registers.get(code=data["register"]), year=data["year"], start_number=data["start_number"],
            user=request.user,
        ),
        success="กำหนดเลขเริ่มต้นแล้ว",
    )  # fmt: skip
    if saved:
        return redirect("correspondence:counters")
    return render(
        request, "correspondence/counters.html", {"form": form, "rows": counters_for_year(year), "year": year}
    )
