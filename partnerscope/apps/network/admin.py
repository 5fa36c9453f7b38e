"""The relationship survey in the admin. Links' token hashes are not shown."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerscope.apps.network import models


@admin.register(models.Wave)
class WaveAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "opens", "closes"]
    list_filter = ["partnership"]
    search_fields = ["title"]


@admin.register(models.Representative)
class RepresentativeAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "person", "wave", "answered"]
    list_filter = ["wave__partnership"]
    exclude = ["token_hash"]


@admin.register(models.Tie)
class TieAdmin(SimpleHistoryAdmin):
    list_display = ["source", "target", "level", "wave", "origin"]
    list_filter = ["wave__partnership", "level", "origin"]
    search_fields = ["source__name", "target__name"]
