from django.contrib import admin

from partnerscope.apps.accounts.models import Role


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "partnership", "kind"]
    list_filter = ["kind", "partnership"]
    search_fields = ["user__username", "partnership__name"]
