"""Pages of delivery: a school's inbox, receipts per letter, reminders, replies, labels (views/schools.py)."""

from __future__ import annotations

from django.urls import path

from .views import schools

urlpatterns: list = [
    path("school/", schools.school_inbox, name="school_inbox"),
    path("school/<int:pk>/", schools.school_letter, name="school_letter"),
    path("school/<int:pk>/acknowledge/", schools.school_acknowledge, name="school_acknowledge"),
    path("school/<int:pk>/letter.pdf", schools.school_letter_pdf, name="school_letter_pdf"),
    path("school/<int:pk>/files/<int:attachment_pk>/", schools.school_attachment, name="school_attachment"),
    path("letters/<int:pk>/receipts/", schools.letter_receipts, name="letter_receipts"),
    path("letters/<int:pk>/receipts.xlsx", schools.letter_receipts_export, name="letter_receipts_export"),
    path("letters/<int:pk>/remind/", schools.letter_remind, name="letter_remind"),
    path("deliveries/<int:pk>/reply/", schools.delivery_reply, name="delivery_reply"),
]
