from django.contrib import admin
from django_otp_webauthn.admin import WebAuthnCredentialAdmin
from django_otp_webauthn.models import WebAuthnCredential

from partnerscope.apps.accounts.models import Role


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "partnership", "kind"]
    list_filter = ["kind", "partnership"]
    search_fields = ["user__username", "partnership__name"]


# Passkeys are listed beside the app and backup-code devices, so that someone who has lost
# all their second factors can have them removed (django-otp-webauthn leaves this to sites).
admin.site.register(WebAuthnCredential, WebAuthnCredentialAdmin)
