"""Who may do what in a partnership: the one place access rules live.

A user without a role in a partnership gets 404 for every page under it, so its existence
is not revealed; a user with a role that does not allow an action gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from partnerscope.apps.accounts.models import Role, RoleKind
from partnerscope.apps.partnerships.models import Partnership


class Action(StrEnum):
    READ = "read"
    EDIT = "edit"
    ANSWER = "answer"
    SCRUTINISE = "scrutinise"


ALLOWED: dict[Action, frozenset[str]] = {
    Action.READ: frozenset(RoleKind.values),
    Action.EDIT: frozenset({RoleKind.MANAGER}),
    Action.ANSWER: frozenset({RoleKind.MANAGER, RoleKind.MEMBER}),
    Action.SCRUTINISE: frozenset({RoleKind.MANAGER, RoleKind.SCRUTINEER}),
}


@dataclass(frozen=True)
class Access:
    """A user's standing in one partnership, handed to views and templates."""

    partnership: Partnership
    role: str
    user: Any = None

    def can(self, action: Action | str) -> bool:
        return self.role in ALLOWED[Action(action)]

    @property
    def can_edit(self) -> bool:
        return self.can(Action.EDIT)

    @property
    def role_label(self) -> str:
        return RoleKind(self.role).label


def access_for(user: Any, slug: str) -> Access:
    """The user's access to the partnership ``slug``; 404 when they hold no role there."""
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None or not user.is_authenticated:
        raise Http404("No such partnership.")
    if user.is_superuser:
        return Access(partnership, RoleKind.MANAGER, user)
    role = Role.objects.filter(user=user, partnership=partnership).values_list("kind", flat=True)
    kind = role.first()
    if kind is None:
        raise Http404("No such partnership.")
    return Access(partnership, kind, user)


def partnership_view(action: Action = Action.READ) -> Callable[..., Any]:
    """Decorate a view taking ``slug``: check the role, then call it with ``access``."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            access = access_for(request.user, slug)
            if not access.can(action):
                raise PermissionDenied(f"Your role does not allow you to {action.value} here.")
            request.access = access  # type: ignore[attr-defined]
            return view(request, access, *args, **kwargs)

        return wrapped

    return decorate
