from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

admin.site.site_header = "ผู้ดูแลระบบ กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
admin.site.site_title = "ผู้ดูแลระบบ"

urlpatterns = [
    path("", include("core.urls")),
    path("schools/", include("schools.urls")),
    path("supervision/", include("supervision.urls")),
    path("correspondence/", include("correspondence.urls")),
    path("committee/", include("committee.urls")),
    path("qa/", include("qa.urls")),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("admin/", admin.site.urls),
]
