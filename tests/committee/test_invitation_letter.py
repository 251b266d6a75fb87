"""The committee's invitation as a real letter (issue 12 part 7): a หนังสือภายนอก with the agenda
attached, up the approval chain, numbered in the send register on dispatch, delivered to the members
with accounts (their inbox) and on paper to the others."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from committee import services
from committee.models import Category, Position
from core.documents import recompose_sara_am
from correspondence import chain, selectors
from correspondence.models import ApprovalRole, Channel, Delivery, LetterKind, Status
from tests.helpers import compact, on_one_line, pdf_compact, pdf_text, save_page_png

MEETING_DAY = dt.date(2026, 12, 21)


def _text(data: bytes) -> str:
    return recompose_sara_am("".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture
def office(db):
    from core.models import OfficeProfile

    profile = OfficeProfile.get()
    profile.letter_code, profile.office_name = "ศธ 04123", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 1"
    profile.save()
    return profile


@pytest.fixture
def members(users, secretary, make_user):
    """The chair is the office director (an executive account); one school director has an account
    (role member); the expert and the other school director have none."""
    start = dt.date(2024, 1, 1)
    school_director = make_user("member")
    specs = [
        ("นาย", "วิชาญ", "ศึกษาดี", Position.CHAIR, Category.OFFICE, "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
         users["executive"]),
        ("นาง", "มาลี", "ใจงาม", Position.MEMBER, Category.SCHOOL_DIRECTOR, "ผู้อำนวยการโรงเรียนบ้านหนองบัว",
         school_director),
        ("ดร.", "สมศักดิ์", "รู้ลึก", Position.MEMBER, Category.EXPERT, "ผู้ทรงคุณวุฒิ", None),
        ("นาย", "ประเสริฐ", "ไม่มีบัญชี", Position.MEMBER, Category.SCHOOL_DIRECTOR, "ผู้อำนวยการโรงเรียนบ้านดอน", None),
    ]  # fmt: skip
    return [
        services.member_create(
            user=secretary,
            account=account,
            prefix=p,
            first_name=f,
            last_name=last,
            position=pos,
            category=cat,
            job_title=job,
            term_start=start,
        )  # fmt: skip
        for p, f, last, pos, cat, job, account in specs
    ]


@pytest.fixture
def published(secretary, make_meeting, office, members):
    meeting = make_meeting(MEETING_DAY, place="ห้องประชุมพุทธรักษา")
    services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาแผนการนิเทศภาคเรียนที่ 2")
    return services.meeting_publish_agenda(user=secretary, meeting=meeting)


def _sign(users, content) -> None:
    """The chain: the group director checks, the office director (the chair) signs."""
    content = chain.content_submit(
        user=users["secretary"], content=content,
        chain=[(ApprovalRole.CHECK, users["director"]), (ApprovalRole.SIGN, users["executive"])],
    )  # fmt: skip
    check, sign = content.approvals.order_by("order")
    chain.approval_approve(user=users["director"], step=check)
    chain.approval_sign(user=users["executive"], step=sign)


def test_the_invitation_is_an_external_letter_with_the_agenda_attached(users, secretary, published):
    content = services.invitation_draft(user=secretary, meeting=published)
    letter = content.letter
    published.refresh_from_db()
    assert published.invitation_letter == letter and published.invitation_number == ""
    assert content.kind == LetterKind.EXTERNAL and letter.register.code == "send" and letter.status == Status.DRAFT
    assert letter.subject == ("ขอเชิญประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา ครั้งที่ 1/2569")
    assert content.addressee == "คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา"
    assert "วันจันทร์ที่ 21 ธันวาคม 2569 เวลา 09.30 น. ณ ห้องประชุมพุทธรักษา" in content.paragraphs[0]
    assert content.enclosure_lines == ["ระเบียบวาระการประชุม ครั้งที่ 1/2569 จำนวน 1 ชุด"]
    assert content.signer == users["executive"]  # the chair's own account
    (agenda,) = letter.attachments.all()
    data = agenda.file.read()
    assert agenda.content_type == "application/pdf" and data.startswith(b"%PDF")
    assert "พิจารณาแผนการนิเทศภาคเรียนที่ 2" in _text(data) and "ครั้งที่ 1/2569" in _text(data)


def test_it_goes_up_the_chain_and_is_numbered_only_on_dispatch(users, secretary, published):
    content = services.invitation_draft(user=secretary, meeting=published)
    with pytest.raises(ValidationError, match="ยังไม่ได้ลงนาม"):
        services.invitation_dispatch(user=secretary, meeting=published)
    _sign(users, content)
    letter = content.letter
    letter.refresh_from_db()
    assert letter.number is None and not Delivery.objects.exists()
    services.invitation_dispatch(user=secretary, meeting=published)
    letter.refresh_from_db()
    published.refresh_from_db()
    assert letter.register.code == "send" and letter.number == 1 and letter.status == Status.REGISTERED
    assert published.invitation_number == letter.document_no == "ศธ 04123/1"
    content.refresh_from_db()
    final = content.final_pdf.read()
    assert final.startswith(b"%PDF") and "ศธ 04123/1" in _text(final)
    assert "ขอเชิญประชุมคณะกรรมการติดตาม" in _text(final)


def test_it_reaches_exactly_the_members_with_accounts_and_the_others_on_paper(users, secretary, published, members):
    content = services.invitation_draft(user=secretary, meeting=published)
    _sign(users, content)
    letter = services.invitation_dispatch(user=secretary, meeting=published)
    electronic = Delivery.objects.filter(letter=letter, channel=Channel.ELECTRONIC)
    assert set(electronic.values_list("user_id", flat=True)) == {m.user_id for m in members if m.user_id}
    paper = Delivery.objects.filter(letter=letter, channel=Channel.PAPER).order_by("name")
    assert [(d.name, d.address) for d in paper] == [
        ("ดร.สมศักดิ์ รู้ลึก", "ผู้ทรงคุณวุฒิ"), ("นายประเสริฐ ไม่มีบัญชี", "ผู้อำนวยการโรงเรียนบ้านดอน")
    ]  # fmt: skip
    school_director = members[1].user
    assert [d.letter_id for d in selectors.inbox_for_user(school_director)] == [letter.pk]  # their inbox
    assert not selectors.inbox_for_user(users["member"]).exists()  # a member-role login not on the committee
    assert not selectors.inbox_for_user(users["school"]).exists()


def test_a_letter_the_clerk_numbered_shows_its_number_and_goes_to_the_members_once(
    users, secretary, published, client_for
):
    from correspondence import services as corr_services

    content = services.invitation_draft(user=secretary, meeting=published)
    _sign(users, content)
    corr_services.letter_dispatch(user=users["clerk"], letter=content.letter, paper=[("สำเนาแฟ้ม", "")])
    page = client_for(secretary).get(reverse("committee:meeting_detail", args=[published.pk])).content.decode()
    assert "หนังสือเชิญประชุม ที่ <strong>ศธ 04123/1</strong>" in page and "ส่งถึงกรรมการที่ยังไม่ได้รับ" in page
    services.invitation_dispatch(user=secretary, meeting=published)
    services.invitation_dispatch(user=secretary, meeting=published)  # again: nobody gets it twice
    published.refresh_from_db()
    assert published.invitation_number == "ศธ 04123/1"
    assert Delivery.objects.filter(letter=content.letter, channel=Channel.ELECTRONIC).count() == 2
    assert Delivery.objects.filter(letter=content.letter, channel=Channel.PAPER).count() == 3


def test_one_invitation_per_meeting_whichever_the_path(users, secretary, published):
    services.invitation_draft(user=secretary, meeting=published)
    with pytest.raises(ValidationError, match="มีร่างหนังสือเชิญประชุมแล้ว"):
        services.invitation_draft(user=secretary, meeting=published)
    with pytest.raises(ValidationError, match="มีร่างหนังสือเชิญประชุมแล้ว"):
        services.invitation_issue(user=secretary, meeting=published)


def test_the_number_only_path_still_works_and_then_no_letter_is_drafted(secretary, published):
    letter = services.invitation_issue(user=secretary, meeting=published)
    assert letter.number == 1
    with pytest.raises(ValidationError, match="ออกหนังสือเชิญประชุมแล้ว"):
        services.invitation_draft(user=secretary, meeting=published)


def test_a_draft_agenda_gets_no_invitation_and_a_stranger_cannot_sign(users, secretary, make_meeting, office, members):
    meeting = make_meeting(MEETING_DAY)
    with pytest.raises(ValidationError, match="เมื่อแจ้งระเบียบวาระแล้ว"):
        services.invitation_draft(user=secretary, meeting=meeting)
    services.item_add(user=secretary, meeting=meeting, section=1, title="ประธานแจ้ง")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    with pytest.raises(ValidationError, match="ผู้ลงนามหนังสือเชิญประชุมต้องเป็นประธานกรรมการ"):
        services.invitation_draft(user=secretary, meeting=meeting, signer=users["supervisor"])


@pytest.mark.parametrize("role", ["director", "executive", "member", "supervisor", "clerk"])
def test_only_the_secretariat_drafts_and_sends_it(users, published, role):
    for call in (services.invitation_draft, services.invitation_dispatch):
        with pytest.raises(PermissionDenied, match="เฉพาะเลขานุการ ก.ต.ป.น."):
            call(user=users[role], meeting=published)


@pytest.mark.parametrize(
    "role, expected",
    [("secretary", 302), ("administrator", 302), ("director", 403), ("executive", 403), ("member", 403),
     ("supervisor", 403), ("clerk", 403), ("school", 404)],
)  # fmt: skip
def test_each_role_on_the_draft_button(users, published, client_for, role, expected):
    response = client_for(users[role]).post(
        reverse("committee:meeting_invitation_draft", args=[published.pk]), {"signer": users["executive"].pk}
    )
    assert response.status_code == expected
    published.refresh_from_db()
    assert (published.invitation_letter_id is not None) == (expected == 302)
    if expected == 302:
        content = published.invitation_letter.contents.get()
        assert response["Location"] == reverse("correspondence:content_detail", args=[content.pk])


@pytest.mark.parametrize(
    "role, expected",
    [("secretary", 302), ("administrator", 302), ("director", 403), ("executive", 403), ("member", 403),
     ("supervisor", 403), ("clerk", 403), ("school", 404)],
)  # fmt: skip
def test_each_role_on_the_send_button(users, secretary, published, client_for, role, expected):
    content = services.invitation_draft(user=secretary, meeting=published)
    _sign(users, content)
    response = client_for(users[role]).post(reverse("committee:meeting_invitation_send", args=[published.pk]))
    assert response.status_code == expected
    content.letter.refresh_from_db()
    assert (content.letter.number is not None) == (expected == 302)


def test_the_buttons_refuse_get(users, published, client_for):
    client = client_for(users["secretary"])
    for name in ("meeting_invitation_draft", "meeting_invitation_send"):
        assert client.get(reverse(f"committee:{name}", args=[published.pk])).status_code == 405


def test_the_meeting_page_offers_the_draft_then_follows_the_letter(users, secretary, published, client_for):
    url = reverse("committee:meeting_detail", args=[published.pk])
    page = client_for(secretary).get(url).content.decode()
    assert "ร่างหนังสือเชิญประชุม (แนบระเบียบวาระ)" in page and "ออกเลขหนังสือเชิญประชุมอย่างเดียว" in page
    assert "ร่างหนังสือเชิญประชุม" not in client_for(users["member"]).get(url).content.decode()
    client_for(secretary).post(reverse("committee:meeting_invitation_draft", args=[published.pk]), {"signer": "999"})
    published.refresh_from_db()
    assert published.invitation_letter is None  # a signer not offered is refused
    content = services.invitation_draft(user=secretary, meeting=published)
    page = client_for(secretary).get(url).content.decode()
    assert "กำลังร่าง" in page and reverse("correspondence:content_detail", args=[content.pk]) in page
    _sign(users, content)
    assert "ออกเลขและส่งถึงกรรมการ" in client_for(secretary).get(url).content.decode()


def test_the_printed_invitation_reads_as_a_letter_and_its_agenda_follows(users, secretary, published, tmp_path):
    content = services.invitation_draft(user=secretary, meeting=published)
    _sign(users, content)
    services.invitation_dispatch(user=secretary, meeting=published)
    content.refresh_from_db()
    final = tmp_path / "invitation.pdf"
    final.write_bytes(content.final_pdf.read())
    agenda = tmp_path / "agenda.pdf"
    agenda.write_bytes(content.letter.attachments.get().file.read())
    save_page_png(final, "committee-invitation-letter")
    save_page_png(agenda, "committee-invitation-agenda")
    text = pdf_compact(final)
    assert on_one_line(final, "ที่ ศธ 04123/1") and "เขต 1 กำหนด" in pdf_text(final)
    parts = ["เรื่องขอเชิญประชุมคณะกรรมการติดตาม", "เรียนคณะกรรมการติดตาม",
             "สิ่งที่ส่งมาด้วยระเบียบวาระการประชุมครั้งที่1/2569จำนวน1ชุด", "วันจันทร์ที่21ธันวาคม2569เวลา09.30น.",
             "จึงเรียนมาเพื่อโปรดเข้าร่วมประชุม", "ขอแสดงความนับถือ"]  # fmt: skip
    positions = [text.find(compact(p)) for p in parts]
    assert -1 not in positions and positions == sorted(positions), list(zip(parts, positions, strict=True))
    assert "พิจารณาแผนการนิเทศภาคเรียนที่2" in pdf_compact(agenda)
