"""The admin of the learning area: where a site administrator keeps the site-wide library
(entries without a partnership) and can read every sharing agreement."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerscope.apps.learning.models import PracticeEntry, SharingAgreement


@admin.register(PracticeEntry)
class PracticeEntryAdmin(SimpleHistoryAdmin):
    list_display = ["practice", "partnership", "framework_part", "example"]
    list_filter = ["framework_part", "example"]
    search_fields = ["practice", "where", "ref"]


@admin.register(SharingAgreement)
class SharingAgreementAdmin(SimpleHistoryAdmin):
    list_display = ["partnership", "shares", "may_be_named", "agreed_by", "agreed_on"]
