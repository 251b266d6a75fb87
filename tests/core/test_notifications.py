"""The notification service: who is told, when, on which channel, and what happens when a channel fails."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.db import transaction
from django.urls import reverse

from core import notifications
from core.models import DocumentJob, Notification, NotificationDelivery
from core.models.notifications import DeliveryStatus
from core.services import document_job_fail

KIND = "test.event"
notifications.register_kind(KIND, "เหตุการณ์ทดสอบ", channels=("email", "line"))


def _tell(recipients, *, actor=None, **kw):
    data = {"kind": KIND, "recipients": recipients, "title": "เสนอหนังสือ: ขอเชิญประชุมผู้บริหารสถานศึกษา", "url": "/"}
    data.update(kw)
    notifications.notify(actor=actor, **data)


def test_each_recipient_is_told_once_after_commit_and_the_actor_not_at_all(users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"], users["director"], users["clerk"]], actor=users["clerk"])
        assert not Notification.objects.exists()  # nothing before the commit
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["director"]


def test_a_rolled_back_action_tells_nobody(users):
    with pytest.raises(RuntimeError, match="the action failed"), transaction.atomic():
        _tell([users["director"]])
        raise RuntimeError("the action failed")
    assert not Notification.objects.exists()


def test_a_reminder_with_the_same_key_reaches_a_person_only_once(users, django_capture_on_commit_callbacks):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            _tell([users["director"], users["supervisor"]], once_key="deadline:letter:7:day-before")
    assert Notification.objects.count() == 2


def test_a_secret_letter_notice_carries_no_subject_in_app_or_by_mail(
    users, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    users["director"].email = "director@office.test"
    users["director"].save()
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]], secret=True, body="จาก กองทัพภาคที่ 2")
    notice = Notification.objects.get()
    assert "ขอเชิญประชุม" not in notice.title and notice.body == "" and notice.title == notifications.SECRET_TITLE
    (rcpt, message) = smtp_server[0]
    text = message.get_body(("plain",)).get_content()
    assert rcpt == ["director@office.test"] and "ขอเชิญประชุม" not in text and "กองทัพ" not in text
    assert "หนังสือชั้นความลับ" in str(message["Subject"])


def test_email_goes_through_a_real_smtp_server_in_thai_with_a_link(
    users, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.SITE_URL = "https://nites.example.go.th"
    users["director"].email = "director@office.test"
    users["director"].save()
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]], url="/correspondence/letters/12/")
    (_, message) = smtp_server[0]
    text = message.get_body(("plain",)).get_content()
    assert "เสนอหนังสือ: ขอเชิญประชุมผู้บริหารสถานศึกษา" in text
    assert "https://nites.example.go.th/correspondence/letters/12/" in text
    html = message.get_body(("html",)).get_content()
    assert 'href="https://nites.example.go.th/correspondence/letters/12/"' in html
    assert NotificationDelivery.objects.get().status == DeliveryStatus.SENT


def test_an_unreachable_smtp_server_records_why_and_retries_with_backoff(
    users, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens
    settings.EMAIL_USE_TLS = False
    users["director"].email = "director@office.test"
    users["director"].save()
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]])  # the action itself does not fail
    delivery = NotificationDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 1 and delivery.last_error
    assert Notification.objects.get().recipient == users["director"]  # the in-app notice is there anyway
    for _ in range(len(notifications.BACKOFF_MINUTES)):
        NotificationDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at="2000-01-01T00:00:00Z")
        notifications.deliveries_retry_due()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.GAVE_UP and delivery.attempts == len(notifications.BACKOFF_MINUTES) + 1


def test_a_person_without_email_or_line_still_gets_the_bell(users, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["school"]])
    assert not NotificationDelivery.objects.exists()
    html = client_for(users["school"]).get(reverse("core:notification_bell")).content.decode()
    assert 'data-unread="1"' in html


class _FakeLine(BaseHTTPRequestHandler):
    answers: list[int] = []
    requests: list[tuple[str, dict, dict]] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's hook name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, dict(self.headers), body))
        status = type(self).answers.pop(0) if type(self).answers else 200
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b'{"message":"The request body has 1 error(s)"}' if status != 200 else b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def line_server(settings):
    server = HTTPServer(("127.0.0.1", 0), _FakeLine)
    _FakeLine.requests, _FakeLine.answers = [], []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.LINE_API_BASE = f"http://127.0.0.1:{server.server_port}"
    settings.LINE_CHANNEL_ACCESS_TOKEN = "token-of-the-office"
    settings.LINE_CHANNEL_SECRET = "secret-of-the-office"
    yield _FakeLine
    server.shutdown()


def _link_line(client, user, settings_obj) -> None:
    client.post(reverse("core:line_link_code"))
    code = notifications.settings_for(user).line_link_code
    body = json.dumps({"events": [{"type": "message", "message": {"type": "text", "text": code},
                                   "source": {"type": "user", "userId": "U1234567890abcdef"}}]}).encode()  # fmt: skip
    bad = client.post(reverse("line_webhook"), body, content_type="application/json", HTTP_X_LINE_SIGNATURE="bogus")
    assert bad.status_code == 403
    sig = base64.b64encode(hmac.new(settings_obj.LINE_CHANNEL_SECRET.encode(), body, hashlib.sha256).digest()).decode()
    ok = client.post(reverse("line_webhook"), body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sig)
    assert ok.status_code == 200


def test_line_links_by_code_and_pushes_the_documented_request(
    users, client_for, line_server, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    _link_line(client_for(users["director"]), users["director"], settings)
    assert notifications.settings_for(users["director"]).line_user_id == "U1234567890abcdef"
    line_server.answers = [500]
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]])
    delivery = NotificationDelivery.objects.get(channel="line")
    assert delivery.status == DeliveryStatus.FAILED and "LINE ตอบ 500" in delivery.last_error
    NotificationDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at="2000-01-01T00:00:00Z")
    notifications.deliveries_retry_due()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    path, headers, body = line_server.requests[-1]
    assert path == "/v2/bot/message/push" and headers["Authorization"] == "Bearer token-of-the-office"
    assert body["to"] == "U1234567890abcdef" and body["messages"][0]["type"] == "text"
    assert body["messages"][0]["text"].startswith("เสนอหนังสือ: ขอเชิญประชุม")


def test_line_is_off_cleanly_when_the_office_has_not_configured_it(users, client_for, settings):
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    html = client_for(users["director"]).get(reverse("core:notification_settings")).content.decode()
    assert "สำนักงานยังไม่ได้เปิดใช้การแจ้งเตือนทาง LINE" in html


def test_choices_per_kind_and_the_daily_digest(
    users, client_for, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    users["director"].email = "director@office.test"
    users["director"].save()
    client = client_for(users["director"])
    client.post(reverse("core:notification_settings"), {"daily_digest": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]])
        _tell([users["director"]], title="มอบหมายงาน: รายงานผลการนิเทศ")
    assert not smtp_server  # nothing one by one
    assert notifications.digests_send() == 1
    (_, message) = smtp_server[0]
    text = message.get_body(("plain",)).get_content()
    assert "(2 เรื่อง)" in str(message["Subject"]) and "มอบหมายงาน: รายงานผลการนิเทศ" in text
    assert notifications.digests_send() == 0  # never twice
    client.post(reverse("core:notification_settings"), {})  # no channel ticked, no digest
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]])
    assert len(smtp_server) == 1


def test_the_bell_page_and_opening_a_notice(users, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]], url="/correspondence/")
    notice = Notification.objects.get()
    assert client_for(users["clerk"]).get(reverse("core:notification_open", args=[notice.pk])).status_code == 404
    client = client_for(users["director"])
    page = client.get(reverse("core:notifications")).content.decode()
    assert "เสนอหนังสือ: ขอเชิญประชุมผู้บริหารสถานศึกษา" in page and "ใหม่" in page
    response = client.get(reverse("core:notification_open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/correspondence/"
    assert 'data-unread="' not in client.get(reverse("core:notification_bell")).content.decode()
    assert client.get(reverse("core:notification_read_all")).status_code == 405
    assert client.get(reverse("core:line_link_code")).status_code == 405


def test_a_notice_never_redirects_off_site(users, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _tell([users["director"]], url="https://evil.example/phish")
    notice = Notification.objects.get()
    response = client_for(users["director"]).get(reverse("core:notification_open", args=[notice.pk]))
    assert response["Location"] == reverse("core:notifications")


def test_a_failed_document_tells_its_requester_once(users, django_capture_on_commit_callbacks):
    job = DocumentJob.objects.create(
        kind="schools.school_directory", title="ทำเนียบสถานศึกษา", requested_by=users["supervisor"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        document_job_fail(job_id=job.pk, error="ข้อมูลไม่พอ")
        document_job_fail(job_id=job.pk, error="ข้อมูลไม่พอ")
    notice = Notification.objects.get()
    assert notice.recipient == users["supervisor"] and notice.title == "สร้างเอกสาร “ทำเนียบสถานศึกษา” ไม่สำเร็จ: ข้อมูลไม่พอ"


def test_pages_need_a_login(client):
    for name in ("core:notifications", "core:notification_bell", "core:notification_settings"):
        assert client.get(reverse(name)).status_code == 302
