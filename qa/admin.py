"""Django admin: the administrator adds a new revision of the standards here."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ExternalAssessment, ExternalResult, SarRating, SarYear, SelfAssessmentReport, Standard, StandardSet


class StandardInline(admin.TabularInline):
    model = Standard
    fields = ["code", "name", "parent", "is_rated", "order"]
    extra = 3

    def get_formset(self, request, obj=None, **kwargs):  # noqa: ANN001, ANN201
        formset = super().get_formset(request, obj, **kwargs)
        parent = formset.form.base_fields.get("parent")
        if parent is not None:
            parent.queryset = Standard.objects.filter(standard_set=obj) if obj else Standard.objects.none()
        return formset


@admin.register(StandardSet)
class StandardSetAdmin(admin.ModelAdmin):
    list_display = ["name", "education_level", "revision_year", "effective_from"]
    list_filter = ["education_level"]
    inlines = [StandardInline]


@admin.register(SarYear)
class SarYearAdmin(admin.ModelAdmin):
    list_display = ["academic_year", "deadline"]


class SarRatingInline(admin.TabularInline):
    model = SarRating
    fields = ["standard", "level", "evidence"]
    readonly_fields = ["standard"]
    extra = 0
    can_delete = False


@admin.register(SelfAssessmentReport)
class SelfAssessmentReportAdmin(SimpleHistoryAdmin):
    list_display = ["school", "academic_year", "status", "submitted_at", "reviewed_at"]
    list_filter = ["academic_year", "status"]
    search_fields = ["school__name", "school__code"]
    inlines = [SarRatingInline]


class ExternalResultInline(admin.TabularInline):
    model = ExternalResult
    extra = 0


@admin.register(ExternalAssessment)
class ExternalAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["school", "round_name", "assessment_year", "overall_result"]
    list_filter = ["assessment_year"]
    search_fields = ["school__name"]
    inlines = [ExternalResultInline]
