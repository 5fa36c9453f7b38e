"""Delivery chains in the admin. Workshop answers are left out: they are anonymous."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerscope.apps.chains import models


@admin.register(models.Chain)
class ChainAdmin(SimpleHistoryAdmin):
    list_display = ["outcome_title", "partnership", "target_date"]
    list_filter = ["partnership"]
    search_fields = ["outcome_title"]


@admin.register(models.ChainNode)
class ChainNodeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "chain"]
    list_filter = ["kind"]


@admin.register(models.ChainLink)
class ChainLinkAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "chain", "indicator"]
    list_filter = ["type"]


@admin.register(models.Workshop)
class WorkshopAdmin(SimpleHistoryAdmin):
    list_display = ["title", "chain", "held_on", "is_open"]
