from __future__ import annotations

from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.index, name="index"),
    # visits
    path("visits/", views.visit_list, name="visit_list"),
    path("visits/export.xlsx", views.visit_export, name="visit_export"),
    path("visits/new/", views.visit_start, name="visit_start"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/edit/", views.visit_edit, name="visit_edit"),
    path("visits/<int:pk>/autosave/", views.visit_autosave, name="visit_autosave"),
    path("visits/<int:pk>/submit/", views.visit_submit, name="visit_submit"),
    path("visits/<int:pk>/approve/", views.visit_approve, name="visit_approve"),
    path("visits/<int:pk>/return/", views.visit_return, name="visit_return"),
    path("visits/<int:pk>/acknowledge/", views.visit_acknowledge, name="visit_acknowledge"),
    path("visits/<int:pk>/evidence/", views.evidence_upload, name="evidence_upload"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("follow-ups/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
    path("survey/<str:token>/", views.survey, name="survey"),
    # plans
    path("plans/", views.plan_current, name="plan_current"),
    path("plans/<int:year>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:year>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:year>/copy/", views.plan_copy, name="plan_copy"),
    path("plans/<int:year>/groups/new/", views.school_group_edit, name="school_group_create"),
    path("plans/groups/<int:pk>/edit/", views.school_group_edit, name="school_group_edit"),
    path("plans/<int:year>/projects/new/", views.project_edit, name="project_create"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/phase/", views.project_phase, name="project_phase"),
    path("activities/<int:pk>/phase/", views.activity_phase, name="activity_phase"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/spending/", views.activity_spending, name="activity_spending"),
    path("spending/<int:pk>/delete/", views.spending_delete, name="spending_delete"),
    path("pdca-notes/<int:pk>/evidence/", views.phase_note_evidence, name="phase_note_evidence"),
    # tools
    path("tools/", views.tool_list, name="tool_list"),
    path("tools/new/", views.tool_edit, name="tool_create"),
    path("tools/<int:pk>/", views.tool_edit, name="tool_edit"),
    # dashboards
    path("dashboard/", views.dashboard, name="dashboard"),
]
