"""The one search box: the results page grouped by kind, and the list shown as the user types (htmx)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from . import search as core_search

SUGGEST_LIMIT = 4  # per kind in the list under the header box; the page shows core_search.LIMIT


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """GET ?q=: the page, or (an htmx request from the header box) only the list of hits."""
    query = core_search.clean_query(request.GET.get("q", ""))
    partial = bool(getattr(request, "htmx", False))
    limit = SUGGEST_LIMIT if partial else core_search.LIMIT
    groups = core_search.search(request.user, query, limit=limit)
    context = {
        "search_query": query, "groups": groups, "limit": limit, "min_length": core_search.MIN_LENGTH,
        "too_short": bool(query) and not core_search.is_searchable(query),
        "total": sum(len(group.hits) for group in groups),
    }  # fmt: skip
    response = render(request, "core/search/_results.html" if partial else "core/search/results.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response
