"""Django's account forms, given GOV.UK markup and plain-English messages."""

from __future__ import annotations

from django.contrib.auth import forms as auth_forms

from partnerscope.apps.common.forms import GovukFormMixin


class GovukAuthenticationForm(GovukFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is inactive.",
    }


class GovukPasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    pass


class GovukSetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    pass
