"""One entry: detail with history, routing steps, dispatch, cancel, attachments."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action, submit_form

from .. import access, audit, columns, selectors, services
from ..forms import AttachForm, BorrowForm, CancelForm, CorrectionForm, DispatchForm, InstructForm, ResultForm
from .registers import add_form_errors


@login_required
def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk)
    user = request.user
    letter_with_steps = selectors.with_steps(selectors.letters_visible_to(user)).get(pk=pk)
    assignment = selectors.my_assignment(user, letter)
    cleared = not letter.is_redacted
    closed = letter.is_cancelled or letter.is_destroyed
    context = {
        "letter": letter, "action": columns.action_text(letter_with_steps), "assignment": assignment,
        "steps": letter_with_steps.steps.all() if cleared else [],
        "attachments": letter.attachments.all() if cleared else [],
        "assignments": letter.assignments.select_related("assignee__profile") if cleared else [],
        "history": audit.letter_history(letter) if cleared and access.can_register(user) else [],
        "borrowings": letter.borrowings.all() if cleared else [],
        "can_register": access.can_register(user) and cleared, "can_issue": access.can_issue(user),
        "can_instruct": access.can_instruct(user) and cleared,
        "can_correct": cleared and access.can_register(user) and letter.number is not None and not closed,
        "can_attach": cleared and not closed and (access.can_register(user) or letter.owner_id == user.pk),
        "instruct_form": InstructForm(), "result_form": ResultForm(), "cancel_form": CancelForm(),
        "dispatch_form": DispatchForm(), "attach_form": AttachForm(), "borrow_form": BorrowForm(),
    }  # fmt: skip
    return render(request, "correspondence/letter_detail.html", context)


@login_required
def letter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """แก้ไขรายการ: the clerk or administrator corrects an entry's columns, with a reason."""
    letter = selectors.get_letter_for_correction(request.user, pk)
    if letter.is_cancelled or letter.is_destroyed:
        messages.error(request, f"หนังสือที่{'ยกเลิก' if letter.is_cancelled else 'ทำลาย'}แล้วแก้ไขไม่ได้")
        return redirect("correspondence:letter_detail", pk=pk)
    form = CorrectionForm(request.POST or None, letter=letter)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_update(
                user=request.user, letter=letter, reason=form.cleaned_data["reason"], **form.changes()
            )
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            messages.success(request, "บันทึกการแก้ไขแล้ว ค่าก่อนและหลังแก้ไขอยู่ในประวัติการแก้ไข")
            return redirect("correspondence:letter_detail", pk=pk)
    return render(request, "correspondence/letter_edit.html", {"letter": letter, "form": form})


def _act(request: HttpRequest, pk: int, form_class: type | None, run: Callable, done: str) -> HttpResponse:
    """Bind the form, run the service, report in Thai, and go back to the entry."""
    if form_class:
        submit_form(request, form_class(request.POST, request.FILES), done, run)
    else:
        run_action(request, lambda: run({}), done)
    return redirect("correspondence:letter_detail", pk=pk)


@login_required
@require_POST
def letter_dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk, write=True)
    if not access.can_issue(request.user):
        raise PermissionDenied("คุณไม่มีสิทธิ์ออกเลขหนังสือส่ง")
    return _act(
        request, pk, DispatchForm,
        lambda d: services.letter_dispatch(user=request.user, letter=letter, letter_date=d.get("letter_date")),
        "ออกเลขทะเบียนส่งแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def letter_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk, write=True)
    if not access.can_register(request.user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณยกเลิกรายการได้")
    return _act(
        request, pk, CancelForm,
        lambda d: services.letter_cancel(user=request.user, letter=letter, reason=d["reason"]),
        "ยกเลิกรายการแล้ว เลขทะเบียนเดิมยังคงอยู่พร้อมเหตุผล",
    )  # fmt: skip


@login_required
@require_POST
def letter_present(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk, write=True)
    if not access.can_register(request.user):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่สารบรรณเสนอหนังสือได้")
    return _act(
        request, pk, None, lambda d: services.letter_present(user=request.user, letter=letter), "เสนอ ผอ.กลุ่มแล้ว"
    )


@login_required
@require_POST
def letter_instruct(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk)
    if not access.can_instruct(request.user) or letter.is_redacted:
        raise PermissionDenied("เฉพาะผู้อำนวยการกลุ่มเกษียนหนังสือได้")
    return _act(
        request, pk, InstructForm,
        lambda d: services.letter_instruct(user=request.user, letter=letter, instruction=d["instruction"], assignees=d["assignees"]),
        "บันทึกข้อสั่งการและมอบหมายแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def letter_attach(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk)
    if letter.is_redacted or not (access.can_register(request.user) or letter.owner_id == request.user.pk):
        raise PermissionDenied("คุณไม่มีสิทธิ์แนบไฟล์ในหนังสือนี้")

    def run(data: dict) -> None:
        for upload in data["files"]:
            services.attachment_add(user=request.user, letter=letter, upload=upload)

    return _act(request, pk, AttachForm, run, "แนบไฟล์แล้ว")


@login_required
@require_POST
def assignment_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.get_assignment_for_user(request.user, pk)
    return _act(
        request, assignment.letter_id, None,
        lambda d: services.assignment_acknowledge(user=request.user, assignment=assignment), "รับทราบแล้ว",
    )  # fmt: skip


@login_required
@require_POST
def assignment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.get_assignment_for_user(request.user, pk)
    return _act(
        request, assignment.letter_id, ResultForm,
        lambda d: services.assignment_complete(user=request.user, assignment=assignment, result=d["result"]),
        "บันทึกผลการปฏิบัติแล้ว",
    )  # fmt: skip


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = selectors.get_attachment_for_user(request.user, pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=False, filename=attachment.original_name,
        content_type=attachment.content_type,
    )  # fmt: skip
