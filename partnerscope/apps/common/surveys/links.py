"""Single-use survey links: made from a key, stored only as a hash, shown once.

A link's token is either random (``new_token``: shown once, never to be made again) or
derived from a stored random key and the site's secret key (``SurveyLinks``: reminders can
carry the same link again). Either way only the token's SHA-256 hash is stored, so a leaked
database gives no working link. ``issued_links`` queues the e-mails of new links through
whatever app registered an invitation mailer (``extensions.queue_invitation_emails``) and
describes each link for the page that shows it once.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from partnerscope.apps.common.extensions import queue_invitation_emails
from partnerscope.apps.common.links import absolute, derived_token, new_link_key

TOKEN_BYTES = 32
LONGEST_TOKEN = 100
"""A token longer than this is refused unread: no link the site makes is that long."""


def hash_token(token: str) -> str:
    """The SHA-256 hex digest of a survey token: the only form in which tokens are stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh random single-use token and its hash."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


@dataclass(frozen=True)
class NewLink:
    """A link just made: its key and hash are stored, its token is shown or e-mailed."""

    key: str
    token: str
    token_hash: str


@dataclass(frozen=True)
class SurveyLinks:
    """How one survey's links are made again from their keys, and where they lead.

    ``purpose`` keeps the tokens of two surveys apart even with the same key; ``url_name``
    is the by-link page a token opens.
    """

    purpose: str
    url_name: str

    def new(self) -> NewLink:
        key = new_link_key()
        token = derived_token(self.purpose, key)
        return NewLink(key, token, hash_token(token))

    def current_token(self, link_key: str | None, token_hash: str | None) -> str | None:
        """The token of a working link made again, or None if it cannot be.

        None for a link issued before link keys existed, or after the secret key changed.
        """
        if not link_key or not token_hash:
            return None
        token = derived_token(self.purpose, link_key)
        return token if hash_token(token) == token_hash else None

    def url(self, token: str) -> str:
        """The full link for ``token``, under the configured site address."""
        return absolute(reverse(self.url_name, args=[token]))


@dataclass(frozen=True)
class IssuedLink:
    """A link just made for one person; shown once, since only its hash is kept."""

    person: str
    email: str
    url: str
    emailed: bool
    queued: bool = False


def issued_links(
    survey: str, rows: Sequence[tuple[Any, str]], link_for: Callable[[str], str]
) -> list[IssuedLink]:
    """Queue the e-mails of new links (respondents, each with its token) and describe each
    for the page: sent already, queued, or to be given by hand.

    A respondent has a ``person`` with ``name`` and ``email`` and an ``emailed`` flag.
    """
    to_email = [invitee.pk for invitee, _ in rows if invitee.person.email]
    queued = queue_invitation_emails(survey, to_email)
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
