"""The API takes input by the same rules as the pages' forms and answers every error in Thai."""

from __future__ import annotations

import json
import re

import pytest
from rest_framework.test import APIClient

from correspondence.forms import DraftForm, IncomingForm
from correspondence.models import Letter
from schools import services as school_services
from tests.conftest import PASSWORD
from tests.helpers import browser_login

INCOMING = "/api/v1/correspondence/incoming/"
OUTGOING = "/api/v1/correspondence/outgoing/"
ENGLISH_ONLY = re.compile(r"^[A-Za-z0-9 ,.'\"=:;()\[\]{}<>/_-]+$")
THAI = re.compile(r"[\u0e01-\u0e5b]")
SENDER = "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน กระทรวงศึกษาธิการ"
RECIPIENT = "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
SUBJECT = "ขอเชิญประชุมเชิงปฏิบัติการพัฒนาศักยภาพผู้บริหารสถานศึกษาด้านการประกันคุณภาพภายใน"


def _incoming(**extra: object) -> dict:
    return {"subject": SUBJECT, "sender": SENDER, "recipient_text": RECIPIENT, **extra}


def _messages(data: object) -> list[str]:
    if isinstance(data, dict):
        return [m for value in data.values() for m in _messages(value)]
    if isinstance(data, list):
        return [m for value in data for m in _messages(value)]
    return [str(data)]


def assert_thai(response) -> None:
    messages = _messages(response.json())
    assert messages, response.content
    for message in messages:
        assert THAI.search(message) and not ENGLISH_ONLY.match(message), f"ไม่ใช่ภาษาไทย: {message!r}"


@pytest.fixture
def api(users, office):
    client = APIClient()
    client.force_authenticate(users["clerk"])
    return client


@pytest.fixture
def far_school(db, school):
    return school_services.school_create(
        code="1099000003", name="โรงเรียนบ้านหนองบัวทองวิทยาคารสามัคคีราษฎร์บำรุง", level_primary=True,
        district="ศรีบุญเรือง", pupils=120, cluster=school.cluster,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (_incoming(recipient_text="ก" * 2_000_000), "recipient_text", "ไม่เกิน 500 ตัวอักษร"),
        (_incoming(subject="ข" * 501), "subject", "ไม่เกิน 500 ตัวอักษร"),
        (_incoming(sender="ค" * 301), "sender", "ไม่เกิน 300 ตัวอักษร"),
        (_incoming(external_no="ง" * 101), "external_no", "ไม่เกิน 100 ตัวอักษร"),
        (_incoming(remarks="จ" * 20_001), "remarks", "ไม่เกิน 20000 ตัวอักษร"),
        (_incoming(letter_date="0001-01-01"), "letter_date", "ระหว่างปี พ.ศ. 2400 ถึง 2700"),
        (_incoming(letter_date="9999-12-31"), "letter_date", "ระหว่างปี พ.ศ. 2400 ถึง 2700"),
        (_incoming(letter_date="21/11/0001"), "letter_date", "ไม่ใช่ปีพุทธศักราชที่ใช้ได้"),
        (_incoming(letter_date="2026-W47-6"), "letter_date", "วว/ดด/ปปปป"),
        (_incoming(letter_date=20261121), "letter_date", "วันที่ไม่ถูกต้อง"),
        (_incoming(deadline="0001-01-01T10:00"), "deadline", "ระหว่างปี พ.ศ. 2400 ถึง 2700"),
        (_incoming(deadline="31/02/2569 10:00"), "deadline", "ไม่มีวันที่ 31"),
        (_incoming(deadline="พรุ่งนี้"), "deadline", "วันเวลาไม่ถูกต้อง"),
        (_incoming(urgency="ด่วนมากที่สุด"), "urgency", "ไม่ใช่ตัวเลือกที่ใช้ได้"),
        (_incoming(retention_years=0), "retention_years", "ต้องไม่น้อยกว่า 1"),
        (_incoming(retention_years="สิบ"), "retention_years", "ต้องเป็นจำนวนเต็ม"),
        (_incoming(keep_forever="ตลอดไป"), "keep_forever", "true หรือ false"),
        (_incoming(subject=None), "subject", "ห้ามเว้นว่าง"),
        (_incoming(subject="   "), "subject", "ห้ามเว้นว่าง"),
        (_incoming(subject=["ก"]), "subject", "ต้องเป็นข้อความ"),
        ({"sender": SENDER, "recipient_text": RECIPIENT}, "subject", "กรุณากรอกช่องนี้"),
    ],
)
def test_incoming_input_is_refused_per_field_in_thai(api, body, field, message):
    response = api.post(INCOMING, body, format="json")
    assert response.status_code == 400, response.content[:300]
    assert message in " ".join(response.json()[field]), response.json()
    assert_thai(response)
    assert not Letter.objects.exists()


