"""Notifications: one row per person told (the in-app bell), and one delivery row per outside
channel (e-mail, LINE) with its attempts, so a failure is retried and visible, never lost."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    """Something a person should know about their work (shown under the bell until read)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name="ผู้รับ"
    )
    kind = models.CharField("ชนิดเหตุการณ์", max_length=60)
    title = models.CharField("ข้อความ", max_length=300)
    body = models.TextField("รายละเอียด", blank=True)
    url = models.CharField("ลิงก์", max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="ผู้ทำ"
    )
    # The object the notice is about ("correspondence.letter:12"): marks "งานของฉัน" items unread.
    subject_key = models.CharField("เรื่องที่เกี่ยวข้อง", max_length=100, blank=True, db_index=True)
    # Set for reminders: the same reminder never reaches the same person twice.
    once_key = models.CharField("รหัสกันซ้ำ", max_length=200, blank=True)
    created_at = models.DateTimeField("เมื่อ", default=timezone.now)
    read_at = models.DateTimeField("อ่านเมื่อ", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "การแจ้งเตือน"
        verbose_name_plural = "การแจ้งเตือน"
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "once_key"], condition=~models.Q(once_key=""), name="core_notification_once"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="core_notif_unread")]

    def __str__(self) -> str:
        return self.title


class DeliveryChannel(models.TextChoices):
    EMAIL = "email", "อีเมล"
    LINE = "line", "LINE"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "รอส่ง"
    SENT = "sent", "ส่งแล้ว"
    FAILED = "failed", "ส่งไม่สำเร็จ (จะลองใหม่)"
    GAVE_UP = "gave_up", "ส่งไม่สำเร็จ (เลิกลองแล้ว)"


class NotificationDelivery(models.Model):
    """One notification on one outside channel; retried with backoff, shown to the administrator."""

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries", verbose_name="การแจ้งเตือน"
    )
    channel = models.CharField("ช่องทาง", max_length=10, choices=DeliveryChannel.choices)
    status = models.CharField("สถานะ", max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่ลอง", default=0)
    last_error = models.CharField("ข้อผิดพลาดล่าสุด", max_length=300, blank=True)
    next_attempt_at = models.DateTimeField("ลองครั้งถัดไป", null=True, blank=True)
    sent_at = models.DateTimeField("ส่งเมื่อ", null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = "การส่งการแจ้งเตือน"
        verbose_name_plural = "การส่งการแจ้งเตือน"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="core_notif_delivery_due")]

    def __str__(self) -> str:
        return f"{self.notification} ({self.get_channel_display()})"


class NotificationSettings(models.Model):
    """A person's choices: which channels per kind of event, a daily digest, their linked LINE account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings", verbose_name="ผู้ใช้"
    )
    # {"<kind>": ["email", "line"]}; a kind not listed uses its default channels.
    channels = models.JSONField("ช่องทางตามชนิดเหตุการณ์", default=dict, blank=True)
    daily_digest = models.BooleanField("รับสรุปรายวันทางอีเมลแทนการแจ้งทีละเรื่อง", default=False)
    line_user_id = models.CharField("LINE user ID", max_length=64, blank=True)
    line_link_code = models.CharField("รหัสเชื่อม LINE", max_length=12, blank=True)
    line_link_expires = models.DateTimeField("รหัสเชื่อมหมดอายุ", null=True, blank=True)
    calendar_token = models.CharField("รหัสปฏิทินส่วนตัว", max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = "การตั้งค่าการแจ้งเตือน"
        verbose_name_plural = "การตั้งค่าการแจ้งเตือน"

    def __str__(self) -> str:
        return str(self.user)
