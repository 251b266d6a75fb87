"""Pages of letters written in the system: write, edit, send up the chain, check and sign, versions,
the draft PDF, and the office's letter templates. Access: access.py; every write: chain.py."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import pagecache
from core.roles import Role
from core.web import add_service_error, save_form, submit_form

from .. import access, chain, home
from ..forms_drafting import (
    ChainFormSet,
    CommentForm,
    ContentForm,
    LetterTemplateForm,
    LetterWriteForm,
    ReasonForm,
    chain_from,
    content_initial,
    people_queryset,
    template_initial,
)  # fmt: skip
from ..letterpdf import render_letter
from ..models import ApprovalRole, ApprovalStep, ContentState, LetterContent, LetterTemplate

PARTS = ("kind", "salutation", "addressee", "reference_text", "enclosures", "body", "closing", "signer",
         "owner_unit", "owner_phone", "owner_email")  # fmt: skip


def _require_writer(request: HttpRequest) -> None:
    access.require_reader(request.user)
    access.require_drafter(request.user, "คุณไม่มีสิทธิ์เขียนหนังสือ")


def _write(user: object, data: dict) -> LetterContent:
    parts = {name: data[name] for name in PARTS if name not in ("kind", "addressee")}
    return chain.letter_write(
        user=user, register_code=data["register_code"], kind=data["kind"], subject=data["subject"],
        addressee=data["addressee"], schools=data["all_schools"], recipient_text=data["recipient_text"],
        template=data.get("template"), urgency=data["urgency"], secrecy=data["secrecy"], **parts,
    )  # fmt: skip


@login_required
def letter_write(request: HttpRequest) -> HttpResponse:
    """เขียนหนังสือ: choose a template (or start blank), then fill in the parts."""
    _require_writer(request)
    templates = LetterTemplate.objects.filter(is_active=True)
    chosen = request.GET.get("template", "")
    template = (
        templates.filter(pk=int(chosen)).first() if chosen.isascii() and chosen.isdigit() and len(chosen) < 10 else None
    )
    initial = {"signer": people_queryset(Role.DIRECTOR).first(), **template_initial(template)}
    form = LetterWriteForm(request.POST or None, initial=initial)
    content = save_form(
        request, form, lambda data: _write(request.user, {**data, "template": template}), success="บันทึกร่างแล้ว"
    )
    if content:
        return redirect("correspondence:content_detail", pk=content.pk)
    context = {"form": form, "templates": templates, "template": template}
    return render(request, "correspondence/drafting/write.html", context)


def _rounds(content: LetterContent) -> list[list[ApprovalStep]]:
    rounds: dict[int, list[ApprovalStep]] = {}
    for step in content.approvals.select_related("approver__profile", "decided_by__profile", "acting"):
        rounds.setdefault(step.round, []).append(step)
    return [rounds[n] for n in sorted(rounds)]


@login_required
def content_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One version: its parts, its chain round by round, and what its owner may do next."""
    content = access.get_content_for_user(request.user, pk)
    owner = content.letter.owner_id == request.user.pk
    context = {
        "content": content, "letter": content.letter, "rounds": _rounds(content), "owner": owner,
        "versions": content.letter.contents.all(), "reason_form": ReasonForm(),
        "may_renew": owner and content.letter.number is None
        and content.state in (ContentState.SIGNED, ContentState.IN_REVIEW),
        "returned": content.approvals.filter(decision="returned").order_by("-decided_at").first(),
    }  # fmt: skip
    return render(request, "correspondence/drafting/content_detail.html", context)


@login_required
def content_edit(request: HttpRequest, pk: int) -> HttpResponse:
    content = access.get_content_for_user(request.user, pk, write=True)
    form = ContentForm(request.POST or None, initial=content_initial(content))
    saved = save_form(
        request, form, lambda data: chain.content_update(user=request.user, content=content, **data),
        success="บันทึกร่างแล้ว",
    )  # fmt: skip
    if saved or (request.method == "GET" and not content.is_editable):
        return redirect("correspondence:content_detail", pk=pk)
    return render(request, "correspondence/drafting/content_form.html", {"content": content, "form": form})


def _default_chain(content: LetterContent) -> list[dict]:
    """ผอ.กลุ่ม checks, then the signer signs (the owner may add or remove steps)."""
    director = people_queryset(Role.DIRECTOR).exclude(pk=content.signer_id).first()
    rows = [{"role": ApprovalRole.CHECK, "approver": director}] if director else []
    return rows + [{"role": ApprovalRole.SIGN, "approver": content.signer}]