def test_the_api_and_the_form_refuse_the_same_lengths_and_years():
    """One rule for both doors: what the incoming form refuses, the API refuses, and the reverse."""
    form = IncomingForm(data={**_incoming(recipient_text="ก" * 501, letter_date="21/11/2399"), "urgency": 0,
                              "secrecy": 0, "document_type": "external", "channel": "paper"})  # fmt: skip
    assert not form.is_valid()
    assert {"recipient_text", "letter_date"} <= set(form.errors)
    draft = DraftForm(data={"register_code": "send", "subject": SUBJECT, "recipient_text": "ก" * 20_001,
                            "urgency": 0, "secrecy": 0, "document_type": "external", "channel": "paper"})  # fmt: skip
    assert not draft.is_valid() and "ไม่เกิน 20000 ตัวอักษร" in draft.errors["recipient_text"][0]


def test_a_be_date_and_an_iso_date_are_both_taken_and_read_back_in_both_forms(api):
    be = api.post(INCOMING, _incoming(letter_date="๒๑/๑๑/๒๕๖๙", deadline="25/11/2569", urgency=1), format="json")
    iso = api.post(INCOMING, _incoming(letter_date="2026-11-21", deadline="2026-11-25T09:15", urgency=1), format="json")
    assert be.status_code == iso.status_code == 201, (be.content, iso.content)
    assert be.json()["letter_date"] == iso.json()["letter_date"] == "2026-11-21"
    assert be.json()["letter_date_be"] == "21/11/2569"
    assert be.json()["deadline"].startswith("2026-11-25T16:30") and be.json()["deadline"].endswith("+07:00")
    assert iso.json()["deadline"].startswith("2026-11-25T09:15")


@pytest.mark.parametrize(
    ("schools", "message"),
    [
        (["\u0000"], "ตัวเลข 10 หลัก"),
        (["1099000001\u0000"], "ตัวเลข 10 หลัก"),
        (["โรงเรียนบ้านทดสอบ"], "ตัวเลข 10 หลัก"),
        ([1.5], "ตัวเลข 10 หลัก"),
        ([{"code": "1099000001"}], "ตัวเลข 10 หลัก"),
        ([None], "ตัวเลข 10 หลัก"),
        (["1099999999"], "ไม่พบสถานศึกษารหัส “1099999999”"),
        ("1099000001", "ต้องส่งเป็นรายการรหัสสถานศึกษา"),
        ({"0": "1099000001"}, "ตัวเลข 10 หลัก"),
    ],
)
def test_bad_school_codes_are_a_thai_400_never_a_database_error(api, school, schools, message):
    response = api.post(OUTGOING, {"subject": SUBJECT, "schools": schools}, format="json")
    assert response.status_code == 400, response.content[:300]
    assert message in " ".join(_messages(response.json()["schools"])), response.json()
    assert_thai(response)


@pytest.mark.postgres
def test_a_nul_in_the_school_list_is_a_400_on_postgresql(api, school):
    """PostgreSQL refuses NUL in text outright: the code must be checked before any query."""
    response = api.post(OUTGOING, {"subject": SUBJECT, "schools": ["\u0000", school.code]}, format="json")
    assert response.status_code == 400 and "ตัวเลข 10 หลัก" in response.json()["schools"][0]


def test_a_school_code_as_a_number_and_an_inactive_school(api, school, far_school):
    ok = api.post(OUTGOING, {"subject": SUBJECT, "schools": [int(school.code), far_school.code]}, format="json")
    assert ok.status_code == 201, ok.content
    assert far_school.name in ok.json()["recipient_text"]
    type(far_school).objects.filter(pk=far_school.pk).update(is_active=False)  # closed (merged school)
    closed = api.post(OUTGOING, {"subject": SUBJECT, "schools": [far_school.code]}, format="json")
    assert closed.status_code == 400 and "ปิดการใช้งาน" in closed.json()["schools"][0]


def test_outgoing_recipient_text_has_the_draft_forms_limit(api):
    long = api.post(OUTGOING, {"subject": SUBJECT, "recipient_text": "ถ" * 20_001}, format="json")
    fits = api.post(OUTGOING, {"subject": SUBJECT, "recipient_text": "ถ" * 20_000}, format="json")
    assert long.status_code == 400 and "ไม่เกิน 20000 ตัวอักษร" in long.json()["recipient_text"][0]
    assert fits.status_code == 201, fits.content[:300]


