"""One entry: detail with history, routing steps, dispatch, cancel, attachments."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from csp.decorators import csp_replace
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from core import notifications
from core.collation import thai_order
from core.web import run_action, save_form, submit_form
from schools.models import Cluster, School
from schools.selectors import schools_by_cluster

from .. import access, audit, chain, columns, selectors, services, stamp
from ..forms import AttachForm, BorrowForm, CancelForm, CorrectionForm, DispatchForm, InstructForm, ResultForm
from ..forms_drafting import DispatchChannelsForm
from ..models import Letter


def _written(letter: Letter, cleared: bool) -> dict:
    """A letter written in the system: its versions with their chains, its copies, the dispatch channels."""
    if not cleared:
        return {"contents": [], "copies": []}
    contents = letter.contents.prefetch_related("approvals__approver__profile")
    return {
        "contents": contents, "copies": letter.copies.all(), "current": chain.content_current(letter),
        "channels_form": DispatchChannelsForm(),
    }  # fmt: skip


def _recipients_by_cluster(letter: Letter, cleared: bool) -> list[tuple[Cluster | None, list[School]]]:
    """A draft's schools grouped by cluster, shown before the irreversible ออกเลข step."""
    if not cleared or letter.number is not None:
        return []
    return schools_by_cluster(thai_order(letter.recipient_schools.select_related("cluster"), "name"))


@login_required
def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_page(request, pk)


def detail_page(request: HttpRequest, pk: int, **bound: forms.Form) -> HttpResponse:
    """The entry's page; `bound` puts back a refused form (instruct_form=…) with what the user typed."""
    user = request.user
    letter = access.get_letter_for_user(user, pk)
    letter_with_steps = selectors.with_steps(selectors.letters_visible_to(user)).get(pk=pk)
    actions = access.letter_actions(user, letter)
    cleared = not letter.is_redacted
    context = {
        "letter": letter, "action": columns.action_text(letter_with_steps), "actions": actions,
        "assignment": selectors.my_assignment(user, letter),
        "steps": letter_with_steps.steps.all() if cleared else [],
        "attachments": letter.attachments.all() if cleared else [],
        "assignments": letter.assignments.select_related("assignee__profile") if cleared else [],
        "history": audit.letter_history(letter) if actions["history"] else [],
        "stamp_problems": stamp.stamp_problems(letter) if cleared else [],
        "borrowings": letter.borrowings.all() if cleared else [],
        "instruct_form": InstructForm() if actions["instruct"] else None,  # it reads the staff list: only when shown
        "may_manage_phrases": actions["instruct"] and access.may_manage_phrases(user),  # the เกษียน card's link
        "result_form": ResultForm(), "cancel_form": CancelForm(),
        "dispatch_form": DispatchForm(), "attach_form": AttachForm(), "borrow_form": BorrowForm(),
        **_written(letter, cleared), "recipient_groups": _recipients_by_cluster(letter, cleared),
        **bound,
    }  # fmt: skip
    notifications.notifications_mark_read(user=user, subject_key=f"letter:{letter.pk}")  # opened: no longer new
    return render(request, "correspondence/letter_detail.html", context)


@login_required
def letter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """แก้ไขรายการ: the clerk or administrator corrects an entry's columns, with a reason."""
    letter = access.get_letter_for_correction(request.user, pk)
    if letter.is_cancelled or letter.is_destroyed:
        messages.error(request, f"หนังสือที่{'ยกเลิก' if letter.is_cancelled else 'ทำลาย'}แล้วแก้ไขไม่ได้")
        return redirect("correspondence:letter_detail", pk=pk)
    form = CorrectionForm(request.POST or None, letter=letter)
    saved = save_form(
        request, form,
        lambda data: services.letter_update(user=request.user, letter=letter, reason=data["reason"], **form.changes()),
        success="บันทึกการแก้ไขแล้ว ค่าก่อนและหลังแก้ไขอยู่ในประวัติการแก้ไข",
    )  # fmt: skip
    if saved:
        return redirect("correspondence:letter_detail", pk=pk)
    return render(request, "correspondence/letter_edit.html", {"letter": letter, "form": form})


# The entry page's forms with something typed in them, by the name the page knows them by.
TYPED_FORMS = {InstructForm: "instruct_form", ResultForm: "result_form", CancelForm: "cancel_form"}


