"""The API's letter PDF and delivery status (issue 12 part 8): the pages' access and secrecy rules."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from rest_framework.test import APIClient

from core import tokens
from correspondence import delivery, services
from correspondence.models import Channel, ContentState, Delivery, LetterContent, LetterKind

PDF = "/api/v1/correspondence/letters/{}/pdf/"
DELIVERIES = "/api/v1/correspondence/letters/{}/deliveries/"


@pytest.fixture
def api_for(db):
    def make(user) -> APIClient:
        client = APIClient()
        _token, key = tokens.api_token_create(user=user, name="ทดสอบ API")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return make


def _content(letter, user, *, signed: bytes | None = None, final: bytes | None = None) -> LetterContent:
    """A version as the chain leaves it: signed (the signed PDF) and, once dispatched, the final PDF."""
    state = ContentState.SIGNED if signed or final else ContentState.EDITING
    content = LetterContent.objects.create(
        letter=letter, kind=LetterKind.EXTERNAL, state=state, addressee="ผู้อำนวยการโรงเรียน", created_by=user,
        body="ด้วยสำนักงานเขตพื้นที่การศึกษาจะดำเนินการนิเทศ",
    )  # fmt: skip
    if signed:
        content.signed_pdf.save("signed-v1.pdf", ContentFile(signed))
    if final:
        content.final_pdf.save("final.pdf", ContentFile(final))
    return content


@pytest.fixture
def sent(users, office, school, pdf_bytes):
    """A circular the supervisor wrote, signed and dispatched to `school` (final PDF kept)."""

    def make(*, secrecy: int = 0, owner: str = "supervisor"):
        draft = services.letter_draft_outgoing(
            user=users[owner], register_code="circular", subject="แจ้งกำหนดการนิเทศภายใน", schools=[school],
            secrecy=secrecy,
        )  # fmt: skip
        letter = services.letter_dispatch(user=users["clerk"], letter=draft)
        _content(letter, users[owner], signed=pdf_bytes, final=pdf_bytes + b"%final")
        Delivery.objects.create(
            letter=letter, channel=Channel.ELECTRONIC, school=school, name=school.name, sent_by=users["clerk"]
        )
        return letter

    return make


@pytest.mark.parametrize(
    "role, expected",
    [("administrator", 200), ("clerk", 200), ("supervisor", 200), ("director", 200), ("secretary", 200),
     ("executive", 200), ("member", 404), ("school", 200)],
)  # fmt: skip
def test_each_role_gets_the_pdf_of_a_dispatched_letter_as_on_the_pages(users, api_for, sent, role, expected):
    letter = sent()
    response = api_for(users[role]).get(PDF.format(letter.pk))
    assert response.status_code == expected, response.content[:200]
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF") and response.content.endswith(b"%final")


def test_another_schools_staff_and_a_member_without_a_delivery_get_404(users, api_for, sent, make_user, other_school):
    letter = sent()
    elsewhere = make_user("school", school=other_school)
    assert api_for(elsewhere).get(PDF.format(letter.pk)).status_code == 404
    assert api_for(elsewhere).get(DELIVERIES.format(letter.pk)).status_code == 404
    assert api_for(users["member"]).get(DELIVERIES.format(letter.pk)).status_code == 404


def test_a_member_with_an_electronic_delivery_by_name_gets_the_pdf(users, api_for, sent):
    letter = sent()
    member = users["member"]
    Delivery.objects.create(letter=letter, channel=Channel.ELECTRONIC, user=member, name="กรรมการ", sent_by=member)
    assert api_for(member).get(PDF.format(letter.pk)).content.startswith(b"%PDF")


def test_a_secret_letter_is_403_to_the_uncleared_and_404_to_schools(users, api_for, sent, make_user):
    letter = sent(secrecy=1)  # ลับ: the owner (supervisor), the clerk and the group director are cleared
    other_supervisor = make_user("supervisor")
    for role in ("supervisor", "clerk", "director"):
        assert api_for(users[role]).get(PDF.format(letter.pk)).status_code == 200, role
    for user in (other_supervisor, users["executive"], users["secretary"]):
        response = api_for(user).get(PDF.format(letter.pk))
        assert response.status_code == 403 and "ชั้นความลับ" in response.json()["detail"]
        assert api_for(user).get(DELIVERIES.format(letter.pk)).status_code == 403
    assert api_for(users["school"]).get(PDF.format(letter.pk)).status_code == 404


def test_a_signed_draft_serves_its_signed_pdf_and_an_unsigned_one_is_404(users, api_for, office, pdf_bytes):
    signed = services.letter_draft_outgoing(
        user=users["supervisor"], register_code="send", subject="ก", recipient_text="ข"
    )
    _content(signed, users["supervisor"], signed=pdf_bytes)
    unsigned = services.letter_draft_outgoing(
        user=users["supervisor"], register_code="send", subject="ค", recipient_text="ง"
    )
    _content(unsigned, users["supervisor"])
    owner, clerk = api_for(users["supervisor"]), api_for(users["clerk"])
    assert owner.get(PDF.format(signed.pk)).content == pdf_bytes
    assert clerk.get(PDF.format(signed.pk)).content == pdf_bytes  # the issuer who will number it
    assert api_for(users["executive"]).get(PDF.format(signed.pk)).status_code == 403  # another's draft, as the page
    response = owner.get(PDF.format(unsigned.pk))
    assert response.status_code == 404 and "ไม่พบ" in response.json()["detail"]
    assert clerk.get(DELIVERIES.format(signed.pk)).status_code == 403  # not numbered: nothing was sent


def test_a_register_only_letter_has_no_pdf(users, api_for, office):
    letter = services.letter_issue_outgoing(user=users["clerk"], register_code="send", subject="ก", recipient_text="ข")
    assert api_for(users["clerk"]).get(PDF.format(letter.pk)).status_code == 404


def test_the_delivery_counts_change_as_a_school_opens_and_acknowledges(users, api_for, sent, other_school):
    letter = sent()
    Delivery.objects.create(letter=letter, channel=Channel.ELECTRONIC, school=other_school, name=other_school.name,
                            sent_by=users["clerk"])  # fmt: skip
    Delivery.objects.create(letter=letter, channel=Channel.PAPER, name="ผู้ทรงคุณวุฒิ", address="ตู้ ปณ. 1",
                            sent_by=users["clerk"])  # fmt: skip
    client = api_for(users["supervisor"])  # the owner
    before = client.get(DELIVERIES.format(letter.pk)).json()
    assert before["counts"] == {"total": 3, "electronic": 2, "email": 0, "paper": 1, "opened": 0, "acknowledged": 0,
                                "not_acknowledged": 2}  # fmt: skip
    assert before["document_no"] == letter.document_no and len(before["deliveries"]) == 3
    assert api_for(users["school"]).get(PDF.format(letter.pk)).status_code == 200  # the school opens it
    opened = client.get(DELIVERIES.format(letter.pk)).json()["counts"]
    assert opened["opened"] == 1 and opened["acknowledged"] == 0
    ours = Delivery.objects.get(letter=letter, school__code="1099000001")
    delivery.delivery_acknowledge(user=users["school"], delivery=ours)  # รับทราบ
    after = client.get(DELIVERIES.format(letter.pk)).json()
    assert after["counts"]["opened"] == 1 and after["counts"]["acknowledged"] == 1
    assert after["counts"]["not_acknowledged"] == 1
    row = next(d for d in after["deliveries"] if d["school_code"] == "1099000001")
    assert row["acknowledged_at"] and row["first_opened_at"] and row["channel_display"].startswith("ระบบสารบรรณ")


@pytest.mark.parametrize(
    "role, expected",
    [("administrator", 200), ("clerk", 200), ("supervisor", 200), ("director", 200), ("secretary", 200),
     ("executive", 403), ("member", 404), ("school", 403)],
)  # fmt: skip
def test_each_role_sees_the_delivery_status_as_on_the_receipts_page(users, api_for, sent, role, expected):
    letter = sent()  # owned by the supervisor, delivered to the `school` user's school
    assert api_for(users[role]).get(DELIVERIES.format(letter.pk)).status_code == expected


def test_a_supervisor_who_does_not_own_the_letter_sees_no_receipts(api_for, sent, make_user):
    letter = sent()
    assert api_for(make_user("supervisor")).get(DELIVERIES.format(letter.pk)).status_code == 403


def test_the_endpoints_are_read_only_and_need_a_login(users, api_for, sent):
    letter = sent()
    for url in (PDF, DELIVERIES):
        assert api_for(users["clerk"]).post(url.format(letter.pk), {}).status_code == 405
        assert APIClient().get(url.format(letter.pk)).status_code in (401, 403)


def test_the_openapi_schema_documents_the_pdf_and_the_delivery_status(client_for, users):
    schema = client_for(users["supervisor"]).get("/api/schema/", {"format": "json"}).json()
    pdf = schema["paths"]["/api/v1/correspondence/letters/{id}/pdf/"]["get"]
    assert "application/pdf" in pdf["responses"]["200"]["content"]
    assert {"403", "404"} <= set(pdf["responses"])
    status = schema["paths"]["/api/v1/correspondence/letters/{id}/deliveries/"]["get"]
    assert "DeliveryStatus" in status["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert "acknowledged" in schema["components"]["schemas"]["DeliveryCounts"]["properties"]