def _bad_requests(api: APIClient, users: dict, school: object) -> dict[str, object]:
    anonymous = APIClient()
    teacher = APIClient()
    teacher.force_authenticate(users["supervisor"])
    return {
        "anonymous": anonymous.get(INCOMING),
        "bad token": anonymous.get(INCOMING, HTTP_AUTHORIZATION="Token not-a-token-0000"),
        "not found": api.get(f"{INCOMING}999999/"),
        "wrong register": api.get(f"{OUTGOING}999999/"),
        "method not allowed": api.delete(INCOMING),
        "put on detail": api.put(f"{INCOMING}1/", {}, format="json"),
        "parse error": api.post(INCOMING, data=b'{"subject": ', content_type="application/json"),
        "not an object": api.post(INCOMING, data=json.dumps([1, 2]), content_type="application/json"),
        "unsupported media type": api.post(INCOMING, data=b"subject=x", content_type="text/plain"),
        "invalid page": api.get(INCOMING, {"page": 99}),
        "page not a number": api.get(INCOMING, {"page": "สอง"}),
        "bad filter": api.get(INCOMING, {"date_from": "2026-11-21", "number": "หนึ่ง", "status": "lost"}),
        "bad assignee": api.get(INCOMING, {"assignee": "\u0000ไม่ใช่เลข"}),  # NUL cleaned away, the rest still wrong
        "permission": teacher.post(INCOMING, _incoming(), format="json"),
        "empty body": api.post(INCOMING, {}, format="json"),
        "nulls": api.post(INCOMING, dict.fromkeys(_incoming(urgency=0, letter_date=0)), format="json"),
        "wrong types": api.post(
            OUTGOING,
            {"subject": 5, "schools": 7, "register": [], "urgency": {}, "retention_years": "x" * 50, "letter_date": []},
            format="json",
        ),  # fmt: skip
        "outgoing no recipient": api.post(OUTGOING, {"subject": SUBJECT}, format="json"),
    }


def test_every_error_the_api_can_give_is_in_thai(api, users, school):
    expected = {
        "anonymous": 401, "bad token": 401, "not found": 404, "wrong register": 404, "method not allowed": 405,
        "put on detail": 405, "parse error": 400, "not an object": 400, "unsupported media type": 415,
        "invalid page": 404, "page not a number": 404, "bad filter": 400, "bad assignee": 400, "permission": 403,
        "empty body": 400, "nulls": 400, "wrong types": 400, "outgoing no recipient": 400,
    }  # fmt: skip
    responses = _bad_requests(api, users, school)
    assert {name: r.status_code for name, r in responses.items()} == expected
    for name, response in responses.items():
        try:
            assert_thai(response)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from None


def test_throttled_answers_in_thai(api, settings):
    from rest_framework.throttling import UserRateThrottle

    from correspondence.api import views

    class OncePerDay(UserRateThrottle):
        rate = "1/day"

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    original = views.IncomingList.throttle_classes
    views.IncomingList.throttle_classes = [OncePerDay]
    try:
        api.get(INCOMING)
        response = api.get(INCOMING)
    finally:
        views.IncomingList.throttle_classes = original
    assert response.status_code == 429
    assert "ถี่เกินไป" in response.json()["detail"] and "วินาที" in response.json()["detail"]


def test_the_schema_and_its_swagger_page_need_a_signed_in_user(client, client_for, users):
    assert client.get("/api/schema/").status_code == 401
    assert THAI.search(client.get("/api/schema/", {"format": "json"}).json()["detail"])
    page = client.get("/api/docs/")
    assert page.status_code == 302 and "/login" in page["Location"]
    signed_in = client_for(users["school"])
    schema = signed_in.get("/api/schema/", {"format": "json"})
    assert schema.status_code == 200
    assert signed_in.get("/api/docs/").status_code == 200
    assert "swagger-ui-bundle.js" in signed_in.get("/api/docs/").content.decode()


def test_the_schema_documents_errors_and_both_date_formats(client_for, users):
    schema = client_for(users["supervisor"]).get("/api/schema/", {"format": "json"}).json()
    post = schema["paths"][INCOMING]["post"]
    assert {"201", "400", "401", "403"} <= set(post["responses"])
    detail = schema["paths"][f"{INCOMING}{{id}}/"]["get"]
    assert "404" in detail["responses"]
    letter_date = schema["components"]["schemas"]["IncomingCreate"]["properties"]["letter_date"]
    assert "วว/ดด/ปปปป" in letter_date["description"] and "YYYY-MM-DD" in letter_date["description"]
    assert "2400" in letter_date["description"]
    filters = {p["name"]: p for p in schema["paths"][INCOMING]["get"]["parameters"]}
    assert "พ.ศ. วว/ดด/ปปปป เท่านั้น" in filters["date_from"]["description"]
    assert "format" not in filters["date_from"]["schema"]  # the filter takes BE dates only: not "date"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_swagger_page_renders_under_the_csp_after_login(page, users):
    """Swagger UI from our own static files (no CDN), its script not inline: the CSP lets it run."""
    blocked: list[str] = []
    page.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto("/api/docs/")
    assert "/login" in page.url
    browser_login(page, "clerk", PASSWORD)
    page.goto("/api/docs/")
    page.locator(".opblock-tag", has_text="correspondence").first.wait_for()
    assert page.locator("text=/api/v1/correspondence/incoming/").first.is_visible()
    assert not [m for m in blocked if "script" in m], blocked
