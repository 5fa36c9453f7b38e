"""The performance records in Django's admin, read-mostly: values are changed through the
service (a correction adds a version), so value versions cannot be edited here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerscope.apps.performance import models


@admin.register(models.Outcome)
class OutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "parent", "owner", "body"]
    list_filter = ["partnership"]
    search_fields = ["title", "ref"]


@admin.register(models.Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "partnership", "polarity", "frequency", "origin"]
    list_filter = ["partnership", "origin", "frequency"]
    search_fields = ["code", "title"]


@admin.register(models.Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ref", "partnership", "position"]
    list_filter = ["partnership"]


@admin.register(models.ImprovementTarget)
class ImprovementTargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "area", "baseline_value", "laa"]
    list_filter = ["laa"]


@admin.register(models.ValueVersion)
class ValueVersionAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area", "period", "version", "value", "is_current", "status"]
    list_filter = ["is_current", "status"]
    search_fields = ["indicator__code", "area__name", "period"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(models.QualityRecord)
class QualityRecordAdmin(admin.ModelAdmin):
    list_display = ["indicator", "dimension", "rating", "recorded_at", "recorded_by"]
    list_filter = ["dimension", "rating"]
