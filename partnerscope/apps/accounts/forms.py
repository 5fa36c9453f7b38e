"""Account forms: Django's own, given GOV.UK markup, and the role form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from partnerscope.apps.accounts.models import ROLE_HELP, RoleKind
from partnerscope.apps.common.forms import Form, GovukFormMixin


class GovukAuthenticationForm(GovukFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is inactive.",
    }


class GovukPasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    pass


class GovukSetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    pass


def role_choices() -> list[tuple[str, str]]:
    return [(kind.value, f"{kind.label}: {ROLE_HELP[kind]}") for kind in RoleKind]


class GrantRoleForm(Form):
    username = forms.CharField(
        max_length=150, help_text="Their sign-in name. If it is new, an account is created."
    )
    email = forms.EmailField(
        required=False,
        label="E-mail address",
        help_text="Needed for a new account: they are sent a link to choose a password.",
    )
    kind = forms.ChoiceField(label="Role", widget=forms.RadioSelect, choices=role_choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("partnership", None)
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)


class ChangeRoleForm(Form):
    kind = forms.ChoiceField(label="Role", widget=forms.RadioSelect, choices=role_choices)
