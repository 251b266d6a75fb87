from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from core import tokens
from correspondence import services
from correspondence.models import Letter


@pytest.fixture
def api_for(db):
    def make(user) -> APIClient:
        client = APIClient()
        _token, key = tokens.api_token_create(user=user, name="ทดสอบ API")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return make


def test_posting_an_incoming_letter_returns_its_issued_number(users, api_for, office):
    client = api_for(users["clerk"])
    body = {"subject": "ขอข้อมูลนักเรียน", "sender": "สพฐ.", "recipient_text": "ผอ.กลุ่ม", "letter_date": "21/11/2569",
            "urgency": 3}  # fmt: skip
    first = client.post("/api/v1/correspondence/incoming/", body, format="json")
    second = client.post("/api/v1/correspondence/incoming/", body, format="json")
    assert first.status_code == 201, first.content
    assert first.json()["number"] == 1 and second.json()["number"] == 2
    assert first.json()["letter_date"] == "2026-11-21" and first.json()["urgency_display"] == "ด่วนที่สุด"
    one = client.get(f"/api/v1/correspondence/incoming/{first.json()['id']}/")
    assert one.status_code == 200 and one.json()["subject"] == "ขอข้อมูลนักเรียน"


def test_posting_an_outgoing_circular_issues_the_w_series(users, api_for, office, school):
    response = api_for(users["clerk"]).post(
        "/api/v1/correspondence/outgoing/",
        {"register": "circular", "subject": "แจ้งเวียน", "schools": [school.code]}, format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["number"] == 1 and response.json()["document_no"] == "ศธ 04123/ว 1"


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({"sender": "ก", "recipient_text": "ข"}, "subject", "กรุณากรอกช่องนี้"),
        (
            {"subject": "ก", "sender": "ข", "recipient_text": "ค", "letter_date": "30/02/2569"},
            "letter_date",
            "ไม่มีวันที่ 30",
        ),
        ({"subject": "ก", "sender": "ข", "recipient_text": "ค", "urgency": 9}, "urgency", "ไม่ใช่ตัวเลือก"),
        ({"subject": "ก", "sender": "ข", "recipient_text": "ค", "secrecy": 3, "channel": "email"}, "channel", "ลับที่สุด"),
        (
            {"subject": "ก", "sender": "ข", "recipient_text": "ค", "retention_years": "สิบ"},
            "retention_years",
            "จำนวนเต็ม",
        ),
    ],
)
def test_bad_input_gets_400_with_thai_field_errors_and_nothing_is_saved(users, api_for, office, body, field, message):
    response = api_for(users["clerk"]).post("/api/v1/correspondence/incoming/", body, format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert not Letter.objects.exists()


def test_an_unknown_recipient_school_gets_400(users, api_for, office):
    response = api_for(users["clerk"]).post(
        "/api/v1/correspondence/outgoing/", {"subject": "ก", "schools": ["1000000000"]}, format="json"
    )
    assert response.status_code == 400 and "ไม่พบสถานศึกษารหัส" in response.json()["schools"][0]


def test_malformed_json_is_400_not_500(users, api_for, office):
    response = api_for(users["clerk"]).post(
        "/api/v1/correspondence/incoming/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400


def test_the_list_takes_the_page_filters(users, api_for, incoming):
    incoming(subject="ประชุมวิชาการ")
    incoming(subject="ขอรับงบประมาณ", urgency=2)
    client = api_for(users["supervisor"])
    by_text = client.get("/api/v1/correspondence/incoming/", {"q": "งบประมาณ"}).json()
    assert [r["subject"] for r in by_text["results"]] == ["ขอรับงบประมาณ"]
    by_urgency = client.get("/api/v1/correspondence/incoming/", {"urgency": 2}).json()
    assert by_urgency["count"] == 1


@pytest.mark.parametrize(
    "role, sees", [("clerk", True), ("director", True), ("supervisor", False), ("executive", False)]
)
def test_the_api_applies_secrecy(role, sees, users, api_for, incoming):
    secret = incoming(subject="เรื่องลับมากของสำนักงาน", secrecy=2)
    client = api_for(users[role])
    rows = client.get("/api/v1/correspondence/incoming/").json()["results"]
    assert [r["number"] for r in rows] == [secret.number]
    assert (rows[0]["subject"] == "เรื่องลับมากของสำนักงาน") == sees and rows[0]["is_redacted"] == (not sees)
    one = client.get(f"/api/v1/correspondence/incoming/{secret.pk}/").json()
    assert ("เรื่องลับมาก" in str(one)) == sees
    assert client.get("/api/v1/correspondence/incoming/", {"q": "ลับมาก"}).json()["count"] == (1 if sees else 0)


@pytest.mark.parametrize("role, code", [("member", 403), ("school", 403), ("supervisor", 403)])
def test_the_api_refuses_who_may_not_register(role, code, users, api_for, office):
    body = {"subject": "ก", "sender": "ข", "recipient_text": "ค"}
    assert api_for(users[role]).post("/api/v1/correspondence/incoming/", body, format="json").status_code == code


def test_the_api_needs_a_token(db):
    assert APIClient().get("/api/v1/correspondence/incoming/").status_code in (401, 403)


def test_the_openapi_schema_lists_the_correspondence_endpoints(client_for, users):
    response = client_for(users["supervisor"]).get("/api/schema/", {"format": "json"})  # signed-in users only
    assert response.status_code == 200
    schema = response.json()
    for path in ("/api/v1/correspondence/incoming/", "/api/v1/correspondence/outgoing/",
                 "/api/v1/correspondence/incoming/{id}/"):  # fmt: skip
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/v1/correspondence/incoming/"]
    assert "number" in schema["components"]["schemas"]["Letter"]["properties"]


def test_the_outgoing_detail_does_not_serve_incoming_entries(users, api_for, incoming):
    letter = incoming()
    assert api_for(users["clerk"]).get(f"/api/v1/correspondence/outgoing/{letter.pk}/").status_code == 404
    services.letter_issue_outgoing(user=users["clerk"], register_code="send", subject="ก", recipient_text="ข")


@pytest.mark.parametrize(
    "role, sees", [("clerk", True), ("director", True), ("supervisor", False), ("executive", False)]
)
def test_the_api_relevance_search_applies_secrecy(role, sees, users, api_for, incoming):
    """Ordered by relevance (its pool read as ids, then ranked on the stored capitals), the uncleared still find
    a secret entry by no word of it, and no field of the answer carries its subject."""
    incoming(subject="เรื่องลับมากของสำนักงาน", secrecy=2)
    incoming(subject="เรื่องปกติของสำนักงาน")
    params = {"q": "ของสำนักงาน", "order": "relevance"}
    body = api_for(users[role]).get("/api/v1/correspondence/incoming/", params).json()
    assert body["count"] == (2 if sees else 1)
    assert ("ลับมาก" in str(body)) == sees
