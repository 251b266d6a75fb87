"""Personal API tokens: made, checked and revoked here (the DRF authentication class included).

A key is shown once, to its owner, when it is made; the database keeps only its SHA-256, so
nobody who reads the database or the admin (the administrator included) can copy it. A key
looks like ``nt_`` followed by 43 URL-safe characters; its first 11 characters are kept as
``prefix`` so that a person can tell their keys apart and an operator can revoke one by name.

The web lets a user make tokens for themself only; ``manage.py api_token`` is the operator's
tool on the server (whoever has a shell there already holds the database).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from .models import ApiToken
from .roles import Role, UserLike, has_role

KEY_START = "nt_"
PREFIX_LENGTH = len(KEY_START) + 8
MAX_DAYS = 365
LAST_USED_EVERY = dt.timedelta(minutes=1)  # write last_used_at at most this often
KEYWORDS = ("token", "bearer")  # Authorization: Token <key>  or  Authorization: Bearer <key>


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_generate() -> str:
    return KEY_START + secrets.token_urlsafe(32)


def default_days() -> int:
    return int(getattr(settings, "API_TOKEN_DAYS", 90))


# --- Services ---------------------------------------------------------------


@transaction.atomic
def api_token_create(*, user: UserLike, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for `user` (its owner). Returns the row and the key, which is never readable again."""
    if not user.is_active:
        raise ValidationError("บัญชีนี้ถูกระงับ สร้างโทเค็นไม่ได้")
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "กรุณาตั้งชื่อโทเค็น เช่น ชื่อโปรแกรมที่จะใช้"})
    days = default_days() if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": f"อายุโทเค็นต้องอยู่ระหว่าง 1 ถึง {MAX_DAYS} วัน"})
    key = key_generate()
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=key[:PREFIX_LENGTH],
        key_hash=key_hash(key),
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, user: UserLike | None, token: ApiToken) -> ApiToken:
    """Revoke a token. `user` is who asks: its owner or an administrator; None is the server's operator."""
    if user is not None and token.user_id != user.pk and not has_role(user, Role.ADMIN):
        raise PermissionDenied("ยกเลิกได้เฉพาะโทเค็นของตนเอง")
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


# --- Authentication (Django REST framework) ---------------------------------


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <key>`` (as in the README's curl examples) or ``Bearer <key>``."""

    def authenticate(self, request: Request) -> tuple | None:
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("รูปแบบส่วนหัว Authorization ไม่ถูกต้อง: ใช้ Token ตามด้วยโทเค็น")
        try:
            key = parts[1].decode()
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed("โทเค็นไม่ถูกต้อง") from exc
        return self.authenticate_key(key)

    def authenticate_key(self, key: str) -> tuple:
        token = ApiToken.objects.select_related("user").filter(key_hash=key_hash(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed("โทเค็นไม่ถูกต้อง")
        now = timezone.now()
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed("โทเค็นนี้ถูกยกเลิกแล้ว")
        if token.expires_at <= now:
            raise exceptions.AuthenticationFailed("โทเค็นนี้หมดอายุแล้ว สร้างโทเค็นใหม่ที่หน้า “โทเค็น API ของฉัน”")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("บัญชีเจ้าของโทเค็นถูกระงับ")
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return "Token"  # a 401 with WWW-Authenticate, not a 403


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "core.tokens.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: object) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "โทเค็นจากหน้า “โทเค็น API ของฉัน”: `Token nt_…`",
        }
