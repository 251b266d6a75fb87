"""Register lists, search, Excel export, intake of incoming letters and outgoing drafts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core import tabular, thaidate

from .. import access, columns, selectors, services
from ..filters import LetterFilter
from ..forms import DraftForm, IncomingForm, StartNumberForm
from ..models import Register
from ..numbering import counter_set_start, counters_for_year


def _require_reader(user: object) -> None:
    if not access.can_read(user):
        raise Http404("ไม่พบหน้านี้")


def add_form_errors(form: object, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form, by field where it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _require_reader(request.user)
    return redirect("correspondence:inbox")


def _filtered(request: HttpRequest, register: Register) -> LetterFilter:
    qs = selectors.with_steps(selectors.register_entries(request.user, register.code))
    return LetterFilter(request.GET or None, queryset=qs)


@login_required
def register_list(request: HttpRequest, code: str) -> HttpResponse:
    _require_reader(request.user)
    register = get_object_or_404(Register, code=code, is_active=True)
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
    _require_reader(request.user)
    register = get_object_or_404(Register, code=code, is_active=True)
    letters = _filtered(request, register).qs.order_by("year", "number")
    data = tabular.write_xlsx(
        columns.HEADERS + columns.EXTRA_HEADERS, columns.export_rows(letters), title=register.name, text_columns=[2]
    )
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="register-{code}-{thaidate.today():%Y%m%d}.xlsx"'
    return response


@login_required
def incoming_create(request: HttpRequest) -> HttpResponse:
    if not access.can_register(request.user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนรับหนังสือได้")
    form = IncomingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        files = data.pop("files")
        try:
            letter = services.letter_register_incoming(user=request.user, files=files, **data)
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, f"ลงทะเบียนรับเลขที่ {letter.number} แล้ว")
            return redirect(f"{request.path}?saved={letter.pk}")
    saved = None
    if request.GET.get("saved", "").isdigit():
        saved = selectors.letters_visible_to(request.user).filter(pk=request.GET["saved"]).first()
    return render(request, "correspondence/incoming_form.html", {"form": form, "saved": saved})


@login_required
def draft_create(request: HttpRequest) -> HttpResponse:
    if not access.can_draft(request.user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ร่างหนังสือส่ง")
    form = DraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        schools = data.pop("all_schools")
        data.pop("schools")
        data.pop("clusters")
        try:
            letter = services.letter_draft_outgoing(user=request.user, schools=schools, **data)
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, "บันทึกร่างแล้ว เจ้าหน้าที่สารบรรณจะออกเลขเมื่อส่ง")
            return redirect("correspondence:letter_detail", pk=letter.pk)
    return render(request, "correspondence/draft_form.html", {"form": form})


@login_required
def draft_list(request: HttpRequest) -> HttpResponse:
    _require_reader(request.user)
    drafts = selectors.drafts_visible_to(request.user).order_by("-urgency", "created_at")
    return render(
        request, "correspondence/draft_list.html", {"drafts": drafts, "can_issue": access.can_issue(request.user)}
    )


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    _require_reader(request.user)
    letters = list(selectors.inbox_for(request.user)[:200])
    return render(request, "correspondence/inbox.html", {"letters": letters})


@login_required
def counters(request: HttpRequest) -> HttpResponse:
    if not access.can_register(request.user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณกำหนดเลขเริ่มต้นได้")
    year = thaidate.calendar_year_be(thaidate.today())
    registers = Register.objects.filter(is_active=True)
    form = StartNumberForm(request.POST or None, initial={"year": year})
    form.fields["register"].choices = [(r.code, r.name) for r in registers]
    if request.method == "POST" and form.is_valid():
        try:
            counter_set_start(
                register=registers.get(code=form.cleaned_data["register"]), year=form.cleaned_data["year"],
                start_number=form.cleaned_data["start_number"], user=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, "กำหนดเลขเริ่มต้นแล้ว")
            return redirect("correspondence:counters")
    return render(
        request, "correspondence/counters.html", {"form": form, "rows": counters_for_year(year), "year": year}
    )
