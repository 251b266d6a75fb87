from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

admin.site.site_header = "ผู้ดูแลระบบ กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
admin.site.site_title = "ผู้ดูแลระบบ"

urlpatterns = [
    path("", include("core.urls")),
    path("schools/", include("schools.urls")),
    path("supervision/", include("supervision.urls")),
    path("correspondence/", include("correspondence.urls")),
    path("committee/", include("committee.urls")),
    path("qa/", include("qa.urls")),
    path("public/", include("committee.public_urls")),
    path("api/v1/", include("config.api_urls")),
    # The OpenAPI schema answers signed-in users only (SPECTACULAR_SETTINGS["SERVE_PERMISSIONS"]): 401 otherwise.
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        login_required(
            SpectacularSwaggerSplitView.as_view(
                url_name="api-schema", template_name="core/api_docs.html", title="เอกสาร API ระบบงานกลุ่มนิเทศ"
            )
        ),
        name="api-docs",
    ),
    path("admin/", admin.site.urls),
]
