from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from . import tokens
from .models import (
    ActingAppointment,
    ApiToken,
    DocumentJob,
    LearningArea,
    NotificationDelivery,
    OfficeProfile,
    StaffProfile,
    WorkUnit,
)

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
    """For support: which jobs ran and why one failed. Read-only, and without the file or its
    parameters: a document is rendered with its requester's clearance, so only they may open it
    (core.access), and a job cannot be handed to someone else here."""

    list_display = ("title", "kind", "requested_by", "status", "progress", "created_at", "finished_at")
    list_filter = ("status", "kind")
    fields = ("title", "kind", "requested_by", "status", "progress", "message", "error", "attempts")
    fields += ("created_at", "published_at", "started_at", "heartbeat_at", "finished_at")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens can be seen (prefix, owner, dates) and revoked here; never added, changed or read.

    The key itself is not in the database (only its SHA-256), and the hash is not shown either.
    A user makes their own tokens at “โทเค็น API ของฉัน”; an operator uses `manage.py api_token`.
    """

    list_display = ("prefix", "name", "user", "created_at", "expires_at", "last_used_at", "revoked_at", "status")
    list_filter = ("revoked_at", "expires_at")
    search_fields = ("prefix", "name", "user__username", "user__first_name", "user__last_name")
    fields = ("prefix", "name", "user", "created_at", "expires_at", "last_used_at", "revoked_at")
    readonly_fields = fields
    actions = ["revoke"]

    @admin.display(description="สถานะ")
    def status(self, obj: ApiToken) -> str:
        if obj.revoked_at:
            return "ยกเลิกแล้ว"
        return "ใช้งานได้" if obj.is_active else "หมดอายุ"

    @admin.action(description="ยกเลิกโทเค็นที่เลือก", permissions=["view"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = 0
        for token in queryset.filter(revoked_at__isnull=True):
            tokens.api_token_revoke(user=request.user, token=token)
            count += 1
        self.message_user(request, f"ยกเลิกโทเค็นแล้ว {count} รายการ", messages.SUCCESS)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False


@admin.register(ActingAppointment)
class ActingAppointmentAdmin(admin.ModelAdmin):
    """The administrator names who acts for whom, between which dates (รักษาราชการแทน / ปฏิบัติราชการแทน)."""

    list_display = ("deputy", "kind", "position", "principal", "starts_on", "ends_on", "order_ref")
    list_filter = ("kind",)
    autocomplete_fields = ("principal", "deputy")
    exclude = ("created_by", "created_at")

    def save_model(self, request: HttpRequest, obj: ActingAppointment, form: object, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(NotificationDelivery)
class NotificationDeliveryAdmin(admin.ModelAdmin):
    """E-mail and LINE messages that failed are shown here with why; beat retries them with backoff."""

    list_display = ("notification", "channel", "status", "attempts", "last_error", "next_attempt_at", "sent_at")
    list_filter = ("status", "channel")
    readonly_fields = [f.name for f in NotificationDelivery._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
