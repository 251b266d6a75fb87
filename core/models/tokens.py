"""Personal API keys, stored as hashes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

# --- API tokens ----------------------------------------------------------------


class ApiToken(models.Model):
    """A personal API key. Only its SHA-256 is stored: nobody, the administrator included,
    can read a key after it was shown once to its owner."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens", verbose_name="เจ้าของ"
    )
    name = models.CharField("ชื่อที่ใช้เรียก", max_length=100)
    prefix = models.CharField("ส่วนต้นของโทเค็น", max_length=12, db_index=True)
    key_hash = models.CharField("ค่าแฮช SHA-256", max_length=64, unique=True)
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    expires_at = models.DateTimeField("หมดอายุ")
    revoked_at = models.DateTimeField("ยกเลิกเมื่อ", null=True, blank=True)
    last_used_at = models.DateTimeField("ใช้ล่าสุด", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "โทเค็น API"
        verbose_name_plural = "โทเค็น API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
