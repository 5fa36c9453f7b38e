"""Recording an audit event: the one function other apps call.

    from partnerscope.apps.audit.log import record
    record(AuditAction.DATA_PACKAGE_EXPORTED, request=request, partnership=partnership)

The actor and address come from the request, or from the request being served (kept by
django-simple-history's middleware) when none is given; outside a request the event is
marked as done from the command line, with the operating-system account that ran it.
"""

from __future__ import annotations

import getpass
import ipaddress
from typing import Any

from axes.helpers import get_client_ip_address
from django.http import HttpRequest
from simple_history.models import HistoricalRecords

from partnerscope.apps.audit.models import AuditAction, AuditEvent, Channel

__all__ = ["AuditAction", "current_request", "record"]


def current_request() -> HttpRequest | None:
    """The request this thread is serving, if any."""
    return getattr(HistoricalRecords.context, "request", None)


def request_address(request: HttpRequest | None) -> str | None:
    """The client's address as sign-in lock-out sees it, or None if it is not one."""
    if request is None:
        return None
    address = get_client_ip_address(request) or ""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def operating_system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def record(
    action: AuditAction | str,
    *,
    request: HttpRequest | None = None,
    user: Any = None,
    username: str | None = None,
    partnership: Any = None,
    subject_type: str = "",
    subject_ref: str = "",
    subject_label: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Store one event and return it.

    ``user`` defaults to the request's signed-in user; ``username`` to that user's
    username. ``partnership`` is a partnership or its id. ``detail`` holds a few plain
    facts (JSON), never personal data beyond what the subject fields already name.
    """
    request = request or current_request()
    facts = dict(detail or {})
    if user is None and request is not None:
        signed_in = getattr(request, "user", None)
        if signed_in is not None and signed_in.is_authenticated:
            user = signed_in
    if user is not None and not getattr(user, "pk", None):
        user = None
    channel = Channel.WEB if request is not None else Channel.COMMAND_LINE
    if channel == Channel.COMMAND_LINE:
        facts.setdefault("os_user", operating_system_user())
    partnership_id = (
        partnership if isinstance(partnership, int) else getattr(partnership, "pk", None)
    )
    return AuditEvent.objects.create(
        action=AuditAction(action),
        user=user,
        username=username if username is not None else (user.get_username() if user else ""),
        partnership_id=partnership_id,
        subject_type=subject_type[:100],
        subject_ref=str(subject_ref)[:200],
        subject_label=str(subject_label)[:300],
        detail=facts,
        address=request_address(request),
        channel=channel,
    )
