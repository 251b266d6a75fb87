from __future__ import annotations

from django.urls import path, re_path

from . import views, views_reference

app_name = "schools"

urlpatterns = [
    path("", views.school_list, name="school_list"),
    path("new/", views.school_edit, name="school_create"),
    path("import/", views.school_import, name="school_import"),
    path("addresses/", views.address_options, name="address_options"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", views.school_export, name="school_export"),
    path("<int:pk>/", views.school_detail, name="school_detail"),
    path("<int:pk>/edit/", views.school_edit, name="school_edit"),
    path("clusters/", views.cluster_list, name="cluster_list"),
    path("clusters/new/", views.cluster_edit, name="cluster_create"),
    path("clusters/import/", views.cluster_import, name="cluster_import"),
    re_path(r"^clusters/export\.(?P<fmt>csv|xlsx)$", views.cluster_export, name="cluster_export"),
    path("clusters/<int:pk>/", views.cluster_detail, name="cluster_detail"),
    path("clusters/<int:pk>/edit/", views.cluster_edit, name="cluster_edit"),
    path("clusters/<int:pk>/merge/", views.cluster_merge, name="cluster_merge"),
    path("clusters/<int:pk>/active/", views_reference.cluster_set_active, name="cluster_set_active"),
    path("members/<int:pk>/", views_reference.member_edit, name="member_edit"),
]
