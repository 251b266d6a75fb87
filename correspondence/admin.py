from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import Register, RegisterCounter

# Letters are deliberately not in the admin: the admin would bypass the secrecy selector.


@admin.register(Register)
class RegisterAdmin(admin.ModelAdmin):
    """Further registers (ประกาศ, หนังสือรับรอง …) are added here and reuse the same numbering."""

    list_display = ["code", "name", "direction", "number_format", "series", "is_active"]

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(RegisterCounter)
class RegisterCounterAdmin(SimpleHistoryAdmin):
    list_display = ["register", "year", "start_number", "last_number"]
    readonly_fields = ["register", "year", "start_number", "last_number", "start_set_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
