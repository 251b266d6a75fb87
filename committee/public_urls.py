"""The office's public page (/public/): publications to everyone, no login."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.public_index, name="index"),
    path("<int:pk>/file/", views.public_file, name="file"),
]
