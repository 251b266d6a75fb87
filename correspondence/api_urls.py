"""/api/v1/correspondence/…"""

from __future__ import annotations

from django.urls import path

from .api import views

urlpatterns = [
    path("incoming/", views.IncomingList.as_view(), name="corr-api-incoming"),
    path(
        "incoming/<int:pk>/", views.LetterDetail.as_view(register_codes=("receive",)), name="corr-api-incoming-detail"
    ),
    path("outgoing/", views.OutgoingList.as_view(), name="corr-api-outgoing"),
    path(
        "outgoing/<int:pk>/", views.LetterDetail.as_view(register_codes=views.OUTGOING), name="corr-api-outgoing-detail"
    ),
    path("letters/<int:pk>/pdf/", views.LetterPdf.as_view(), name="corr-api-letter-pdf"),
    path("letters/<int:pk>/deliveries/", views.LetterDeliveries.as_view(), name="corr-api-letter-deliveries"),
]
