from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from core.models import OfficeProfile

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_reports_database_broker_and_worker(client, db):
    # Test settings run tasks eagerly, inside the web process: the worker is the web process.
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] is True and body["broker"] is True
    assert body["worker"] is True and "eager" in body["worker_detail"]


def test_healthz_web_checks_only_this_process_and_its_database(client, settings, db):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # a dead broker does not make the web container unhealthy
    response = client.get("/healthz?web")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": True}


@pytest.mark.slow
def test_healthz_answers_503_when_the_broker_does_not(client, settings, db):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] is False and response.json()["database"] is True


def test_pages_need_login(client, db):
    for url in ["/", reverse("schools:school_list"), reverse("core:documents")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_login_page_is_thai(client, db):
    html = client.get(reverse("login")).content.decode()
    assert 'lang="th"' in html and "ชื่อผู้ใช้" in html and "รหัสผ่าน" in html


def test_wrong_password_gets_a_thai_message(client, users):
    response = client.post(reverse("login"), {"username": "clerk", "password": "wrong"})
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()


def test_repeated_failed_logins_lock_the_account(client, users, settings):
    from tests.conftest import PASSWORD

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "clerk", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 429
    assert "บัญชีถูกล็อกชั่วคราว" in response.content.decode()


def test_correct_login_reaches_home(client, users):
    from tests.conftest import PASSWORD

    response = client.post(reverse("login"), {"username": "supervisor", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert "สวัสดี" in response.content.decode()


def test_password_change_in_thai(users, client_for):
    client = client_for(users["clerk"])
    response = client.post(
        reverse("password_change"), {"old_password": "nope", "new_password1": "x", "new_password2": "y"}
    )
    assert "รหัสผ่านเดิมไม่ถูกต้อง" in response.content.decode()


def test_only_the_administrator_edits_the_office_profile(users, client_for):
    assert client_for(users["clerk"]).get(reverse("core:office")).status_code == 403
    admin = client_for(users["administrator"])
    assert admin.get(reverse("core:office")).status_code == 200
    response = admin.post(reverse("core:office"), {
        "office_name": "สพม.ทดสอบ", "office_type": "secondary", "group_name": "กลุ่มนิเทศฯ", "letter_code": "ศธ 04321",
        "default_retention_years": 10, "academic_year_start": "16/5",
    })  # fmt: skip
    assert response.status_code == 302
    office = OfficeProfile.get()
    assert (office.office_type, office.letter_code, office.academic_year_start) == ("secondary", "ศธ 04321", "16/05")


def test_office_profile_rejects_a_bad_academic_year_start(users, client_for):
    response = client_for(users["administrator"]).post(reverse("core:office"), {
        "office_name": "x", "office_type": "primary", "group_name": "x", "letter_code": "x",
        "default_retention_years": 10, "academic_year_start": "31/02",
    })  # fmt: skip
    assert "กรุณากรอกวันและเดือนในรูปแบบ วว/ดด" in response.content.decode()


def test_static_assets_are_vendored_not_from_a_cdn():
    base = (ROOT / "templates" / "base.html").read_text()
    assert "http://" not in base and "https://" not in base
    for asset in [
        "vendor/bootstrap/bootstrap.min.css",
        "vendor/htmx/htmx.min.js",
        "fonts/Sarabun-Regular.ttf",
        "fonts/sarabun-thai-400-normal.woff2",
        "vendor/chartjs/chart.umd.min.js",
        "vendor/leaflet/leaflet.js",
    ]:
        assert (ROOT / "static" / asset).stat().st_size > 1000, asset


def test_check_deploy_has_no_warnings_under_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "nites.example.go.th",
    }
    for name in ("DJANGO_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_MANIFEST_STATIC"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_a_bad_boolean_in_the_environment_fails_loudly():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "maybe"}
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "DJANGO_DEBUG must be a boolean" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_seed_demo_builds_the_demo_office_once():
    """Repeatability across fresh databases is tests/core/test_seed_demo.py; this is one run, then the guards."""
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError, call_command

    from schools.models import Cluster, School

    call_command("seed_demo")
    User = get_user_model()
    for username in ["admin", "clerk", "supervisor", "director", "secretary", "member", "executive", "school"]:
        assert User.objects.get(username=username).check_password("demo1234")
    assert User.objects.filter(groups__name="supervisor").distinct().count() == 10
    assert Cluster.objects.count() == 8
    assert School.objects.count() == 120
    assert User.objects.get(username="school").school_membership.school.cluster is not None
    schools = list(School.objects.order_by("code").values_list("code", "name", "cluster__name"))
    users = User.objects.count()
    call_command("seed_demo", "--if-empty")  # does nothing when users exist
    assert list(School.objects.order_by("code").values_list("code", "name", "cluster__name")) == schools
    assert User.objects.count() == users
    with pytest.raises(CommandError, match="ฐานข้อมูลมีผู้ใช้อยู่แล้ว"):
        call_command("seed_demo")


def _nav_labels(html: str) -> list[str]:
    import re

    menu = html.split('id="mainNav"', 1)[1].split('<ul class="navbar-nav">', 1)[0]
    return re.findall(r'class="nav-link[^"]*" href="[^"]+"[^>]*>([^<]+)</a>', menu)


def test_navigation_shows_each_role_only_the_apps_it_may_open(users, client_for):
    from django.contrib.auth import get_user_model

    users = {**users, "no role": get_user_model().objects.create_user("norole", password="x")}
    for role, user in users.items():
        client = client_for(user)
        labels = _nav_labels(client.get("/").content.decode())
        assert labels[0] == "หน้าแรก" and "เอกสารของฉัน" in labels, role
        urls = {
            "สารบรรณ": "/correspondence/",
            "ก.ต.ป.น.": "/committee/",
            "ประกันคุณภาพ": "/qa/",
            "งานนิเทศ": "/supervision/",
            "สถานศึกษา": "/schools/",
        }
        for label, url in urls.items():
            status = client.get(url).status_code
            assert (label in labels) == (status in (200, 302)), (role, label, status)


def test_error_pages_are_thai_and_say_why(users, client_for):
    client = client_for(users["clerk"])
    forbidden = client.get(reverse("core:office"))
    assert forbidden.status_code == 403
    html = forbidden.content.decode()
    assert "ไม่มีสิทธิ์เข้าถึงหน้านี้" in html and "เฉพาะผู้ดูแลระบบแก้ไขข้อมูลสำนักงานได้" in html
    assert "favicon.svg" in html
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and "ไม่พบหน้าที่ต้องการ" in missing.content.decode()


def test_the_server_error_page_is_thai_and_needs_no_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "ระบบขัดข้องชั่วคราว" in html and 'lang="th"' in html


def test_an_expired_form_gets_a_thai_explanation(users):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["clerk"], backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("core:document_request"), {"kind": "x"})
    assert response.status_code == 403 and "ส่งแบบฟอร์มไม่สำเร็จ" in response.content.decode()
