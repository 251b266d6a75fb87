"""The office logo uploaded on ข้อมูลสำนักงาน appears in every page's header (issue 17 item 5)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.models import OfficeProfile

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (31, 78, 121)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def logo(db) -> bytes:
    data = _png()
    office = OfficeProfile.get()
    office.logo = SimpleUploadedFile("ตราสำนักงานเขตพื้นที่การศึกษา.png", data, content_type="image/png")
    office.save()
    return data


def test_the_header_shows_the_uploaded_logo_with_its_office_name(users, client_for, logo):
    page = client_for(users["clerk"]).get(reverse("home")).content.decode()
    assert 'data-testid="office-logo"' in page and reverse("office_logo") in page
    assert f"ตราสัญลักษณ์ {OfficeProfile.get().office_name}" in page


def test_the_logo_is_served_as_an_image_even_on_the_login_page(client, logo):
    assert 'data-testid="office-logo"' in client.get(reverse("login")).content.decode()
    response = client.get(reverse("office_logo"))
    assert response.status_code == 200 and b"".join(response.streaming_content) == logo
    assert response["Content-Type"] == "image/png" and "max-age" in response["Cache-Control"]


def test_without_a_logo_the_header_keeps_its_icon_and_the_address_is_a_404(users, client_for, client):
    page = client_for(users["clerk"]).get(reverse("home")).content.decode()
    assert 'data-testid="office-logo"' not in page and "bi-mortarboard-fill" in page
    assert client.get(reverse("office_logo")).status_code == 404
