"""Letters written in the system: drafting, the approval chain, signing, versions, and numbering."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from core import thaidate
from core.models import ActingAppointment, ActingKind, display_name
from core.roles import Role
from correspondence import chain, services
from correspondence.models import (
    ApprovalRole,
    ContentState,
    CopyKind,
    Decision,
    Delivery,
    LetterKind,
    LetterTemplate,
    RoutingStep,
    Status,
    StepKind,
)  # fmt: skip

CHECK, SIGN = ApprovalRole.CHECK, ApprovalRole.SIGN
BODY = "ด้วยกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา กำหนดนิเทศการจัดการเรียนรู้\n\nจึงเรียนมาเพื่อโปรดทราบ"


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace(" ", "")


@pytest.fixture
def written(users, school, office):
    """write(...) -> a version 1 by the supervisor to the test school, signed for by the director."""

    def write(**kwargs):
        data = {"user": users["supervisor"], "register_code": "circular", "kind": LetterKind.EXTERNAL,
                "subject": "แจ้งกำหนดการนิเทศ ภาคเรียนที่ 2", "schools": [school], "body": BODY,
                "signer": users["director"]}  # fmt: skip
        data.update(kwargs)
        return chain.letter_write(**data)

    return write


def _submit(content, users, *checkers):
    steps = [(CHECK, u) for u in checkers] + [(SIGN, users["director"])]
    return chain.content_submit(user=users["supervisor"], content=content, chain=steps)


def _signed(written, users):
    content = _submit(written(), users, users["secretary"])
    first, last = content.approvals.order_by("order")
    chain.approval_approve(user=users["secretary"], step=first)
    return chain.approval_sign(user=users["director"], step=last)


def test_it_writes_a_draft_entry_and_version_1_prefilled_from_the_template_and_the_office(users, school, office):
    office.phone, office.email = "0 4351 1234", "nitet@example.go.th"
    office.save()
    template = LetterTemplate.objects.create(
        name="แจ้งกำหนดการนิเทศ", subject="แจ้งกำหนดการนิเทศ", body=BODY, enclosures="กำหนดการนิเทศ จำนวน 1 ฉบับ"
    )
    content = chain.letter_write(
        user=users["supervisor"], register_code="circular", kind=LetterKind.EXTERNAL, subject="", schools=[school],
        template=template, signer=users["director"],
    )  # fmt: skip
    letter = content.letter
    assert (letter.status, letter.subject, letter.document_type) == (Status.DRAFT, "แจ้งกำหนดการนิเทศ", "external")
    assert list(letter.recipient_schools.all()) == [school]
    assert content.version == 1 and content.state == ContentState.EDITING
    assert content.enclosure_lines == ["กำหนดการนิเทศ จำนวน 1 ฉบับ"]
    assert content.addressee == f"ผู้อำนวยการ{school.name}"
    assert (content.owner_unit, content.owner_phone, content.owner_email) == (
        office.group_name, "0 4351 1234", "nitet@example.go.th"
    )  # fmt: skip
    assert content.signer_name == display_name(users["director"])


def test_the_chain_must_end_with_the_signer_of_the_draft_and_may_not_be_empty(written, users):
    content = written()
    with pytest.raises(ValidationError, match="อย่างน้อยหนึ่งคน"):
        chain.content_submit(user=users["supervisor"], content=content, chain=[])
    with pytest.raises(ValidationError, match="ขั้นตอนสุดท้ายต้องเป็นผู้ลงนาม"):
        chain.content_submit(
            user=users["supervisor"], content=content, chain=[(SIGN, users["director"]), (CHECK, users["clerk"])]
        )
    with pytest.raises(ValidationError, match="ไม่ตรงกับผู้ลงนามของร่าง"):
        chain.content_submit(user=users["supervisor"], content=content, chain=[(SIGN, users["executive"])])
    with pytest.raises(PermissionDenied, match="เฉพาะเจ้าของเรื่องแก้ไขร่างนี้ได้"):
        chain.content_submit(user=users["clerk"], content=content, chain=[(SIGN, users["director"])])


def test_the_chain_refuses_skipping_a_step(written, users):
    content = _submit(written(), users, users["secretary"])
    first, last = content.approvals.order_by("order")
    with pytest.raises(ValidationError, match="ยังไม่ถึงลำดับนี้"):
        chain.approval_sign(user=users["director"], step=last)
    last.refresh_from_db()
    assert last.decision == Decision.PENDING
    chain.approval_approve(user=users["secretary"], step=first, comment="ถูกต้อง")
    assert chain.approval_sign(user=users["director"], step=last).state == ContentState.SIGNED


def test_nobody_but_the_named_signer_signs(written, users):
    content = _submit(written(), users)
    step = content.approvals.get()
    for other in (users["supervisor"], users["executive"], users["clerk"]):
        with pytest.raises(PermissionDenied, match="ไม่ใช่ผู้ที่มีชื่อ"):
            chain.approval_sign(user=other, step=step)
    with pytest.raises(ValidationError, match="ลงนาม"):
        chain.approval_approve(user=users["director"], step=step)


def test_signing_records_name_position_time_and_the_hash_of_the_signed_pdf(written, users):
    profile = users["director"].profile
    profile.position = "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
    profile.save()
    content = _signed(written, users)
    step = content.approvals.get(role=SIGN)
    data = content.signed_pdf.open("rb").read()
    assert content.signed_sha256 == hashlib.sha256(data).hexdigest() == step.signed_sha256
    assert (step.signed_name, step.signed_position) == (display_name(users["director"]), profile.position)
    assert content.signed_by == users["director"] and content.signed_at
    assert "ทดสอบdirector" in _pdf_text(data)
    signed = RoutingStep.objects.get(letter=content.letter, kind=StepKind.SIGNED)
    assert signed.text.startswith(f"ลงนามโดย {display_name(users['director'])} เมื่อ ")
    kinds = list(content.letter.steps.values_list("kind", flat=True))
    assert kinds == [StepKind.DRAFTED, StepKind.SUBMITTED, StepKind.CHECKED, StepKind.SIGNED]


def _acting(users, starts: dt.date, ends: dt.date) -> ActingAppointment:
    return ActingAppointment.objects.create(
        principal=users["director"], deputy=users["secretary"], kind=ActingKind.ACTING, starts_on=starts,
        ends_on=ends, position="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    )  # fmt: skip


def test_an_acting_signer_outside_the_dates_is_refused(written, users):
    today = thaidate.today()
    _acting(users, today - dt.timedelta(days=10), today - dt.timedelta(days=1))
    step = _submit(written(), users).approvals.get()
    with pytest.raises(PermissionDenied, match="จึงดำเนินการแทนในวันนี้ไม่ได้"):
        chain.approval_sign(user=users["secretary"], step=step)


def test_an_acting_signer_within_the_dates_signs_with_the_wording(written, users):
    today = thaidate.today()
    appointment = _acting(users, today, today + dt.timedelta(days=3))
    step = _submit(written(), users).approvals.get()
    assert [s.pk for s in chain.pending_for(users["secretary"])] == [step.pk]
    content = chain.approval_sign(user=users["secretary"], step=step)
    step.refresh_from_db()
    assert content.acting_wording == "รักษาราชการแทนผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
    assert (step.acting, step.decided_by, content.signer_name) == (
        appointment,
        users["secretary"],
        display_name(users["secretary"]),
    )
    assert "รักษาราชการแทน" in _pdf_text(content.signed_pdf.open("rb").read())


def test_a_signed_version_cannot_be_edited(written, users):
    content = _signed(written, users)
    with pytest.raises(ValidationError, match="แก้ไขไม่ได้"):
        chain.content_update(user=users["supervisor"], content=content, body="ข้อความใหม่")


def test_a_new_version_voids_the_old_with_the_reason_and_both_are_kept(written, users):
    old = _signed(written, users)
    with pytest.raises(ValidationError, match="เหตุผล"):
        chain.content_new_version(user=users["supervisor"], content=old, reason=" ")
    new = chain.content_new_version(user=users["supervisor"], content=old, reason="แก้วันที่นิเทศ")
    old.refresh_from_db()
    assert (old.state, old.void_reason, old.signed_sha256 != "") == (ContentState.VOIDED, "แก้วันที่นิเทศ", True)
    assert (new.version, new.state, new.body, new.signed_pdf.name) == (2, ContentState.EDITING, BODY, "")
    assert list(old.letter.contents.values_list("version", flat=True)) == [2, 1]
    assert chain.content_current(old.letter) == new
    chain.content_update(user=users["supervisor"], content=new, body="ข้อความฉบับแก้ไข")


def test_a_returned_draft_says_why_and_the_rest_of_the_round_is_skipped(written, users, client_for):
    content = _submit(written(), users, users["secretary"])
    first, last = content.approvals.order_by("order")
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุผล"):
        chain.approval_return(user=users["secretary"], step=first, reason="")
    chain.approval_return(user=users["secretary"], step=first, reason="ย่อหน้าที่สองยังไม่ระบุวันที่")
    content.refresh_from_db()
    last.refresh_from_db()
    assert (content.state, last.decision) == (ContentState.RETURNED, Decision.SKIPPED)
    returned = content.letter.steps.get(kind=StepKind.DRAFT_RETURNED)
    assert "เหตุผล: ย่อหน้าที่สองยังไม่ระบุวันที่" in returned.text
    page = client_for(users["supervisor"]).get(f"/correspondence/contents/{content.pk}/").content.decode()
    assert "ร่างถูกส่งกลับให้แก้ไข" in page and "ย่อหน้าที่สองยังไม่ระบุวันที่" in page
    chain.content_update(user=users["supervisor"], content=content, body=BODY + "\n\nวันที่ 5 ธันวาคม")
    again = _submit(content, users)
    assert list(again.approvals.values_list("round", "decision")) == [(1, "returned"), (1, "skipped"), (2, "pending")]


def test_a_draft_cannot_be_numbered_before_it_is_signed(written, users):
    content = _submit(written(), users)
    with pytest.raises(ValidationError, match="ยังไม่ได้ลงนาม"):
        services.letter_dispatch(user=users["clerk"], letter=content.letter, electronic=True)
    content.letter.refresh_from_db()
    assert content.letter.number is None and content.letter.status == Status.DRAFT


def test_dispatch_numbers_renders_the_final_pdf_records_three_copies_and_delivers(written, users, school, office):
    content = _signed(written, users)
    letter = services.letter_dispatch(user=users["clerk"], letter=content.letter, electronic=True)
    content.refresh_from_db()
    assert letter.reference == "ศธ 04123/ว 1"
    text = _pdf_text(content.final_pdf.open("rb").read())
    assert "ศธ04123/ว1" in text
    assert content.final_sha256 == hashlib.sha256(content.final_pdf.open("rb").read()).hexdigest()
    copies = dict(letter.copies.values_list("kind", "holder"))
    assert copies == {
        CopyKind.ORIGINAL: f"ผู้อำนวยการ{school.name}", CopyKind.OWNER: display_name(users["supervisor"]),
        CopyKind.CENTRAL: f"สารบรรณกลาง {office.group_name}",
    }  # fmt: skip
    assert list(Delivery.objects.filter(letter=letter).values_list("school", flat=True)) == [school.pk]
    with pytest.raises(ValidationError, match="ออกเลขแล้ว"):
        chain.content_new_version(user=users["supervisor"], content=content, reason="แก้")


def test_a_written_letter_needs_a_channel_and_a_register_only_draft_keeps_todays_dispatch(written, users, school):
    content = _signed(written, users)
    with pytest.raises(ValidationError, match="ช่องทาง"):
        services.letter_dispatch(user=users["clerk"], letter=content.letter)
    plain = services.letter_draft_outgoing(
        user=users["supervisor"], register_code="send", subject="ส่งรายงาน", recipient_text="สพฐ."
    )
    assert services.letter_dispatch(user=users["clerk"], letter=plain).status == Status.REGISTERED


# --- pages ---------------------------------------------------------------------------------------
ROLES = [r.value for r in Role]


def _status(client, url: str, method: str = "get", data: dict | None = None) -> int:
    return getattr(client, method)(url, data or {}).status_code


@pytest.mark.parametrize("role", ROLES)
def test_write_page_access_per_role(role, users, client_for, office):
    expected = {Role.MEMBER: 404, Role.SCHOOL: 404, Role.EXECUTIVE: 403}.get(role, 200)
    assert _status(client_for(users[role]), "/correspondence/write/") == expected


@pytest.mark.parametrize("role", ROLES)
def test_approval_list_access_per_role(role, users, client_for, office):
    expected = 404 if role in (Role.MEMBER, Role.SCHOOL) else 200
    assert _status(client_for(users[role]), "/correspondence/approvals/") == expected


@pytest.mark.parametrize("role", ROLES)
def test_template_pages_access_per_role(role, users, client_for, office):
    template = LetterTemplate.objects.create(name="ขอเชิญประชุม")
    keeper = role in (Role.CLERK, Role.DIRECTOR, Role.ADMIN)
    expected = 200 if keeper else (404 if role in (Role.MEMBER, Role.SCHOOL) else 403)
    client = client_for(users[role])
    assert _status(client, "/correspondence/letter-templates/") == expected
    assert _status(client, "/correspondence/letter-templates/new/") == expected
    assert _status(client, f"/correspondence/letter-templates/{template.pk}/edit/") == expected


@pytest.mark.parametrize("role", ROLES)
def test_content_pages_access_per_role(role, users, client_for, written):
    """The owner (supervisor) edits; the issuers and the chain read; the others are not told."""
    content = _submit(written(), users)
    step = content.approvals.get()
    read = {Role.SUPERVISOR, Role.CLERK, Role.DIRECTOR, Role.SECRETARY, Role.ADMIN}
    client = client_for(users[role])
    assert _status(client, f"/correspondence/contents/{content.pk}/") == (200 if role in read else 404)
    assert _status(client, f"/correspondence/approvals/{step.pk}/") == (200 if role in read else 404)
    edit = 302 if role == Role.SUPERVISOR else (403 if role in read else 404)  # in review: back to the page
    assert _status(client, f"/correspondence/contents/{content.pk}/edit/") == edit
    assert _status(client, f"/correspondence/contents/{content.pk}/submit/") == edit


@pytest.mark.parametrize("role", ROLES)
def test_the_draft_pdf_access_per_role(role, users, client_for, written):
    content = written()
    client = client_for(users[role])
    read = {Role.SUPERVISOR, Role.CLERK, Role.DIRECTOR, Role.SECRETARY, Role.ADMIN}
    response = client.get(f"/correspondence/contents/{content.pk}/pdf/")
    assert response.status_code == (200 if role in read else 404)
    if role in read:
        assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    "path", ["contents/{c}/new-version/", "approvals/{s}/approve/", "approvals/{s}/return/", "approvals/{s}/sign/"]
)
def test_post_only_views_refuse_get(path, users, client_for, written):
    content = _submit(written(), users)
    url = "/correspondence/" + path.format(c=content.pk, s=content.approvals.get().pk)
    assert client_for(users["supervisor"]).get(url).status_code == 405


@pytest.mark.parametrize("role", ROLES)
def test_signing_by_post_per_role(role, users, client_for, written):
    """Only the named signer's POST signs; everyone else gets 403/404 or a Thai refusal."""
    content = _submit(written(), users)
    step = content.approvals.get()
    response = client_for(users[role]).post(f"/correspondence/approvals/{step.pk}/sign/")
    content.refresh_from_db()
    expected = ContentState.SIGNED if role == Role.DIRECTOR else ContentState.IN_REVIEW
    assert content.state == expected
    outsiders = (Role.MEMBER, Role.SCHOOL, Role.EXECUTIVE)
    assert response.status_code == (404 if role in outsiders else (302 if role == Role.DIRECTOR else 403))


