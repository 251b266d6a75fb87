"""Pages of letters written in the system: drafting, templates, the approval chain, signing (views/drafting.py)."""

from __future__ import annotations

from django.urls import path

from .views import drafting

urlpatterns: list = [
    path("write/", drafting.letter_write, name="letter_write"),
    path("contents/<int:pk>/", drafting.content_detail, name="content_detail"),
    path("contents/<int:pk>/edit/", drafting.content_edit, name="content_edit"),
    path("contents/<int:pk>/submit/", drafting.content_submit, name="content_submit"),
    path("contents/<int:pk>/new-version/", drafting.content_new_version, name="content_new_version"),
    path("contents/<int:pk>/pdf/", drafting.content_pdf, name="content_pdf"),
    path("approvals/", drafting.approval_list, name="approval_list"),
    path("approvals/<int:pk>/", drafting.approval_detail, name="approval_detail"),
    path("approvals/<int:pk>/approve/", drafting.approval_approve, name="approval_approve"),
    path("approvals/<int:pk>/return/", drafting.approval_return, name="approval_return"),
    path("approvals/<int:pk>/sign/", drafting.approval_sign, name="approval_sign"),
    path("letter-templates/", drafting.template_list, name="template_list"),
    path("letter-templates/new/", drafting.template_edit, name="template_create"),
    path("letter-templates/<int:pk>/edit/", drafting.template_edit, name="template_edit"),
]
