"""ข้อความเกษียนที่ใช้บ่อย: the office keeps the เกษียน's quick phrases here (add, reword, order, retire).

Reached from the correspondence menu, ข้อมูลพื้นฐาน (/manage/) and the เกษียน card itself.
Access: access.py (the letter templates' keepers); every write: phrases.py.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import run_action, save_form

from .. import access, phrases, selectors
from ..forms import InstructionPhraseForm

HISTORY_ROWS = 20


@login_required
def phrase_list(request: HttpRequest) -> HttpResponse:
    """The phrases in use in their order, the retired ones, and the form that adds one (POST)."""
    access.require_phrase_keeper(request.user)
    form = InstructionPhraseForm(request.POST or None)
    added = save_form(
        request, form, lambda data: phrases.phrase_add(user=request.user, text=data["text"]),
        success="เพิ่มข้อความ “{}” แล้ว",
    )  # fmt: skip
    if added is not None:
        return redirect("correspondence:phrase_list")
    active, retired = selectors.instruction_phrases_kept()
    return render(request, "correspondence/phrase_list.html", {"active": active, "retired": retired, "form": form})


@login_required
def phrase_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Reword a phrase; what was written with its old words stays as written."""
    phrase = access.get_phrase_for_user(request.user, pk, write=True)
    saved_text = phrase.text
    form = InstructionPhraseForm(request.POST or None, initial={"text": phrase.text})
    saved = save_form(
        request, form, lambda data: phrases.phrase_reword(user=request.user, phrase=phrase, text=data["text"]),
        success="บันทึกข้อความ “{}” แล้ว",
    )  # fmt: skip
    if saved is not None:
        return redirect("correspondence:phrase_list")
    history = phrase.history.select_related("history_user__profile")[:HISTORY_ROWS]
    context = {"phrase": phrase, "saved_text": saved_text, "form": form, "history": history}
    return render(request, "correspondence/phrase_form.html", context)


@login_required
@require_POST
def phrase_move(request: HttpRequest, pk: int) -> HttpResponse:
    phrase = access.get_phrase_for_user(request.user, pk, write=True)
    up = request.POST.get("direction") == "up"
    run_action(request, lambda: phrases.phrase_move(user=request.user, phrase=phrase, up=up), "จัดลำดับใหม่แล้ว")
    return redirect("correspondence:phrase_list")


@login_required
@require_POST
def phrase_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    phrase = access.get_phrase_for_user(request.user, pk, write=True)
    active = request.POST.get("active") == "1"
    done = (
        f"นำข้อความ “{phrase.text}” กลับมาใช้แล้ว (ต่อท้ายรายการ)" if active
        else f"เลิกใช้ข้อความ “{phrase.text}” แล้ว ข้อสั่งการที่เขียนไว้แล้วไม่เปลี่ยน"
    )  # fmt: skip
    run_action(request, lambda: phrases.phrase_set_active(user=request.user, phrase=phrase, active=active), done)
    return redirect("correspondence:phrase_list")
