from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import DocumentJob, LearningArea, OfficeProfile, StaffProfile, WorkUnit

User = get_user_model()


@admin.register(OfficeProfile)
class OfficeProfileAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return not OfficeProfile.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


admin.site.register(WorkUnit)
admin.site.register(LearningArea)


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    filter_horizontal = ("work_units", "learning_areas")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [StaffProfileInline]
    list_display = ("username", "first_name", "last_name", "is_active", "last_login")


@admin.register(DocumentJob)
class DocumentJobAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "requested_by", "status", "progress", "created_at", "finished_at")
    list_filter = ("status", "kind")
    readonly_fields = ("created_at", "started_at", "finished_at")
