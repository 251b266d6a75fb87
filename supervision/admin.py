from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AnnualPlan,
    EventType,
    GroupEvent,
    PlanPriority,
    Project,
    Spending,
    SurveyInvitation,
    Tool,
    Visit,
    VisitType,
)


@admin.register(AnnualPlan)
class AnnualPlanAdmin(admin.ModelAdmin):
    list_display = ("fiscal_year", "title", "visits_per_school_target", "satisfaction_target_percent")


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "plan", "phase")
    list_filter = ("plan", "phase")


@admin.register(Spending)
class SpendingAdmin(admin.ModelAdmin):
    list_display = ("date", "activity", "category", "amount", "document_number", "over_activity_budget")
    list_filter = ("category", "over_activity_budget")
    search_fields = ("purpose", "document_number", "paid_by")


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


@admin.register(VisitType)
class VisitTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order", "is_active")


@admin.register(EventType)
class EventTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order", "is_active", "counts_toward_coverage")


@admin.register(GroupEvent)
class GroupEventAdmin(admin.ModelAdmin):
    list_display = ("date", "title", "event_type", "status", "activity")
    list_filter = ("status", "event_type", "fiscal_year")
    search_fields = ("title",)