def test_the_pages_carry_a_letter_from_writing_to_signing(users, client_for, school, office):
    template = LetterTemplate.objects.create(name="แจ้งกำหนดการนิเทศ", subject="แจ้งกำหนดการนิเทศ", body=BODY)
    owner = client_for(users["supervisor"])
    page = owner.get(f"/correspondence/write/?template={template.pk}")
    assert "แจ้งกำหนดการนิเทศ" in page.content.decode()
    data = {"kind": "external", "register_code": "circular", "subject": "แจ้งกำหนดการนิเทศ", "clusters": [school.cluster_id],
            "body": BODY, "salutation": "เรียน", "closing": "ขอแสดงความนับถือ", "signer": users["director"].pk,
            "urgency": 0, "secrecy": 0}  # fmt: skip
    response = owner.post(f"/correspondence/write/?template={template.pk}", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    content = chain.content_current(_only_draft())
    assert content.template == template
    chain_page = owner.get(f"/correspondence/contents/{content.pk}/submit/").content.decode()
    assert display_name(users["director"]) in chain_page
    form = {
        "chain-TOTAL_FORMS": 1,
        "chain-INITIAL_FORMS": 0,
        "chain-0-role": "sign",
        "chain-0-approver": users["director"].pk,
    }
    assert owner.post(f"/correspondence/contents/{content.pk}/submit/", form).status_code == 302
    step = content.approvals.get()
    director = client_for(users["director"])
    assert step.content.letter.subject in director.get("/correspondence/approvals/").content.decode()
    director.post(f"/correspondence/approvals/{step.pk}/sign/")
    content.refresh_from_db()
    assert content.state == ContentState.SIGNED
    detail = client_for(users["clerk"]).get(f"/correspondence/letters/{content.letter_id}/").content.decode()
    assert "ออกเลขและส่ง" in detail and "ฉบับที่ 1" in detail


def _only_draft():
    from correspondence.models import Letter

    return Letter.objects.get(status=Status.DRAFT)


def test_the_approval_page_offers_the_buttons_to_the_named_approver_only(users, client_for, written):
    step = _submit(written(), users).approvals.get()
    url = f"/correspondence/approvals/{step.pk}/"
    assert "ส่งกลับ</button>" in client_for(users["director"]).get(url).content.decode()
    clerk_page = client_for(users["clerk"]).get(url).content.decode()
    assert "ส่งกลับ</button>" not in clerk_page and "ขั้นนี้รอลงนามโดย" in clerk_page


def test_a_most_secret_written_letter_goes_on_paper_only(written, users):
    content = written(secrecy=3)
    assert content.letter.channel == "paper"
    content = _submit(content, users)
    chain.approval_sign(user=users["director"], step=content.approvals.get())
    with pytest.raises(ValidationError, match="ลับที่สุด"):
        services.letter_dispatch(user=users["clerk"], letter=content.letter, electronic=True)
    letter = services.letter_dispatch(user=users["clerk"], letter=content.letter, paper=[("ผู้อำนวยการโรงเรียน", "")])
    assert (letter.channel, letter.deliveries.get().channel) == ("paper", "paper")


def test_only_the_clerk_the_group_director_and_the_administrator_keep_templates(users):
    with pytest.raises(PermissionDenied, match="จัดการแม่แบบหนังสือได้"):
        chain.template_save(user=users["supervisor"], template=LetterTemplate(), name="ขอเชิญประชุม")
    with pytest.raises(ValidationError, match="ทะเบียน"):
        chain.template_save(user=users["clerk"], template=LetterTemplate(), name="ขอเชิญประชุม", register_code="receive")
    saved = chain.template_save(user=users["clerk"], template=LetterTemplate(), name="ขอเชิญประชุม", body=BODY)
    assert (saved.created_by, saved.history.count()) == (users["clerk"], 1)


def test_the_waiting_list_shows_only_steps_whose_turn_it_is_in_a_fixed_number_of_queries(
    written, users, django_assert_max_num_queries
):
    director, executive = users["director"], users["executive"]
    for _ in range(3):
        chain.content_submit(user=users["supervisor"], content=written(signer=executive), chain=[("check", director), ("sign", executive)])  # fmt: skip
    with django_assert_max_num_queries(4):  # two a call (acting appointments, steps), however many steps
        waiting_for_director = chain.pending_for(director)
        waiting_for_executive = chain.pending_for(executive)
    assert len(waiting_for_director) == 3 and all(s.role == "check" for s in waiting_for_director)
    assert waiting_for_executive == []  # their turn comes after the check
