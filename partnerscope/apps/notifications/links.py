"""The links an invitation page has just made, e-mailed by a background task.

The 7S self-assessment and the relationship survey both show each new link once (only its
hash is kept) and queue its e-mail; this module does both for either survey.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.notifications.tasks import email_invitations


@dataclass(frozen=True)
class IssuedLink:
    """A link just made for one person; shown once, since only its hash is kept."""

    person: str
    email: str
    url: str
    emailed: bool
    queued: bool = False


def issued_links(
    survey: Survey, rows: Sequence[tuple[Any, str]], link_for: Callable[[str], str]
) -> list[IssuedLink]:
    """Queue the e-mails of new links (invitations or representatives, each with its
    token) and describe each for the page: sent already, queued, or to be given by hand."""
    to_email = [invitee.pk for invitee, _ in rows if invitee.person.email]
    queued = email_invitations(survey, to_email)
    emailed: set[int] = set()
    if to_email:
        model = type(rows[0][0])
        emailed = set(
            model._default_manager.filter(pk__in=to_email, emailed=True).values_list(
                "pk", flat=True
            )
        )
    return [
        IssuedLink(
            invitee.person.name,
            invitee.person.email,
            link_for(token),
            invitee.pk in emailed,
            queued and invitee.pk not in emailed and bool(invitee.person.email),
        )
        for invitee, token in rows
    ]
