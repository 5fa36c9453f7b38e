"""Superusers read every event, site-wide ones included, in the admin; nobody edits them.

The account list gains two actions: export a person's data, and erase it after a page that
asks to confirm.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.template.response import TemplateResponse

from partnerscope.apps.audit import personal_data
from partnerscope.apps.audit.models import AuditEvent
from partnerscope.apps.audit.views import json_download


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


@admin.action(description="Export the personal data of the selected account (one)")
def export_personal_data(modeladmin: Any, request: HttpRequest, queryset: Any) -> Any:
    if queryset.count() != 1:
        modeladmin.message_user(request, "Choose one account to export.", messages.ERROR)
        return None
    subject = personal_data.subject_for_user(queryset.get())
    data = personal_data.export_for(subject, request=request)
    return json_download(data, personal_data.filename_for(subject))


@admin.action(description="Erase the personal data of the selected accounts")
def erase_personal_data(modeladmin: Any, request: HttpRequest, queryset: Any) -> Any:
    """Asks to confirm on a page of its own; only a second POST with ``confirmed`` erases."""
    users = list(queryset)
    if request.POST.get("confirmed") != "yes":
        return TemplateResponse(
            request,
            "audit/admin/erase_confirmation.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": "Erase personal data?",
                "users": users,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "opts": modeladmin.model._meta,
            },
        )
    for user in users:
        result = personal_data.erase(personal_data.subject_for_user(user), request=request)
        for name in result.without_manager:
            modeladmin.message_user(request, f"{name} has no manager now.", messages.WARNING)
    modeladmin.message_user(request, f"Erased the personal data of {len(users)} account(s).")
    return None


class PersonalDataUserAdmin(UserAdmin):
    """Django's user admin, with the personal-data requests as actions."""

    actions = [export_personal_data, erase_personal_data]


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, PersonalDataUserAdmin)
