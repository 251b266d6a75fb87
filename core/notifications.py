"""The one notification service: apps say what happened and to whom; this module tells them.

    notifications.register_kind("correspondence.letter_presented", "หนังสือเสนอถึงฉัน")
    notifications.notify(kind="correspondence.letter_presented", recipients=[director],
                         title="เสนอหนังสือ: …", url=letter_url, actor=clerk, subject_key=f"letter:{pk}")

Nothing is told before the caller's transaction commits (nor for a rolled-back action). Every
recipient gets the in-app notice (the bell); e-mail and LINE follow each person's choices, are
sent by the worker, retried with backoff and kept with their error when they fail, so the user's
action never fails because a mail server is down. A secret letter's notice carries neither its
subject nor its sender on any channel: the caller says `secret=True` and the title is replaced here.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from . import line
from .models import Notification, NotificationDelivery, NotificationSettings
from .models.notifications import DeliveryChannel, DeliveryStatus

SECRET_TITLE = "มีหนังสือชั้นความลับถึงคุณ (เปิดดูรายละเอียดในระบบ)"
BACKOFF_MINUTES = (1, 5, 15, 60, 240)  # after the 1st … 5th failure; then the delivery gives up


@dataclass(frozen=True)
class Kind:
    code: str
    label: str  # Thai, shown on the preferences page
    channels: tuple[str, ...] = (DeliveryChannel.EMAIL,)  # outside channels on by default


_KINDS: dict[str, Kind] = {}


def register_kind(code: str, label: str, *, channels: tuple[str, ...] = (DeliveryChannel.EMAIL,)) -> None:
    _KINDS[code] = Kind(code, label, channels)


def kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda k: k.code)


register_kind("core.document_ready", "เอกสารที่ขอไว้สร้างเสร็จแล้ว", channels=())
register_kind("core.document_failed", "เอกสารที่ขอไว้สร้างไม่สำเร็จ")


def settings_for(user: AbstractBaseUser) -> NotificationSettings:
    obj, _ = NotificationSettings.objects.get_or_create(user=user)
    return obj


def channels_for(user: AbstractBaseUser, kind: str, prefs: NotificationSettings) -> list[str]:
    """The outside channels this person wants for this kind and can be reached on."""
    default = _KINDS[kind].channels if kind in _KINDS else (DeliveryChannel.EMAIL,)
    wanted = prefs.channels.get(kind, list(default))
    out = []
    if DeliveryChannel.EMAIL in wanted and user.email and not prefs.daily_digest:
        out.append(DeliveryChannel.EMAIL)
    if DeliveryChannel.LINE in wanted and prefs.line_user_id and line.configured():
        out.append(DeliveryChannel.LINE)
    return out


# --- telling -------------------------------------------------------------------------------------
def notify(
    *, kind: str, recipients: Iterable[AbstractBaseUser], title: str, url: str = "", body: str = "",
    actor: AbstractBaseUser | None = None, subject_key: str = "", once_key: str = "", secret: bool = False,
) -> None:  # fmt: skip
    """Tell `recipients` (the actor excepted) once the caller's transaction has committed."""
    if secret:
        title, body = SECRET_TITLE, ""
    people = {u.pk: u for u in recipients if u is not None and getattr(u, "is_active", True)}
    people.pop(getattr(actor, "pk", None), None)
    if not people:
        return
    data = {"kind": kind, "title": title[:300], "url": url, "body": body, "actor": actor,
            "subject_key": subject_key, "once_key": once_key}  # fmt: skip
    transaction.on_commit(lambda: _tell(list(people.values()), data))


def _tell(people: list[AbstractBaseUser], data: dict) -> None:
    for person in people:
        notice = _create(person, data)
        if notice is None:
            continue  # this reminder was already given
        for channel in channels_for(person, notice.kind, settings_for(person)):
            delivery = NotificationDelivery.objects.create(notification=notice, channel=channel)
            _enqueue(delivery.pk)


def _create(person: AbstractBaseUser, data: dict) -> Notification | None:
    try:
        with transaction.atomic():
            return Notification.objects.create(recipient=person, **data)
    except IntegrityError:
        return None


def _enqueue(delivery_id: int) -> None:
    from .tasks import deliver_notification

    try:
        deliver_notification.delay(delivery_id)
    except Exception:  # noqa: BLE001 - a broker outage must not fail the action; beat's sweep sends it
        NotificationDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now())


# --- delivering ----------------------------------------------------------------------------------
def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}" if path.startswith("/") else path


def _send_email(notice: Notification) -> None:
    context = {"notice": notice, "link": absolute_url(notice.url) if notice.url else "", "office": _office()}
    message = EmailMultiAlternatives(
        subject=f"[{context['office'].office_name}] {notice.title}",
        body=render_to_string("core/notifications/email.txt", context),
        to=[notice.recipient.email],
    )
    message.attach_alternative(render_to_string("core/notifications/email.html", context), "text/html")
    message.send(fail_silently=False)


def _send_line(notice: Notification) -> None:
    prefs = settings_for(notice.recipient)
    link = f"\n{absolute_url(notice.url)}" if notice.url else ""
    line.push(prefs.line_user_id, f"{notice.title}{link}")


