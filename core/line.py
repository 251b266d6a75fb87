"""LINE Messaging API (LINE Notify closed on 31 March 2025): push a text to a linked user, and check
the signature of the office channel's webhook. Off when LINE_CHANNEL_ACCESS_TOKEN is not set."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.error
import urllib.request

from django.conf import settings


class LineError(Exception):
    """LINE refused or could not be reached; the message says which and why."""


def configured() -> bool:
    return bool(settings.LINE_CHANNEL_ACCESS_TOKEN)


def push(to: str, text: str) -> None:
    """POST /v2/bot/message/push with one text message (LINE's limit is 5,000 characters)."""
    if not configured():
        raise LineError("ยังไม่ได้ตั้งค่า LINE_CHANNEL_ACCESS_TOKEN")
    body = json.dumps({"to": to, "messages": [{"type": "text", "text": text[:5000]}]}).encode()
    request = urllib.request.Request(
        f"{settings.LINE_API_BASE.rstrip('/')}/v2/bot/message/push",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {settings.LINE_CHANNEL_ACCESS_TOKEN}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the configured LINE endpoint
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:200].decode("utf-8", "replace")
        raise LineError(f"LINE ตอบ {exc.code}: {detail}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise LineError(f"ติดต่อ LINE ไม่ได้: {exc}") from None


def signature_valid(body: bytes, signature: str) -> bool:
    """X-Line-Signature is base64(HMAC-SHA256(channel secret, request body))."""
    if not settings.LINE_CHANNEL_SECRET or not signature:
        return False
    digest = hmac.new(settings.LINE_CHANNEL_SECRET.encode(), body, hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest).decode(), signature)
