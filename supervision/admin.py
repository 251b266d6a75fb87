from __future__ import annotations

from django.contrib import admin

from .models import Cluster, School


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "district", "cluster", "pupils", "is_active")
    list_filter = ("cluster", "district", "is_active")
    search_fields = ("code", "name", "smis_code", "principal_name")


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ("name", "chair", "vice_chair")
    search_fields = ("name",)
    filter_horizontal = ("responsible_supervisors",)
    autocomplete_fields = ("chair", "vice_chair")


from simple_history.admin import SimpleHistoryAdmin  # noqa: E402

from .models import AnnualPlan, PlanPriority, Project, SurveyInvitation, Tool, Visit  # noqa: E402


@admin.register(AnnualPlan)
class AnnualPlanAdmin(admin.ModelAdmin):
    list_display = ("fiscal_year", "title", "visits_per_school_target", "satisfaction_target_percent")


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "plan", "phase")
    list_filter = ("plan", "phase")


@admin.register(PlanPriority)
class PlanPriorityAdmin(admin.ModelAdmin):
    list_display = ("title", "plan", "school", "source")
    list_filter = ("plan", "source")


@admin.register(Tool)
class ToolAdmin(admin.ModelAdmin):
    list_display = ("name", "scale", "is_active")


@admin.register(Visit)
class VisitAdmin(SimpleHistoryAdmin):
    list_display = ("school", "date", "visit_type", "status", "created_by")
    list_filter = ("status", "visit_type", "fiscal_year")
    search_fields = ("school__name", "school__code")
    raw_id_fields = ("school", "activity", "reviewed_by", "acknowledged_by", "created_by")
    readonly_fields = ("status", "draft_data")


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(admin.ModelAdmin):
    list_display = ("visit", "created_at")
    readonly_fields = ("token",)
