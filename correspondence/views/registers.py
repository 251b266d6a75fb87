"""Register lists, search, Excel export, intake of incoming letters and outgoing drafts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core import notifications, tabular, thaidate
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
    page = Paginator(flt.qs, 50).get_page(request.GET.get("page"))
    rows = [(letter, columns.row(letter)) for letter in page]
    context = {
        "register": register, "filter": flt, "page": page, "rows": rows, "registers": Register.objects.filter(is_active=True),
        "can_register": access.can_register(request.user), "can_issue": access.can_issue(request.user),
        "print_params": {"register": register.code},
    }  # fmt: skip
    template = (
        "correspondence/_register_rows.html"
        if request.htmx and not request.htmx.boosted
        else "correspondence/register_list.html"
    )
    return render(request, template, context)


@login_required
def register_export(request: HttpRequest, code: str) -> HttpResponse:
    register = access.get_register_for_user(request.user, code)
    letters = _filtered(request, register).qs.order_by("year", "number")
    data = tabular.write_xlsx(
        columns.HEADERS + columns.EXTRA_HEADERS, columns.export_rows(letters), title=register.name, text_columns=[2]
    )
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="register-{code}-{thaidate.today():%Y%m%d}.xlsx"'
    return response


@login_required
def incoming_create(request: HttpRequest) -> HttpResponse:
    access.require_registrar(request.user, "เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนรับหนังสือได้")
    form = IncomingForm(request.POST or None, request.FILES or None)
    letter = save_form(
        request, form, lambda data: services.letter_register_incoming(user=request.user, **data),
        success="ลงทะเบียนรับเลขที่ {.number} แล้ว",
    )  # fmt: skip
    if letter:
        return redirect(f"{request.path}?saved={letter.pk}")
    saved = None
    if request.GET.get("saved", "").isdigit():
        saved = selectors.letters_visible_to(request.user).filter(pk=request.GET["saved"]).first()
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
    letters = list(selectors.inbox_for(request.user)[:200])
    unread = notifications.unread_subject_keys(request.user, "letter:")
    for letter in letters:
        letter.is_new = f"letter:{letter.pk}" in unread  # told of it and not yet opened
    return render(request, "correspondence/inbox.html", {"letters": letters})


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
