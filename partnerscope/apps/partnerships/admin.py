from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerscope.apps.partnerships import models


@admin.register(models.Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "kind", "tier", "parent"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ref", "sector"]
    list_filter = ["sector"]
    search_fields = ["name", "ref"]


@admin.register(models.Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["name"]


@admin.register(models.Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "governance_layer"]
    list_filter = ["partnership", "governance_layer"]


for model in (
    models.Participation,
    models.Membership,
    models.Meeting,
    models.AgendaItem,
    models.Attendance,
):
    admin.site.register(model, SimpleHistoryAdmin)
