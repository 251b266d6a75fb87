"""Personal API tokens: stored hashed, shown once, expiring, revocable; nobody reads another's."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import io

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from core import tokens
from core.models import ApiToken
from correspondence import services as correspondence_services

LIST_URL = "/api/v1/correspondence/incoming/"
SUBJECT = "ขอความอนุเคราะห์ส่งข้อมูลนักเรียนพิการเรียนร่วม ปีการศึกษา 2569"


@pytest.fixture
def letter(users):
    return correspondence_services.letter_register_incoming(
        user=users["clerk"],
        subject=SUBJECT,
        sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
        recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
        external_no="ศธ 04010/ว 4512",
    )


def api(header: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    return client


def test_a_new_token_is_kept_only_as_its_sha256(users):
    token, key = tokens.api_token_create(user=users["clerk"], name="โปรแกรมนำเข้าหนังสือรับจากระบบ My Office")
    assert key.startswith("nt_") and len(key) > 40
    assert token.prefix == key[:11] and token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert all(key not in str(value) for value in stored.values())
    assert dt.timedelta(days=89) < token.expires_at - timezone.now() <= dt.timedelta(days=90)


def test_two_tokens_never_share_a_key(users):
    keys = {tokens.api_token_create(user=users["clerk"], name=f"เครื่องที่ {n}")[1] for n in range(5)}
    assert len(keys) == 5


@pytest.mark.parametrize("days", [0, 366, -5])
def test_a_lifetime_outside_one_to_365_days_is_refused_in_thai(users, days):
    with pytest.raises(ValidationError, match="ระหว่าง 1 ถึง 365 วัน"):
        tokens.api_token_create(user=users["clerk"], name="ทดสอบ", days=days)


def test_a_token_needs_a_name(users):
    with pytest.raises(ValidationError, match="กรุณาตั้งชื่อโทเค็น"):
        tokens.api_token_create(user=users["clerk"], name="   ")


@pytest.mark.parametrize("keyword", ["Token", "Bearer", "token"])
def test_the_api_takes_the_key_after_token_or_bearer(users, letter, keyword):
    _token, key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ")
    response = api(f"{keyword} {key}").get(LIST_URL)
    assert response.status_code == 200, response.content
    assert SUBJECT in response.content.decode()


def test_an_unknown_key_is_a_401_in_thai(users, letter):
    response = api("Token nt_thisKeyWasNeverMadeByTheServer0000000000000").get(LIST_URL)
    assert response.status_code == 401 and response.json()["detail"] == "โทเค็นไม่ถูกต้อง"
    assert response["WWW-Authenticate"] == "Token"


def test_a_revoked_token_is_refused(users, letter):
    token, key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ")
    tokens.api_token_revoke(user=users["clerk"], token=token)
    response = api(f"Token {key}").get(LIST_URL)
    assert response.status_code == 401 and response.json()["detail"] == "โทเค็นนี้ถูกยกเลิกแล้ว"


def test_an_expired_token_is_refused(users, letter):
    token, key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ", days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = api(f"Token {key}").get(LIST_URL)
    assert response.status_code == 401 and "หมดอายุ" in response.json()["detail"]


def test_the_token_of_a_deactivated_user_is_refused(users, letter):
    _token, key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ")
    users["clerk"].is_active = False
    users["clerk"].save()
    response = api(f"Token {key}").get(LIST_URL)
    assert response.status_code == 401 and response.json()["detail"] == "บัญชีเจ้าของโทเค็นถูกระงับ"


def test_a_malformed_header_is_a_thai_401_not_a_500(users, letter):
    response = api("Token two words").get(LIST_URL)
    assert response.status_code == 401 and "รูปแบบส่วนหัว" in response.json()["detail"]


def test_last_used_is_written_at_most_once_a_minute(users, letter):
    token, key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ")
    client = api(f"Token {key}")
    client.get(LIST_URL)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    client.get(LIST_URL)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - dt.timedelta(minutes=2))
    client.get(LIST_URL)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first


def test_the_token_carries_only_its_owners_permissions(users, letter):
    _token, key = tokens.api_token_create(user=users["school"], name="ของโรงเรียน")
    response = api(f"Token {key}").get(LIST_URL)
    assert response.status_code == 404 and SUBJECT not in response.content.decode()  # as for the school's login


def test_nobody_revokes_anothers_token_but_the_administrator(users):
    token, _key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ")
    with pytest.raises(PermissionDenied, match="เฉพาะโทเค็นของตนเอง"):
        tokens.api_token_revoke(user=users["supervisor"], token=token)
    assert tokens.api_token_revoke(user=users["administrator"], token=token).revoked_at is not None


# --- The self-service page --------------------------------------------------


def test_a_user_makes_a_token_sees_it_once_and_it_works(users, letter, client_for):
    client = client_for(users["clerk"])
    made = client.post(reverse("core:api_token_create"), {"name": "สคริปต์ส่งออกทะเบียนรับ", "days": "30"})
    assert made.status_code == 200
    token = ApiToken.objects.get(user=users["clerk"])
    key = made.context["new_key"]
    assert key in made.content.decode() and "แสดงครั้งเดียว" in made.content.decode()
    assert token.key_hash == tokens.key_hash(key)
    assert dt.timedelta(days=29) < token.expires_at - timezone.now() <= dt.timedelta(days=30)
    listing = client.get(reverse("core:api_tokens")).content.decode()
    assert token.prefix in listing and key not in listing and "สคริปต์ส่งออกทะเบียนรับ" in listing
    assert api(f"Token {key}").get(LIST_URL).status_code == 200

    revoked = client.post(reverse("core:api_token_revoke", args=[token.pk]), follow=True)
    assert "ยกเลิกโทเค็น" in revoked.content.decode()
    assert api(f"Token {key}").get(LIST_URL).status_code == 401


def test_bad_input_on_the_page_gets_thai_messages(users, client_for):
    response = client_for(users["clerk"]).post(reverse("core:api_token_create"), {"name": "", "days": "900"})
    page = response.content.decode()
    assert response.status_code == 400 and "กรุณาตั้งชื่อโทเค็น" in page and "ระหว่าง 1 ถึง 365 วัน" in page
    assert not ApiToken.objects.exists()


def test_the_page_lists_only_ones_own_tokens(users, client_for):
    tokens.api_token_create(user=users["clerk"], name="โทเค็นของเจ้าหน้าที่สารบรรณ")
    page = client_for(users["administrator"]).get(reverse("core:api_tokens")).content.decode()
    assert "โทเค็นของเจ้าหน้าที่สารบรรณ" not in page


def test_the_administrator_cannot_revoke_anothers_token_on_the_page(users, client_for):
    token, _key = tokens.api_token_create(user=users["clerk"], name="ทดสอบ")
    response = client_for(users["administrator"]).post(reverse("core:api_token_revoke", args=[token.pk]))
    assert response.status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


# --- The admin ----------------------------------------------------------------


def test_the_admin_lists_and_revokes_tokens_but_never_shows_adds_or_changes_a_key(users, client_for):
    token, key = tokens.api_token_create(user=users["clerk"], name="โปรแกรมนำเข้าหนังสือ")
    admin = client_for(users["administrator"])
    changelist = admin.get(reverse("admin:core_apitoken_changelist")).content.decode()
    assert token.prefix in changelist and "โปรแกรมนำเข้าหนังสือ" in changelist
    detail = admin.get(reverse("admin:core_apitoken_change", args=[token.pk]))
    assert detail.status_code == 200
    for page in (changelist, detail.content.decode()):
        assert key not in page and token.key_hash not in page
    assert 'name="name"' not in detail.content.decode()  # read-only: no field to edit
    assert admin.get(reverse("admin:core_apitoken_add")).status_code == 403
    posted = admin.post(reverse("admin:core_apitoken_change", args=[token.pk]), {"name": "เปลี่ยน"})
    assert posted.status_code == 403
    done = admin.post(
        reverse("admin:core_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
        follow=True,
    )
    assert "ยกเลิกโทเค็นแล้ว 1 รายการ" in done.content.decode()
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_drf_authtoken_is_gone_and_its_leftover_table_is_dropped(db):
    assert "rest_framework.authtoken" not in settings.INSTALLED_APPS
    migration = importlib.import_module("core.migrations.0006_drop_plaintext_authtoken").Migration
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer)")
        cursor.execute("INSERT INTO authtoken_token VALUES ('9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b', 1)")
        for operation in migration.operations:
            cursor.execute(operation.sql)
        assert "authtoken_token" not in connection.introspection.table_names(cursor)
        for operation in migration.operations:  # a second run (a fresh database) is harmless
            cursor.execute(operation.sql)


# --- The operator's command -------------------------------------------------


def test_the_command_makes_lists_and_revokes_a_token(users, letter):
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token", "create", "clerk", "--name", "ระบบนำเข้า", "--days", "7", stdout=out, stderr=err)
    key = out.getvalue().strip()
    assert key.startswith("nt_") and "แสดงครั้งเดียว" in err.getvalue()
    assert api(f"Token {key}").get(LIST_URL).status_code == 200

    listing = io.StringIO()
    call_command("api_token", "list", "clerk", stdout=listing)
    assert key[:11] in listing.getvalue() and key not in listing.getvalue() and "ใช้งานได้" in listing.getvalue()

    call_command("api_token", "revoke", key[:11], stdout=io.StringIO())
    assert api(f"Token {key}").get(LIST_URL).status_code == 401


def test_the_command_says_in_thai_what_is_wrong(users):
    with pytest.raises(CommandError, match="ไม่พบผู้ใช้ nobody"):
        call_command("api_token", "create", "nobody")
    with pytest.raises(CommandError, match="ระหว่าง 1 ถึง 365 วัน"):
        call_command("api_token", "create", "clerk", "--days", "400")
    with pytest.raises(CommandError, match="ไม่พบโทเค็น"):
        call_command("api_token", "revoke", "nt_missing1")
