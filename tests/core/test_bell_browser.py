"""The director's bell lights up while the page stays open: the clerk presents a ด่วนที่สุด letter in
another browser, and the director's bell shows it on the next poll, without a reload."""

from __future__ import annotations

import pytest

from correspondence import services
from correspondence.models import Letter
from tests.conftest import PASSWORD
from tests.helpers import browser_login

SUBJECT = "ขอให้รายงานผลการสอบ O-NET ของนักเรียนชั้นประถมศึกษาปีที่ ๖ ภายในวันนี้"
POLL = 4  # seconds: the bell's polling interval in this test (30 s by default)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_presented_urgent_letter_lights_the_directors_bell_without_a_reload(page, users, settings, smtp_server):
    settings.NOTIFICATION_POLL_SECONDS = POLL
    settings.CELERY_TASK_ALWAYS_EAGER = True
    clerk, director = users["clerk"], users["director"]
    director.email = "director@office.test"
    director.save()
    letter = services.letter_register_incoming(
        user=clerk, subject=SUBJECT, sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
        recipient_text="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", urgency=3,
    )  # fmt: skip

    browser_login(page, director.username, PASSWORD)
    page.goto("/")
    assert page.locator("#notification-bell [data-unread]").count() == 0
    page.evaluate("window.__notReloaded = true")

    clerk_context = page.context.browser.new_context(base_url=_origin(page.url), locale="th-TH")
    clerk_page = clerk_context.new_page()
    clerk_page.on("dialog", lambda dialog: dialog.accept())
    browser_login(clerk_page, clerk.username, PASSWORD)
    clerk_page.goto(f"/correspondence/letters/{letter.pk}/")
    clerk_page.get_by_role("button", name="เสนอ ผอ.กลุ่ม").click()
    clerk_page.wait_for_selector("text=เสนอ ผอ.กลุ่มแล้ว")
    clerk_context.close()
    assert Letter.objects.get(pk=letter.pk).status == "presented"

    # The page is not touched: only the bell's own poll may bring the count, within one interval and a bit.
    badge = page.locator("#notification-bell [data-unread]")
    badge.wait_for(timeout=(POLL * 2 + 5) * 1000)
    assert badge.inner_text() == "1"
    assert page.evaluate("window.__notReloaded") is True
    assert "ยังไม่อ่าน 1 เรื่อง" in page.locator("#notification-bell").get_attribute("aria-label")

    page.locator("#notification-bell").click()
    page.wait_for_selector(f"text={SUBJECT[:30]}")
    (rcpt, message) = smtp_server[0]
    assert rcpt == ["director@office.test"]
    assert SUBJECT in message.get_body(("plain",)).get_content()


def _origin(url: str) -> str:
    scheme, _, host = url.split("/", 3)[:3]
    return f"{scheme}//{host}"
