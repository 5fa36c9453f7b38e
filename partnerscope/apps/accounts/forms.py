"""Account forms: Django's own, given GOV.UK markup, and the role form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from partnerscope.apps.accounts.models import ROLE_HELP, RoleKind
from partnerscope.apps.common.forms import Form, GovukFormMixin
from partnerscope.apps.common.links import base_domain, base_is_https


class GovukAuthenticationForm(GovukFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is inactive.",
    }


class GovukPasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    """Password reset whose e-mailed link starts with the configured site address, not the
    request's host (which behind a reverse proxy is not the public one)."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        kwargs["domain_override"] = base_domain()
        kwargs["use_https"] = base_is_https()
        super().save(*args, **kwargs)


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


class CodeForm(Form):
    """A one-time code, checked by the view's ``check`` (which returns a problem or None)."""

    def __init__(self, *args: Any, check: Callable[[str], str | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.check = check

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        problem = self.check(code)
        if problem:
            raise forms.ValidationError(problem)
        return code


class SecondStepForm(CodeForm):
    """The code from an authenticator app, or one of the backup codes, after the password."""

    code = forms.CharField(
        max_length=12,
        label="Code",
        help_text="The 6-digit code your authenticator app shows for PartnerScope, or one of "
        "your backup codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )


class AppSetupForm(CodeForm):
    """The first code the newly added app shows, which proves it was set up correctly."""

    code = forms.CharField(
        max_length=8,
        label="Code from the app",
        help_text="The 6-digit code the app now shows for PartnerScope.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
