"""Secret entries (ลับ, ลับมาก, ลับที่สุด) on every surface, for every role."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core import services as core_services
from core import thaidate
from core.models import DocumentJob
from correspondence import selectors, services
from correspondence.models import Letter
from tests.helpers import pdf_compact

SECRET_SUBJECT = "สอบสวนข้อเท็จจริงกรณีร้องเรียนครูใหญ่"
SECRET_SENDER = "สำนักงานตรวจสอบพิเศษ"
CLEARED = ["clerk", "director", "assignee"]
NOT_CLEARED = ["supervisor", "secretary", "executive", "administrator"]
OUTSIDERS = ["member", "school"]


@pytest.fixture
def secret(users, incoming, make_user, pdf_upload):
    letter = incoming(subject=SECRET_SUBJECT, sender=SECRET_SENDER, secrecy=1, external_no="ลับ 0001/2569",
                      files=[pdf_upload()])  # fmt: skip
    assignee = make_user("supervisor", username="assignee")
    users["assignee"] = assignee
    services.letter_present(user=users["clerk"], letter=letter)
    services.letter_instruct(user=users["director"], letter=letter, instruction="ดำเนินการลับ", assignees=[assignee])
    incoming(subject="หนังสือปกติเรื่องงบประมาณ")
    return letter


def _sees(content: str) -> bool:
    return SECRET_SUBJECT in content or SECRET_SENDER in content


@pytest.mark.parametrize("role", CLEARED + NOT_CLEARED)
def test_the_register_list_shows_the_number_but_hides_content_from_the_uncleared(role, users, secret, client_for):
    page = client_for(users[role]).get(reverse("correspondence:register_list", args=["receive"])).content.decode()
    assert "หนังสือปกติเรื่องงบประมาณ" in page
    assert f">{secret.number}<" in page  # the number is taken, everyone may know that
    assert _sees(page) == (role in CLEARED)
    if role not in CLEARED:
        assert "(หนังสือชั้นความลับ)" in page and "ลับ 0001/2569" not in page


@pytest.mark.parametrize("role", CLEARED + NOT_CLEARED)
def test_search_never_matches_secret_content_for_the_uncleared(role, users, secret, client_for):
    client = client_for(users[role])
    url = reverse("correspondence:register_list", args=["receive"])
    for params in (
        {"q": "ร้องเรียน"},
        {"urgency": 0},  # the secret entry is ปกติ: the uncleared must not learn even that
        {"status": "assigned"},
        {"sender": "ตรวจสอบพิเศษ"},
        {"reference": "0001/2569"},
        {"assignee": users["assignee"].pk},
    ):
        page = client.get(url, params).content.decode()
        found = f'href="/correspondence/letters/{secret.pk}/"' in page
        assert found == (role in CLEARED), params


@pytest.mark.parametrize("role", CLEARED + NOT_CLEARED)
def test_the_detail_page_and_the_attachment_follow_clearance(role, users, secret, client_for):
    client = client_for(users[role])
    response = client.get(reverse("correspondence:letter_detail", args=[secret.pk]))
    assert response.status_code == 200
    assert _sees(response.content.decode()) == (role in CLEARED)
    download = client.get(reverse("correspondence:attachment_download", args=[secret.attachments.get().pk]))
    assert download.status_code == (200 if role in CLEARED else 403)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_nothing_at_all(role, users, secret, client_for):
    client = client_for(users[role])
    assert client.get(reverse("correspondence:letter_detail", args=[secret.pk])).status_code == 404
    assert (
        client.get(reverse("correspondence:attachment_download", args=[secret.attachments.get().pk])).status_code == 404
    )
    assert not selectors.letters_visible_to(users[role]).exists()


@pytest.mark.parametrize("role", CLEARED + NOT_CLEARED)
def test_the_excel_export_follows_clearance(role, users, secret, client_for):
    response = client_for(users[role]).get(reverse("correspondence:register_export", args=["receive"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "หนังสือปกติเรื่องงบประมาณ" in text
    assert _sees(text) == (role in CLEARED)


@pytest.mark.parametrize("role", ["clerk", "assignee", "supervisor", "executive"])
def test_the_pdf_register_follows_clearance(role, users, secret, django_capture_on_commit_callbacks):
    today = thaidate.format_numeric(thaidate.today())
    kind_params = {"register": "receive", "date_from": today, "date_to": today}
    from core import documents

    params = documents.get_kind("correspondence.register").params_from(kind_params)
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=users[role], kind="correspondence.register", params=params)
    job = DocumentJob.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    text = pdf_compact(job.result.path)
    assert "หนังสือปกติเรื่องงบประมาณ" in text
    assert ("สอบสวนข้อเท็จจริง" in text) == (role in CLEARED)
    assert "ทะเบียนหนังสือรับ" in text


def test_no_field_of_a_redacted_entry_holds_its_subject_in_any_case(users, secret):
    """Every column, the search's stored capitals (subject_upper) included: whatever reads a redacted entry's
    fields, none of them says what it is about."""
    letter = selectors.letters_visible_to(users["supervisor"]).get(pk=secret.pk)
    assert letter.is_redacted
    words = "สอบสวนข้อเท็จจริง"
    assert words in secret.subject and words in Letter.objects.get(pk=secret.pk).subject_upper
    values = {f.attname: getattr(letter, f.attname) for f in Letter._meta.concrete_fields}
    assert not [name for name, value in values.items() if isinstance(value, str) and words in value.upper()]


def test_a_redacted_entry_can_never_be_saved(users, secret):
    letter = selectors.letters_visible_to(users["supervisor"]).get(pk=secret.pk)
    assert letter.is_redacted
    with pytest.raises(RuntimeError, match="redacted letter must not be saved"):
        letter.save()


# Values of a secret entry beyond its number, year, register and secrecy level, each distinctive enough
# that finding it anywhere means it leaked (dates as the pages, the export and the API write them).
LEAKS = {
    "ลงวันที่": ("3 ก.พ. 69", "3 กุมภาพันธ์ 2569", "03/02/2569", "2026-02-03"),
    "เวลาลงทะเบียน": ("07:41", "07.41", "T00:41"),
    "ชั้นความเร็ว": ("ด่วนที่สุด",),
    "ด่วนภายใน": ("9 ก.พ.", "2026-02-09"),
    "ชนิด": ("หนังสือประทับตรา", "stamped"),
    "ช่องทาง": ("อีเมล", '"email"'),
    "อายุการเก็บ": ("เก็บถึงสิ้นปี", '"retention_years": 7'),
    "เหตุผลยกเลิก": ("ส่งผิดหน่วยงานโดยเจตนาลับ",),
}


@pytest.fixture
def secret_cancelled(users, incoming):
    import datetime as dt

    when = dt.datetime(2026, 2, 4, 0, 41, tzinfo=dt.UTC)  # 07.41 in Bangkok
    letter = incoming(
        subject=SECRET_SUBJECT, sender=SECRET_SENDER, secrecy=2, letter_date=dt.date(2026, 2, 3), urgency=3,
        deadline=dt.datetime(2026, 2, 9, 9, 0, tzinfo=dt.UTC), document_type="stamped", channel="email",
        retention_years=7, now=when,
    )  # fmt: skip
    services.letter_cancel(user=users["clerk"], letter=letter, reason="ส่งผิดหน่วยงานโดยเจตนาลับ")
    incoming(subject="หนังสือปกติเรื่องงบประมาณ")
    return letter


def _leaks(text: str) -> list[str]:
    return [f"{what}: {v}" for what, values in LEAKS.items() for v in values if v in text]


def _row(page: str, letter) -> str:
    """The entry's own row of a register page (the page's filters list every urgency by name)."""
    import re

    rows = [r for r in re.findall(r"<tr.*?</tr>", page, flags=re.S) if f"/letters/{letter.pk}/" in r]
    assert len(rows) == 1, "the entry's number must still be listed"
    return rows[0]


def _surfaces(user, letter, client_for, django_capture_on_commit_callbacks) -> dict[str, str]:
    from rest_framework.test import APIClient

    from core import documents, tokens

    client = client_for(user)
    register = reverse("correspondence:register_list", args=["receive"])
    sheet = load_workbook(io.BytesIO(client.get(reverse("correspondence:register_export", args=["receive"])).content))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {tokens.api_token_create(user=user, name='ทดสอบความลับ')[1]}")
    today = thaidate.format_numeric(thaidate.today())
    params = documents.get_kind("correspondence.register").params_from(
        {"register": "receive", "date_from": "01/02/2569", "date_to": today}
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=user, kind="correspondence.register", params=params)
    return {
        "page": client.get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode(),
        "list": _row(client.get(register).content.decode(), letter),
        "search": _row(client.get(register, {"number": letter.number}).content.decode(), letter),
        "export": " ".join(str(c.value) for row in sheet.active.iter_rows() for c in row if c.value is not None),
        "api list": api.get("/api/v1/correspondence/incoming/").content.decode(),
        "api detail": api.get(f"/api/v1/correspondence/incoming/{letter.pk}/").content.decode(),
        "printout": pdf_compact(DocumentJob.objects.get(pk=job.pk).result.path),
    }


@pytest.mark.parametrize("role", NOT_CLEARED)
def test_the_uncleared_learn_only_the_number_year_register_and_secrecy_level_on_every_surface(
    role, users, secret_cancelled, client_for, django_capture_on_commit_callbacks
):
    surfaces = _surfaces(users[role], secret_cancelled, client_for, django_capture_on_commit_callbacks)
    assert {name: _leaks(text) for name, text in surfaces.items() if _leaks(text)} == {}
    assert f"{secret_cancelled.number}" in surfaces["list"] and "ลับมาก" in surfaces["page"]


def test_the_cleared_clerk_sees_those_values_so_the_check_above_can_fail(
    users, secret_cancelled, client_for, django_capture_on_commit_callbacks
):
    surfaces = _surfaces(users["clerk"], secret_cancelled, client_for, django_capture_on_commit_callbacks)
    assert set(LEAKS) == {leak.split(":")[0] for text in surfaces.values() for leak in _leaks(text)}
