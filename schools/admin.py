from __future__ import annotations

from django.contrib import admin

from .models import Cluster, School, SchoolMembership


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


@admin.register(SchoolMembership)
class SchoolMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "school", "position")
    search_fields = ("user__username", "user__first_name", "school__name")
    autocomplete_fields = ("school",)
