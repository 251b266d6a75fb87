from __future__ import annotations

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
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
    LoginAttempt,
    LoginFailure,
    LoginLog,
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

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # a login is deactivated, never deleted: its letters and visits keep their author


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


class _LoginColumns:
    """Thai column headings for axes' lists (its fields are labelled in English only); its side
    filters, titled in English, give way to the search box and the date drill-down."""

    list_filter = ()

    @admin.display(description="เวลา", ordering="attempt_time")
    def when(self, obj: AccessLog) -> object:
        return obj.attempt_time

    @admin.display(description="ชื่อผู้ใช้", ordering="username")
    def who(self, obj: AccessLog) -> str:
        return obj.username or ""

    @admin.display(description="หมายเลข IP", ordering="ip_address")
    def ip(self, obj: AccessLog) -> str:
        return obj.ip_address or ""

    @admin.display(description="หน้า", ordering="path_info")
    def path(self, obj: AccessLog) -> str:
        return obj.path_info


class LoginAttemptAdmin(_LoginColumns, AccessAttemptAdmin):
    list_display = ["when", "ip", "who", "path", "failures", "state"]

    @admin.display(description="ผิดติดกัน (ครั้ง)", ordering="failures_since_start")
    def failures(self, obj: AccessAttempt) -> int:
        return obj.failures_since_start

    @admin.display(description="สถานะ")
    def state(self, obj: AccessAttempt) -> str:
        left = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        return f"ลองได้อีก {left} ครั้ง" if left > 0 else "ถูกล็อกชั่วคราว"


class LoginLogAdmin(_LoginColumns, AccessLogAdmin):
    list_display = ["when", "logged_out", "ip", "who", "path"]

    @admin.display(description="ออกจากระบบเมื่อ", ordering="logout_time")
    def logged_out(self, obj: AccessLog) -> object:
        return obj.logout_time


class LoginFailureAdmin(_LoginColumns, AccessFailureLogAdmin):
    list_display = ["when", "ip", "who", "path", "locked"]

    @admin.display(description="ถูกล็อก", boolean=True, ordering="locked_out")
    def locked(self, obj: AccessFailureLog) -> bool:
        return obj.locked_out


# django-axes has no Thai: its three lists appear under core's Thai name through proxies (core/models/logins.py).
for _axes_model, _proxy, _model_admin in (
    (AccessAttempt, LoginAttempt, LoginAttemptAdmin),
    (AccessLog, LoginLog, LoginLogAdmin),
    (AccessFailureLog, LoginFailure, LoginFailureAdmin),
):
    if admin.site.is_registered(_axes_model):
        admin.site.unregister(_axes_model)
    admin.site.register(_proxy, _model_admin)
