"""What the shared parts of the site (reminders, their log) need to know of each survey.

A survey with waves and invitations registers a ``SurveyDefinition`` by naming it in its
``AppConfig`` (``survey_definition = "partnerscope.apps.<area>.survey.DEFINITION"``);
``extensions.survey_definitions()`` finds them all. The reminders read only these
definitions, so no area app imports another area app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.mail import EmailMessage
from django.db import models

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.surveys.links import SurveyLinks


@dataclass(frozen=True)
class SurveyDefinition:
    """One survey: its waves, who is invited to each, their links and their e-mails.

    A respondent (an invitation or a representative) has a ``person``, a ``wave``, a
    ``link_key`` and ``token_hash``, and an ``emailed`` flag.
    """

    key: str
    """The survey's name in logs and URLs, such as ``sevens``."""
    anonymous: bool
    """Whether answers are promised to be anonymous: then the reminder log shows counts only."""
    wave_model: type[models.Model]
    respondent_model: type[models.Model]
    links: SurveyLinks
    invitees: Callable[[Any], models.QuerySet[Any]]
    """Everyone with a link to a wave, answered or not."""
    issue_link: Callable[[Any], str]
    """Give a respondent a new link (the old one stops working) and return its token."""
    invitation_email: Callable[[Any, str], EmailMessage]
    """The invitation e-mail of a respondent, carrying the link's URL."""
    answering_for: Callable[[Any], str]
    """Whose answers are awaited, for a reminder: "your answers", "X's answers"."""
    get_wave: Callable[[Access, int], Any]
    """A wave of the partnership, or 404."""
    wave_page: str
    """The URL name of a wave's page (taking the partnership's slug and the wave's pk)."""
    unanswered: Mapping[str, Any] = field(default_factory=lambda: {"answered": False})
    """The filter of respondents who have not answered yet."""

    def current_token(self, respondent: Any) -> str | None:
        return self.links.current_token(respondent.link_key, respondent.token_hash)
