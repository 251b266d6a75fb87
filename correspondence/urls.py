from __future__ import annotations

from django.urls import path

from . import views

app_name = "correspondence"

urlpatterns = [
    path("", views.index, name="index"),
]
