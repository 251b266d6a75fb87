"""Version 1 of the REST API; each app adds its own routes under its prefix."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("correspondence/", include("correspondence.api_urls")),
]
