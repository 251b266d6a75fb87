"""Core pages: home, accounts, health, the office profile, and "my documents" (each user's own jobs only)."""

from __future__ import annotations

from django.core.files.base import ContentFile

from core import calendar, tokens
from core.models import DocumentJob, JobStatus, Notification
from tests.access.matrix import ANONYMOUS, Case, World, everyone, post_only


def objects(world: World) -> dict:
    """A finished and a failed job of the supervisor's: nobody else may read or retry them."""
    done = DocumentJob.objects.create(
        kind="schools.school_directory", title="ทำเนียบ", requested_by=world.users["supervisor"], status=JobStatus.DONE
    )
    done.result.save("directory.pdf", ContentFile(b"%PDF-1.7 test"))
    failed = DocumentJob.objects.create(
        kind="schools.school_directory", title="ทำเนียบ", requested_by=world.users["supervisor"],
        status=JobStatus.FAILED,
    )  # fmt: skip
    token, _key = tokens.api_token_create(user=world.users["supervisor"], name="โปรแกรมของศึกษานิเทศก์")
    notice = Notification.objects.create(recipient=world.users["supervisor"], kind="test", title="มอบหมายงาน", url="/")
    feed = calendar.feed_token_for(world.users["supervisor"])
    return {"done_job": done, "failed_job": failed, "supervisor_token": token, "notice": notice, "feed": feed}


PEOPLE = everyone(403, administrator=200)


def _clerk(world: World) -> dict:
    return {"pk": world.users["clerk"].pk}


OWN_ONLY = everyone(404, supervisor=200)  # the administrator too: a job may hold its requester's secrets

CASES = {
    "home": Case(expect=everyone(200)),
    "healthz": Case(expect={ANONYMOUS: 200}, others=200),
    "office_logo": Case(expect={ANONYMOUS: 404}, others=404),  # public; no logo uploaded in this world
    "login": Case(expect={ANONYMOUS: 200}, others=302),  # a logged-in user is sent on
    "logout": post_only({ANONYMOUS: 302}, others=302, get=dict.fromkeys((*everyone(405), ANONYMOUS), 405)),
    "password_change": Case(expect=everyone(200)),
    "password_change_done": Case(expect=everyone(200)),
    "core:documents": Case(expect=everyone(200)),
    "core:document_request": post_only(
        everyone(302, school=403), data=lambda w: {"kind": "schools.school_directory", "next": "/"}
    ),
    "core:document_download": Case(kwargs=lambda w: {"pk": w.objects["done_job"].pk}, expect=OWN_ONLY),
    "core:document_retry": post_only(
        everyone(404, supervisor=302), kwargs=lambda w: {"pk": w.objects["failed_job"].pk}
    ),
    "core:office": Case(expect=everyone(403, administrator=200)),
    # ข้อมูลพื้นฐาน: logins, roles and profiles are the administrator's alone (everyone else a 403).
    "core:reference": Case(expect=PEOPLE),
    "core:people": Case(expect=PEOPLE),
    "core:people_create": Case(expect=PEOPLE),
    "core:people_account": Case(kwargs=_clerk, expect=PEOPLE),
    "core:people_password": Case(kwargs=_clerk, expect=PEOPLE),
    "core:people_set_active": post_only(
        everyone(403, administrator=302), kwargs=_clerk, data=lambda w: {"active": "1"}
    ),  # reactivating an active login: the table's world is unchanged
    "core:people_reset_link": post_only(everyone(403, administrator=200), kwargs=_clerk),
    # the one-time link itself needs no login; a wrong token shows "ลิงก์นี้ใช้ไม่ได้แล้ว"
    "password_reset_confirm": Case(
        kwargs=lambda w: {"uidb64": "MQ", "token": "set-password"}, expect={ANONYMOUS: 200}, others=200
    ),
    "password_reset_complete": Case(expect={ANONYMOUS: 200}, others=200),
    "core:profile": Case(expect=everyone(200)),
    # API tokens: each user makes and sees only their own; another's token is a 404, the administrator's too.
    "core:api_tokens": Case(expect=everyone(200)),
    "core:api_token_create": post_only(everyone(200), data=lambda w: {"name": "โปรแกรมนำเข้าหนังสือ", "days": "30"}),
    "core:api_token_revoke": post_only(
        everyone(404, supervisor=302), kwargs=lambda w: {"pk": w.objects["supervisor_token"].pk}
    ),
    # Notifications: each user's own (another's notice is a 404, the administrator's too).
    "core:notifications": Case(expect=everyone(200)),
    "core:notification_bell": Case(expect=everyone(200)),
    "core:notification_open": Case(
        kwargs=lambda w: {"pk": w.objects["notice"].pk}, expect=everyone(404, supervisor=302)
    ),
    "core:notification_read_all": post_only(everyone(302)),
    "core:notification_settings": Case(expect=everyone(200)),
    "core:line_link_code": post_only(everyone(302)),
    # LINE calls the webhook without a login; without LINE's signature it is refused.
    "line_webhook": [
        Case(expect={ANONYMOUS: 405}, others=405),
        Case(method="post", expect={ANONYMOUS: 403}, others=403, data=lambda w: {"events": "[]"}),
    ],
    # The calendar, and the private feed whose secret token is the key (no login).
    "core:calendar": Case(expect=everyone(200)),
    "core:calendar_feed_settings": Case(expect=everyone(200)),
    "core:calendar_feed_renew": post_only(everyone(302)),
    "core:calendar_feed_revoke": post_only(everyone(302)),
    "calendar_feed": Case(kwargs=lambda w: {"token": w.objects["feed"]}, expect={ANONYMOUS: 200}, others=200),
    # One search box: everyone searches what they may see (each app's source narrows it).
    "core:search": Case(expect=everyone(200), query="?q=ทดสอบ"),
    # The API's schema and its Swagger UI: signed-in users only (401 for the schema, the login page for the UI).
    "api-schema": Case(expect={ANONYMOUS: 401}, others=200),
    "api-docs": Case(expect=everyone(200)),
}
