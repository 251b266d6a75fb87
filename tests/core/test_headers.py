"""Cache-Control: no copy of a secret page or a download is kept by a browser or a proxy."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from core import tokens
from core.models import DocumentJob, JobStatus
from correspondence import services as correspondence_services

SECRET_SUBJECT = "สอบสวนข้อเท็จจริงกรณีร้องเรียนผู้บริหารสถานศึกษา โรงเรียนบ้านหนองบัวทองวิทยาคม"


@pytest.fixture
def secret_letter(users):
    letter = correspondence_services.letter_register_incoming(
        user=users["clerk"],
        subject=SECRET_SUBJECT,
        sender="สำนักงานตรวจสอบพิเศษ กระทรวงศึกษาธิการ",
        recipient_text="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
        external_no="ลับ ศธ 04002/1234",
        secrecy=2,
    )
    return letter


def no_store(response) -> bool:  # noqa: ANN001
    cache = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= cache and response.get("Pragma") == "no-cache"


def test_a_secret_letters_page_is_not_stored(users, secret_letter, client_for):
    response = client_for(users["clerk"]).get(reverse("correspondence:letter_detail", args=[secret_letter.pk]))
    assert response.status_code == 200 and SECRET_SUBJECT in response.content.decode()
    assert no_store(response)


def test_every_signed_in_page_is_not_stored(users, client_for):
    for name in ("home", "core:documents", "core:api_tokens"):
        assert no_store(client_for(users["supervisor"]).get(reverse(name))), name


def test_a_document_download_is_not_stored(users, client_for):
    job = DocumentJob.objects.create(
        kind="correspondence.register",
        title="ทะเบียนหนังสือรับ ปี 2569",
        requested_by=users["clerk"],
        status=JobStatus.DONE,
    )
    job.result.save("register.pdf", ContentFile(b"%PDF-1.7 test"))
    client = client_for(users["clerk"])
    for query in ("", "?inline=1"):
        response = client.get(reverse("core:document_download", args=[job.pk]) + query)
        assert response.status_code == 200 and no_store(response), query


def test_a_spreadsheet_export_is_not_stored(users, secret_letter, client_for):
    response = client_for(users["clerk"]).get(reverse("correspondence:register_export", args=["receive"]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert no_store(response)


def test_an_api_answer_to_a_token_is_not_stored(users, secret_letter):
    from rest_framework.test import APIClient

    _token, key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get(f"/api/v1/correspondence/incoming/{secret_letter.pk}/")
    assert response.status_code == 200 and no_store(response)


def test_static_files_are_left_to_their_own_caching_even_for_a_signed_in_user(users, client_for):
    response = client_for(users["clerk"]).get("/static/css/app.css")
    assert "no-store" not in response.get("Cache-Control", "")
