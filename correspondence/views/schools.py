"""Delivery pages: หนังสือถึงโรงเรียน (a school's inbox, the letter, รับทราบ, its files) and, for the
sender and the clerk, the receipts of a letter (who opened and acknowledged it), reminders, the XLSX
export and replies. Every page asks access.py first; the services are in correspondence/delivery.py."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import tabular, thaidate
from core.models import display_name
from core.web import flash_errors, run_action, submit_form

from .. import access, selectors
from .. import delivery as delivery_services
from ..models import Channel, Delivery, Letter


class ReplyForm(forms.Form):
    """ลงทะเบียนหนังสือตอบ: the receive-register entry that answers one delivery."""

    number = forms.IntegerField(label="เลขทะเบียนรับของหนังสือตอบ", min_value=1)
    year = forms.IntegerField(label="ปี พ.ศ.", min_value=2400, max_value=2700, required=False)


# --- the recipient's pages -----------------------------------------------------------------------
@login_required
def school_inbox(request: HttpRequest) -> HttpResponse:
    access.require_inbox(request.user)
    page = Paginator(selectors.inbox_for_user(request.user), 50).get_page(request.GET.get("page"))
    context = {"page": page, "unread": selectors.unread_count(request.user)}
    return render(request, "correspondence/schools/inbox.html", context)


@login_required
def school_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter as its recipient reads it; the first opening is recorded (not when the sender looks)."""
    delivery = access.get_delivery_for_user(request.user, pk)
    recipient = access.is_recipient(request.user, delivery)
    if recipient:
        delivery = delivery_services.delivery_open(user=request.user, delivery=delivery)
    letter = delivery.letter
    context = {
        "delivery": delivery, "letter": letter, "recipient": recipient,
        "pdf": delivery_services.final_pdf_of(letter), "attachments": letter.attachments.all(),
    }  # fmt: skip
    return render(request, "correspondence/schools/letter.html", context)


@login_required
@require_POST
def school_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = access.get_delivery_for_user(request.user, pk, write=True)
    run_action(
        request, lambda: delivery_services.delivery_acknowledge(user=request.user, delivery=delivery), "รับทราบแล้ว"
    )
    return redirect("correspondence:school_letter", pk=delivery.pk)


@login_required
def school_letter_pdf(request: HttpRequest, pk: int) -> FileResponse:
    delivery = access.get_delivery_for_user(request.user, pk)
    pdf = delivery_services.final_pdf_of(delivery.letter)
    if pdf is None:
        raise Http404("หนังสือนี้ยังไม่มีไฟล์ฉบับส่ง")
    name = f"{delivery.letter.document_no or 'letter'}.pdf".replace("/", "-")
    return FileResponse(pdf.open("rb"), as_attachment=False, filename=name, content_type="application/pdf")


@login_required
def school_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """A file of a delivered letter, through the delivery (the register's download is 404 for school staff)."""
    delivery = access.get_delivery_for_user(request.user, pk)
    attachment = get_object_or_404(delivery.letter.attachments, pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=False, filename=attachment.original_name,
        content_type=attachment.content_type,
    )  # fmt: skip


# --- the sender's pages ----------------------------------------------------------------------------
def _tally(deliveries: list[Delivery]) -> dict:
    """รับทราบแล้ว 9/12 โรง: schools and people reached electronically, opened and acknowledged."""
    schools = [d for d in deliveries if d.school_id]
    people = [d for d in deliveries if d.user_id]
    return {
        "schools": len(schools), "schools_opened": sum(1 for d in schools if d.first_opened_at),
        "schools_acknowledged": sum(1 for d in schools if d.acknowledged_at),
        "people": len(people), "people_acknowledged": sum(1 for d in people if d.acknowledged_at),
        "paper": sum(1 for d in deliveries if d.channel == Channel.PAPER),
    }  # fmt: skip


@login_required
def letter_receipts(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_receipts_for_user(request.user, pk)
    every = list(selectors.receipts_of(letter))
    pending = request.GET.get("pending") == "1"
    rows = [d for d in every if d.channel == Channel.ELECTRONIC and not d.acknowledged_at] if pending else every
    context = {
        "letter": letter, "rows": rows, "tally": _tally(every), "pending": pending,
        "can_remind": access.may_remind(request.user, letter) and not letter.is_cancelled,
        "can_reply": access.can_register(request.user), "reply_form": ReplyForm(), "label_params": {"letter": letter.pk},
    }  # fmt: skip
    return render(request, "correspondence/schools/receipts.html", context)


EXPORT_HEADERS = [
    "ผู้รับ", "ช่องทาง", "ที่อยู่/อีเมล", "ส่งเมื่อ", "เปิดอ่านครั้งแรก", "ผู้เปิดอ่าน", "รับทราบเมื่อ", "ผู้รับทราบ",
    "จำนวนครั้งที่เตือน", "เตือนล่าสุด", "หนังสือตอบ (ทะเบียนรับ)", "ข้อผิดพลาด",
]  # fmt: skip


def _export_row(d: Delivery) -> list:
    reply = f"{d.reply.number}/{d.reply.year}" if d.reply_id else ""
    return [
        d.name, d.get_channel_display(), d.address, d.sent_at, d.first_opened_at, display_name(d.first_opened_by),
        d.acknowledged_at, display_name(d.acknowledged_by), d.reminder_count, d.reminded_at, reply, d.error,
    ]  # fmt: skip


@login_required
def letter_receipts_export(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_receipts_for_user(request.user, pk)
    rows = [_export_row(d) for d in selectors.receipts_of(letter)]
    data = tabular.write_xlsx(EXPORT_HEADERS, rows, title=f"การรับทราบ {letter.number}-{letter.year}")
    name = f"receipts-{letter.register.code}-{letter.number}-{letter.year}-{thaidate.today():%Y%m%d}.xlsx"
    return tabular.download_response(data, name)


@login_required
@require_POST
def letter_remind(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_receipts_for_user(request.user, pk, write=True)
    try:
        count = delivery_services.deliveries_remind(user=request.user, letter=letter)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        if count:
            messages.success(request, f"ส่งอีเมลเตือนผู้ที่ยังไม่รับทราบแล้ว {count} ราย")
        else:
            messages.info(request, "ไม่มีผู้ที่ต้องเตือน (รับทราบครบแล้ว หรือผู้ที่ยังไม่รับทราบไม่มีอีเมลในระบบ)")
    return redirect("correspondence:letter_receipts", pk=letter.pk)


def _reply_letter(request: HttpRequest, data: dict) -> Letter:
    year = data.get("year") or thaidate.calendar_year_be(thaidate.today())
    entries = selectors.register_entries(request.user, "receive")
    reply = entries.filter(number=data["number"], year=year).first()
    if reply is None:
        raise ValidationError(f"ไม่พบหนังสือรับเลขที่ {data['number']}/{year} ในทะเบียนหนังสือรับ")
    return reply


@login_required
@require_POST
def delivery_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """ลงทะเบียนหนังสือตอบ: link a registered reply to the delivery it answers (the clerk)."""
    delivery = access.get_delivery_for_user(request.user, pk)
    letter = access.get_receipts_for_user(request.user, delivery.letter_id)
    access.require_registrar(request.user, "เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนหนังสือตอบได้")
    submit_form(
        request, ReplyForm(request.POST), "บันทึกหนังสือตอบแล้ว",
        lambda data: delivery_services.delivery_reply_register(
            user=request.user, delivery=delivery, letter=_reply_letter(request, data)
        ),
    )  # fmt: skip
    return redirect("correspondence:letter_receipts", pk=letter.pk)