def _office():  # noqa: ANN202
    from .models import OfficeProfile

    return OfficeProfile.get()


def delivery_attempt(*, delivery_id: int) -> str:
    """Send one delivery now; on failure record why and when to try again. Never raises."""
    with transaction.atomic():
        delivery = (
            NotificationDelivery.objects.select_for_update(skip_locked=True)
            .select_related("notification__recipient")
            .filter(pk=delivery_id, status__in=(DeliveryStatus.PENDING, DeliveryStatus.FAILED))
            .first()
        )
        if delivery is None:
            return "skipped"
        try:
            (_send_email if delivery.channel == DeliveryChannel.EMAIL else _send_line)(delivery.notification)
        except Exception as exc:  # noqa: BLE001 - any transport error is recorded, never raised to the user
            _failed(delivery, f"{type(exc).__name__}: {exc}")
        else:
            delivery.status, delivery.sent_at, delivery.next_attempt_at = DeliveryStatus.SENT, timezone.now(), None
        delivery.attempts += 1
        delivery.save()
        return delivery.status


def _failed(delivery: NotificationDelivery, error: str) -> None:
    delivery.last_error = error[:300]
    if delivery.attempts >= len(BACKOFF_MINUTES):
        delivery.status, delivery.next_attempt_at = DeliveryStatus.GAVE_UP, None
    else:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = timezone.now() + dt.timedelta(minutes=BACKOFF_MINUTES[delivery.attempts])


def deliveries_retry_due(*, now: dt.datetime | None = None) -> int:
    """Beat, every minute: try again what failed and is due, and what a broker outage left pending."""
    now = now or timezone.now()
    due = NotificationDelivery.objects.filter(
        status__in=(DeliveryStatus.PENDING, DeliveryStatus.FAILED), next_attempt_at__lte=now
    ).values_list("pk", flat=True)[:500]
    stale = NotificationDelivery.objects.filter(
        status=DeliveryStatus.PENDING,
        next_attempt_at__isnull=True,
        notification__created_at__lte=now - dt.timedelta(minutes=2),
    ).values_list("pk", flat=True)[:500]
    ids = set(due) | set(stale)
    for pk in ids:
        delivery_attempt(delivery_id=pk)
    return len(ids)


def digests_send(*, now: dt.datetime | None = None) -> int:
    """Beat, daily: one e-mail per digest reader with the notices of the last day they have not read."""
    now = now or timezone.now()
    sent = 0
    for prefs in NotificationSettings.objects.filter(daily_digest=True).select_related("user"):
        user = prefs.user
        notices = list(
            Notification.objects.filter(
                recipient=user, read_at__isnull=True, created_at__gte=now - dt.timedelta(days=1)
            )
            .exclude(deliveries__channel=DeliveryChannel.EMAIL)
            .order_by("created_at")
        )
        if not user.email or not notices:
            continue
        context = {"notices": notices, "office": _office(), "base": settings.SITE_URL.rstrip("/")}
        EmailMultiAlternatives(
            subject=f"[{context['office'].office_name}] สรุปการแจ้งเตือนประจำวัน ({len(notices)} เรื่อง)",
            body=render_to_string("core/notifications/digest.txt", context),
            to=[user.email],
        ).send(fail_silently=True)
        NotificationDelivery.objects.bulk_create(
            NotificationDelivery(
                notification=n, channel=DeliveryChannel.EMAIL, status=DeliveryStatus.SENT, sent_at=now, attempts=1
            )
            for n in notices
        )
        sent += 1
    return sent


# --- reading -------------------------------------------------------------------------------------
def unread_count(user: AbstractBaseUser) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def unread_subject_keys(user: AbstractBaseUser, prefix: str) -> set[str]:
    """The objects ("letter:12") with an unread notice for `user`: "งานของฉัน" marks them new."""
    return set(
        Notification.objects.filter(recipient=user, read_at__isnull=True, subject_key__startswith=prefix).values_list(
            "subject_key", flat=True
        )
    )


def notifications_mark_read(*, user: AbstractBaseUser, ids: Iterable[int] | None = None, subject_key: str = "") -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    if subject_key:
        qs = qs.filter(subject_key=subject_key)
    return qs.update(read_at=timezone.now())


def line_link_code_new(*, user: AbstractBaseUser) -> str:
    """A one-time code the user sends to the office's LINE account to link it (valid 30 minutes)."""
    prefs = settings_for(user)
    prefs.line_link_code = f"{secrets.randbelow(10**6):06d}"
    prefs.line_link_expires = timezone.now() + dt.timedelta(minutes=30)
    prefs.save(update_fields=["line_link_code", "line_link_expires"])
    return prefs.line_link_code


def line_link(*, code: str, line_user_id: str) -> NotificationSettings | None:
    """Link the LINE account that sent `code` (from the webhook); None when the code is unknown or expired."""
    code = code.strip()
    if not (code.isdigit() and len(code) == 6):
        return None
    prefs = NotificationSettings.objects.filter(line_link_code=code, line_link_expires__gte=timezone.now()).first()
    if prefs is None:
        return None
    prefs.line_user_id, prefs.line_link_code, prefs.line_link_expires = line_user_id, "", None
    prefs.save(update_fields=["line_user_id", "line_link_code", "line_link_expires"])
    return prefs
