from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import thaidate
from core.web import run_action, save_form, submit_form

from .. import access, selectors, services
from ..forms import CancelForm, MeetingForm, TargetForm
from ..models import Meeting, MeetingStatus


@login_required
def index(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    fy = thaidate.fiscal_year(thaidate.today())
    user = request.user
    return render(request, "committee/index.html", {
        "progress": selectors.fiscal_year_progress(fy),
        "next_meeting": selectors.meetings_visible_to(user).filter(pk=getattr(selectors.next_meeting(), "pk", None)).first(),
        "open_resolutions": selectors.open_resolutions(user).order_by("due_date")[:10],
        "open_count": selectors.open_resolutions(user).count(),
        "recent": selectors.meetings_visible_to(user)[:6],
        "can_write": access.can_create_meeting(user), "can_set_target": access.can_write(user),
        "target_form": TargetForm(initial={"fiscal_year": fy, "meetings": selectors.meetings_target(fy)}),
    })  # fmt: skip


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    """The meetings the user sees, filterable by body and by year."""
    access.require_reader(request.user)
    meetings = selectors.meetings_visible_to(request.user)
    bodies = selectors.bodies_visible_to(request.user).filter(meetings__isnull=False).distinct()
    body = request.GET.get("body", "")
    if body.isdigit():
        meetings = meetings.filter(body_id=int(body))
    years = list(meetings.order_by("-year").values_list("year", flat=True).distinct())  # not every meeting loaded
    year = request.GET.get("year")
    if year and year.isdigit():
        meetings = meetings.filter(year=int(year))
    return render(request, "committee/meeting_list.html", {
        "meetings": meetings, "years": years, "year": year, "bodies": bodies, "body": body,
        "can_write": access.can_create_meeting(request.user),
    })  # fmt: skip


@login_required
def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    if pk:
        meeting = access.get_meeting_for_user(user, pk, write=True)
    else:
        meeting = None
        access.require_reader(user)
        if access.can_write(user):  # a fresh office: the ก.ต.ป.น. body is there to choose
            services.ktpn_body_get()
        if not access.can_create_meeting(user):
            raise PermissionDenied(access.BODY_WRITER_ONLY)
    bodies = selectors.bodies_writable_by(user)
    initial = {"body": request.GET.get("body")} if request.GET.get("body", "").isdigit() else {}
    form = MeetingForm(request.POST or None, instance=meeting or Meeting(), bodies=bodies, initial=initial)

    def save(data: dict) -> Meeting:
        if meeting is None:
            return services.meeting_create(user=user, **data)
        return services.meeting_update(user=user, meeting=meeting, **data)

    saved = save_form(request, form, save, success="บันทึกการประชุมครั้งที่ {0.number_display} แล้ว")
    if saved:
        return redirect("committee:meeting_detail", pk=saved.pk)
    return render(request, "committee/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk)
    return render(request, "committee/meeting_detail.html", {
        "meeting": meeting, "sections": selectors.agenda_tree(meeting), **access.meeting_actions(request.user, meeting),
        "is_draft": meeting.status == MeetingStatus.DRAFT,
        **_invitation_context(request.user, meeting),
        "cancel_form": CancelForm(), "doc_params": {"meeting": meeting.pk},
    })  # fmt: skip


@login_required
@require_POST
def meeting_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    send = request.POST.get("send_invitation") == "1"
    run_action(request, lambda: services.meeting_publish_agenda(user=request.user, meeting=meeting, send_invitation=send),
               "แจ้งระเบียบวาระการประชุมแล้ว กรรมการเห็นระเบียบวาระได้แล้ว")  # fmt: skip
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_invite(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    run_action(request, lambda: services.invitation_issue(user=request.user, meeting=meeting),
               "ออกเลขหนังสือเชิญประชุมแล้ว")  # fmt: skip
    return redirect("committee:meeting_detail", pk=pk)


def _invitation_context(user: object, meeting: Meeting) -> dict:
    state = services.invitation_state(meeting)
    offer = access.can_write(user) and meeting.status == MeetingStatus.AGENDA_PUBLISHED and state is None
    return {
        "invitation_available": services.invitation_available(), "invitation": state,
        "invitation_no": meeting.invitation_number or (state or {}).get("document_no", ""),
        "signers": services.invitation_signers(meeting) if offer else [],
    }  # fmt: skip


def _chosen_signer(meeting: Meeting, value: str) -> object:
    if not value:
        return None
    for person in services.invitation_signers(meeting):
        if str(person.pk) == value:
            return person
    raise ValidationError({"signer": "กรุณาเลือกผู้ลงนามจากรายชื่อที่ให้เลือก"})


@login_required
@require_POST
def meeting_invitation_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """ร่างหนังสือเชิญประชุม: a หนังสือภายนอก with the agenda attached, then to its page to send it up the chain."""
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    made = {}

    def draft() -> None:
        signer = _chosen_signer(meeting, request.POST.get("signer", ""))
        made["content"] = services.invitation_draft(user=request.user, meeting=meeting, signer=signer)

    if run_action(request, draft, "ร่างหนังสือเชิญประชุมแล้ว (แนบระเบียบวาระ) ตรวจร่างแล้วกด “เสนอ” เพื่อส่งผู้ตรวจและผู้ลงนาม"):
        return redirect("correspondence:content_detail", pk=made["content"].pk)
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_invitation_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Number the signed invitation (ทะเบียนหนังสือส่ง) and deliver it to the members."""
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    run_action(request, lambda: services.invitation_dispatch(user=request.user, meeting=meeting),
               "ออกเลขและส่งหนังสือเชิญประชุมถึงกรรมการแล้ว")  # fmt: skip
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_held(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    if run_action(request, lambda: services.meeting_mark_held(user=request.user, meeting=meeting),
                  "บันทึกว่าประชุมแล้ว เริ่มจัดทำรายงานการประชุมได้"):  # fmt: skip
        return redirect("committee:minutes", pk=pk)
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    reason = request.POST.get("reason", "")
    run_action(request, lambda: services.meeting_cancel(user=request.user, meeting=meeting, reason=reason),
               f"ยกเลิกการประชุมครั้งที่ {meeting.number_display} แล้ว (เลขครั้งนี้จะไม่ถูกใช้ซ้ำ)")  # fmt: skip
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_carry_over(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    added = {"n": 0}

    def pull() -> None:
        added["n"] = services.agenda_carry_over(user=request.user, meeting=meeting)

    if run_action(request, pull, "ดึงเรื่องสืบเนื่องแล้ว"):
        messages.info(request, f"เพิ่มเรื่องสืบเนื่อง {added['n']} เรื่อง")
    return redirect("committee:meeting_detail", pk=pk)


@login_required
@require_POST
def target_set(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    access.require_writer(request.user)
    submit_form(request, TargetForm(request.POST), "บันทึกเป้าหมายจำนวนการประชุมแล้ว",
                lambda data: services.target_set(user=request.user, **data))  # fmt: skip
    return redirect("committee:index")
