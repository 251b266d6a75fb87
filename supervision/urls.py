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
    path("visits/approve/", views.visit_approve_many, name="visit_approve_many"),
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
    # result report, summaries, registers (issue 16)
    path("projects/<int:pk>/report/", views.project_report_edit, name="project_report_edit"),
    path("summaries/", views.summary_choice, name="summary_choice"),
    path("registers/<slug:kind>/", views.register_list, name="register_list"),
    path("registers/<slug:kind>/export.xlsx", views.register_export, name="register_export"),
    path("registers/<slug:kind>/new/", views.register_edit, name="register_create"),
    path("registers/<slug:kind>/<int:pk>/edit/", views.register_edit, name="register_edit"),
    path("registers/<slug:kind>/<int:pk>/file/", views.register_file, name="register_file"),
    path("registers/<slug:kind>/<int:pk>/cancel/", views.register_cancel, name="register_cancel"),
    path("plans/<int:year>/survey-questions/", views.survey_questions_edit, name="survey_questions_edit"),
    # group events (กิจกรรมกลุ่ม), the office's types, an activity's targets
    path("events/", views.event_list, name="event_list"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/attendance/", views.event_attendance, name="event_attendance"),
    path("events/<int:pk>/cluster/", views.event_add_cluster, name="event_add_cluster"),
    path("events/<int:pk>/hold/", views.event_hold, name="event_hold"),
    path("events/<int:pk>/cancel/", views.event_cancel, name="event_cancel"),
    path("events/<int:pk>/evidence/", views.event_evidence_upload, name="event_evidence_upload"),
    path("event-evidence/<int:pk>/", views.event_evidence_download, name="event_evidence_download"),
    path("types/", views.visit_types, name="visit_types"),
    path("activities/<int:pk>/targets/", views.activity_targets, name="activity_targets"),
    # dashboards
    path("dashboard/", views.dashboard, name="dashboard"),
]