@login_required
def content_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """เสนอร่าง: the chain for this letter, in order; the last row is the signer."""
    content = access.get_content_for_user(request.user, pk, write=True)
    if not content.is_editable:
        return redirect("correspondence:content_detail", pk=pk)
    if request.method == "POST":  # no initial here: a row left as proposed must still count as filled in
        formset = ChainFormSet(request.POST, prefix="chain")
    else:
        formset = ChainFormSet(initial=_default_chain(content), prefix="chain")
    if request.method == "POST" and formset.is_valid():
        try:
            chain.content_submit(user=request.user, content=content, chain=chain_from(formset))
        except ValidationError as exc:
            add_service_error(formset.forms[0], exc)
        else:
            return redirect("correspondence:content_detail", pk=pk)
    return render(request, "correspondence/drafting/submit.html", {"content": content, "formset": formset})


@login_required
@require_POST
def content_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    content = access.get_content_for_user(request.user, pk, write=True)
    made: list[LetterContent] = []
    submit_form(
        request, ReasonForm(request.POST), "ยกเลิกฉบับเดิมแล้ว เริ่มฉบับแก้ไขใหม่",
        lambda d: made.append(chain.content_new_version(user=request.user, content=content, reason=d["reason"])),
    )  # fmt: skip
    return redirect("correspondence:content_detail", pk=made[0].pk if made else pk)


@login_required
def content_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The version as a PDF: the file sent (final), else the file signed, else a draft preview."""
    content = access.get_content_for_user(request.user, pk)
    stored = content.final_pdf or content.signed_pdf
    if stored and request.GET.get("stage") != "draft":
        with stored.open("rb") as handle:
            data = handle.read()
    else:
        data = render_letter(content, stage="draft")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="letter-{content.letter_id}-v{content.version}.pdf"'
    return response


@login_required
def approval_list(request: HttpRequest) -> HttpResponse:
    """รอฉันตรวจ/ลงนาม: the steps now waiting for me (or for whom I act today)."""
    access.require_reader(request.user)

    def rows() -> dict:
        return {"steps": home.to_sign(request.user)}  # a secret draft the user is not cleared for is not theirs to list

    rows_html = pagecache.cached_render(request, "approvals", "correspondence/drafting/_approval_rows.html", rows)
    return render(request, "correspondence/drafting/approval_list.html", {"rows_html": rows_html})


@login_required
def approval_detail(request: HttpRequest, pk: int) -> HttpResponse:
    step = access.get_approval_step_for_user(request.user, pk)
    content = step.content
    context = {
        "step": step, "content": content, "rounds": _rounds(content),
        "comment_form": CommentForm(), "reason_form": ReasonForm(), "may_act": chain.may_act(request.user, step),
    }  # fmt: skip
    return render(request, "correspondence/drafting/approval_detail.html", context)


def _decide(request: HttpRequest, pk: int, form_class: type, run: Callable, done: str) -> HttpResponse:
    step = access.get_approval_step_for_user(request.user, pk)
    submit_form(request, form_class(request.POST), done, lambda d: run(step, d))
    return redirect("correspondence:approval_detail", pk=pk)


@login_required
@require_POST
def approval_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request, pk, CommentForm,
        lambda step, d: chain.approval_approve(user=request.user, step=step, comment=d["comment"]),
        "เห็นชอบและเสนอต่อแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def approval_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request, pk, ReasonForm,
        lambda step, d: chain.approval_return(user=request.user, step=step, reason=d["reason"]),
        "ส่งร่างกลับให้แก้ไขแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def approval_sign(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request, pk, CommentForm, lambda step, d: chain.approval_sign(user=request.user, step=step), "ลงนามแล้ว"
    )


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    access.require_template_keeper(request.user)
    templates = LetterTemplate.objects.all()
    return render(request, "correspondence/drafting/template_list.html", {"templates": templates})


@login_required
def template_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """สร้าง/แก้ไขแม่แบบหนังสือ (clerk, group director, administrator)."""
    if pk is None:
        access.require_template_keeper(request.user)
        template = LetterTemplate(created_by=request.user)
    else:
        template = access.get_template_for_user(request.user, pk, write=True)
    form = LetterTemplateForm(request.POST or None, instance=template)
    saved = save_form(
        request, form, lambda data: chain.template_save(user=request.user, template=template, **data),
        success="บันทึกแม่แบบแล้ว",
    )  # fmt: skip
    if saved:
        return redirect("correspondence:template_list")
    return render(request, "correspondence/drafting/template_form.html", {"form": form, "template": template})
