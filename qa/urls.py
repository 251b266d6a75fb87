from __future__ import annotations

from django.urls import path, re_path

from . import views

app_name = "qa"

urlpatterns = [
    path("", views.index, name="index"),
    path("standards/", views.standards, name="standards"),
    path("deadlines/", views.deadlines, name="deadlines"),
    path("sars/", views.sar_list, name="sar_list"),
    path("sars/missing/", views.sar_missing, name="sar_missing"),
    path("sars/start/", views.sar_start, name="sar_start"),
    path("sars/<int:pk>/", views.sar_detail, name="sar_detail"),
    path("sars/<int:pk>/edit/", views.sar_edit, name="sar_edit"),
    path("sars/<int:pk>/submit/", views.sar_submit, name="sar_submit"),
    path("sars/<int:pk>/review/", views.sar_review, name="sar_review"),
    path("sars/<int:pk>/return/", views.sar_return, name="sar_return"),
    path("sars/<int:pk>/file/", views.sar_file, name="sar_file"),
    path("schools/<int:pk>/", views.school_qa, name="school_qa"),
    path("external/", views.external_list, name="external_list"),
    path("external/new/", views.external_edit, name="external_create"),
    path("external/<int:pk>/", views.external_detail, name="external_detail"),
    path("external/<int:pk>/edit/", views.external_edit, name="external_edit"),
    path("external/<int:pk>/file/", views.external_file, name="external_file"),
    path("synthesis/", views.synthesis, name="synthesis"),
    re_path(r"^synthesis/(?P<year>\d{4})/export\.xlsx$", views.synthesis_export, name="synthesis_export"),
    path("synthesis/<int:year>/to-plan/", views.synthesis_to_plan, name="synthesis_to_plan"),
]
