"""The action plan in the site's admin: actions with their history, findings and notes, and
the log of reminders sent (read only)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerscope.apps.actions import models


class FindingInline(admin.TabularInline):
    model = models.ActionFinding
    extra = 0


class NoteInline(admin.TabularInline):
    model = models.ActionNote
    extra = 0


@admin.register(models.Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "title", "partnership", "owner_organisation", "due", "status"]
    list_filter = ["status", "partnership"]
    search_fields = ["ref", "title"]
    inlines = [FindingInline, NoteInline]


@admin.register(models.ActionReminder)
class ActionReminderAdmin(admin.ModelAdmin):
    list_display = ["action", "kind", "due", "sent_to", "sent_at"]
    list_filter = ["kind"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