def _act(request: HttpRequest, pk: int, form_class: type | None, run: Callable, done: str) -> HttpResponse:
    """Bind the form, run the service, report in Thai (core.web), and go back to the entry; a refused form
    with typed text is shown again on the entry's page with that text, so nothing typed is lost."""
    if form_class is None:
        run_action(request, lambda: run({}), done)
        return redirect("correspondence:letter_detail", pk=pk)
    form = form_class(request.POST, request.FILES)
    if submit_form(request, form, done, run) or form_class not in TYPED_FORMS:
        return redirect("correspondence:letter_detail", pk=pk)
    return detail_page(request, pk, **{TYPED_FORMS[form_class]: form})


def _letter_for(request: HttpRequest, pk: int, action: str, *, write: bool = True) -> Letter:
    """The entry, 404/403 as access.py decides, and 403 unless the user may take `action` on it."""
    letter = access.get_letter_for_user(request.user, pk, write=write)
    access.require_letter_action(request.user, letter, action)
    return letter


@login_required
@require_POST
def letter_dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _letter_for(request, pk, "dispatch")
    return _act(
        request, pk, DispatchChannelsForm,
        lambda d: services.letter_dispatch(
            user=request.user, letter=letter, letter_date=d.get("letter_date"), electronic=d["electronic"],
            emails=d["emails"], paper=d["paper"], people=d["people"],
        ),
        "ออกเลขทะเบียนส่งแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def letter_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _letter_for(request, pk, "cancel")
    return _act(
        request, pk, CancelForm,
        lambda d: services.letter_cancel(user=request.user, letter=letter, reason=d["reason"]),
        "ยกเลิกรายการแล้ว เลขทะเบียนเดิมยังคงอยู่พร้อมเหตุผล",
    )  # fmt: skip


@login_required
@require_POST
def letter_present(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _letter_for(request, pk, "present")
    return _act(
        request, pk, None, lambda d: services.letter_present(user=request.user, letter=letter), "เสนอ ผอ.กลุ่มแล้ว"
    )


@login_required
@require_POST
def letter_instruct(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _letter_for(request, pk, "instruct", write=False)
    return _act(
        request, pk, InstructForm,
        lambda d: services.letter_instruct(
            user=request.user, letter=letter, instruction=d["instruction"], assignees=d["assignees"],
            due_dates=d["due_dates"],
        ),
        "บันทึกข้อสั่งการและมอบหมายแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def letter_attach(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _letter_for(request, pk, "attach", write=False)

    def run(data: dict) -> None:
        for upload in data["files"]:
            services.attachment_add(user=request.user, letter=letter, upload=upload)

    return _act(request, pk, AttachForm, run, "แนบไฟล์แล้ว")


@login_required
@require_POST
def assignment_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access.get_assignment_for_user(request.user, pk, write=True)
    return _act(
        request, assignment.letter_id, None,
        lambda d: services.assignment_acknowledge(user=request.user, assignment=assignment), "รับทราบแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def assignment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access.get_assignment_for_user(request.user, pk, write=True)
    return _act(
        request, assignment.letter_id, ResultForm,
        lambda d: services.assignment_complete(user=request.user, assignment=assignment, result=d["result"]),
        "บันทึกผลการปฏิบัติแล้ว",
    )  # fmt: skip


@login_required
@xframe_options_sameorigin  # the director's เกษียน card shows the scan beside the box (same site only)
@csp_replace({"frame-ancestors": ["'self'"]})
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = access.get_attachment_for_user(request.user, pk)
    if request.GET.get("stamped"):  # ฉบับประทับตรารับ: the copy with the receive stamp (form 12), always a PDF
        if not attachment.stamped_file:
            raise Http404("ไฟล์นี้ยังไม่มีฉบับประทับตรารับ")
        name = f"{PurePath(attachment.original_name).stem}-ประทับตรารับ.pdf"
        return FileResponse(attachment.stamped_file.open("rb"), filename=name, content_type="application/pdf")
    return FileResponse(
        attachment.file.open("rb"), as_attachment=False, filename=attachment.original_name,
        content_type=attachment.content_type,
    )  # fmt: skip
