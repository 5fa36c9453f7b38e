"""Managing who holds which role in a partnership, from the web and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.db import transaction

from partnerscope.apps.accounts.models import Role, RoleKind
from partnerscope.apps.common.links import base_domain, base_is_https
from partnerscope.apps.partnerships.models import Partnership


class WelcomeForm(PasswordResetForm):
    """Django's reset e-mail, sent to one new account that has no password yet."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def get_users(self, email: str) -> list[Any]:
        return [self.user]


@dataclass(frozen=True)
class Grant:
    """The outcome of giving someone a role: the role, and whether the account is new."""

    role: Role
    created_account: bool


def roles_in(partnership: Partnership) -> list[Role]:
    return list(
        Role.objects.filter(partnership=partnership)
        .select_related("user")
        .order_by("user__username")
    )


@transaction.atomic
def grant_role(
    partnership: Partnership,
    *,
    username: str,
    email: str,
    kind: str,
    request: Any = None,
    send_email: bool = True,
) -> Grant:
    """Give ``username`` the role ``kind``; create the account (with no usable password) if new.

    A new account's owner is sent a link to choose a password, so nobody else ever knows it.
    """
    if kind not in RoleKind.values:
        raise ValidationError(f"Unknown role {kind!r}.")
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    created = user is None
    if user is None:
        if not email:
            raise ValidationError("An e-mail address is needed for a new account.")
        user = user_model(username=username, email=email)
        user.set_unusable_password()
        user.save()
    role, _ = Role.objects.update_or_create(
        user=user, partnership=partnership, defaults={"kind": kind}
    )
    if created and send_email:
        form = WelcomeForm({"email": email}, user=user)
        if form.is_valid():
            form.save(
                request=request,
                use_https=base_is_https(),
                email_template_name="accounts/welcome_email.txt",
                subject_template_name="accounts/welcome_subject.txt",
                extra_email_context={"partnership": partnership, "role": role},
                domain_override=base_domain(),
            )
    return Grant(role=role, created_account=created)


def change_role(partnership: Partnership, role: Role, kind: str) -> Role:
    if kind not in RoleKind.values:
        raise ValidationError(f"Unknown role {kind!r}.")
    if role.kind == RoleKind.MANAGER and kind != RoleKind.MANAGER:
        ensure_another_manager(partnership, role)
    role.kind = kind
    role.save()
    return role


def remove_role(partnership: Partnership, role: Role) -> None:
    if role.kind == RoleKind.MANAGER:
        ensure_another_manager(partnership, role)
    role.delete()


def ensure_another_manager(partnership: Partnership, role: Role) -> None:
    """A partnership must keep at least one manager, or nobody could manage it."""
    others = Role.objects.filter(partnership=partnership, kind=RoleKind.MANAGER).exclude(pk=role.pk)
    if not others.exists():
        raise ValidationError("A partnership needs at least one manager. Add another first.")
