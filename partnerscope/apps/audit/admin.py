"""Superusers read every event, site-wide ones included, in the admin; nobody edits them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from partnerscope.apps.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["when", "username", "action", "partnership", "subject", "address", "channel"]
    list_filter = ["action", "channel", "partnership"]
    search_fields = ["username", "subject_ref", "subject_label"]
    date_hierarchy = "when"
    list_select_related = ["partnership"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
