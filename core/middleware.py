"""Response headers that keep secrets out of caches, and a query string that cannot crash a page.

Every answer to a signed-in user (a page may show a secret letter's register entry), to an API
call that carries credentials, and every download (a PDF, a spreadsheet, an attachment) is sent
with ``Cache-Control: private, no-store`` so that neither a shared proxy nor the browser's disk
cache, nor its back button after logging out, keeps a copy. Static files are not touched: they
are public and WhiteNoise answers them before this middleware runs.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponseBase, QueryDict, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from .text import clean_text

HTML = ("text/html", "application/xhtml+xml")


def is_download(response: HttpResponseBase) -> bool:
    """A file handed to the user rather than a page: by its class, its disposition or its type."""
    if isinstance(response, FileResponse | StreamingHttpResponse) or response.has_header("Content-Disposition"):
        return True
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return bool(content_type) and content_type not in (*HTML, "application/json", "text/plain")


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.static_prefix = settings.STATIC_URL or "/static/"

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.path.startswith(self.static_prefix):
            return response
        user = getattr(request, "user", None)
        signed_in = bool(user and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META
        if signed_in or is_download(response):
            add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
            response["Pragma"] = "no-cache"
        return response


class SessionRefreshMiddleware:
    """Sliding session expiry: a signed-in user's session is saved again (so its expiry moves to
    now + SESSION_COOKIE_AGE) at most every REFRESH_EVERY seconds, instead of a database write on
    every request as SESSION_SAVE_EVERY_REQUEST would do (the documents page polls every 2 s).
    The session therefore ends after SESSION_COOKIE_AGE of inactivity, give or take five minutes."""

    REFRESH_EVERY = 300
    KEY = "_refreshed_at"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(timezone.now().timestamp())
            if now - int(request.session.get(self.KEY, 0)) >= self.REFRESH_EVERY:
                request.session[self.KEY] = now  # marks the session modified: saved with a new expiry
        return self.get_response(request)


class CleanQueryMiddleware:
    """The query string passes core.text's one rule before any view reads it.

    Views and selectors read filters straight from request.GET (q, status, type …). A NUL in one
    of them is a 500 on PostgreSQL ("text fields cannot contain NUL"), and other control
    characters make searches miss; cleaned here, no view has to remember it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.GET and any(_needs_cleaning(v) for values in request.GET.lists() for v in values[1]):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(clean_text(key, multiline=False), [clean_text(v, multiline=False) for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


def _needs_cleaning(value: str) -> bool:
    return value != clean_text(value, multiline=False)
