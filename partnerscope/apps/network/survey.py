"""The relationship survey as a configuration of the survey engine (``common/surveys``).

The engine gives the routes (by link and signed in), the refusal, saved and thanks pages,
sending once, links stored as hashes and reminders; the relationship survey gives its
pages (``answering_views``), its questions and storage (``answering``), its
representatives' links (``invitations``) and its words.
"""

from __future__ import annotations

from partnerscope.apps.common.surveys.pages import SurveyPages, SurveyUrls, SurveyWords
from partnerscope.apps.common.surveys.registry import SurveyDefinition
from partnerscope.apps.network.answering import representative_by_token, representative_for_user
from partnerscope.apps.network.invitations import LINKS, SURVEY, invitation_email, issue_link
from partnerscope.apps.network.models import Representative, Wave
from partnerscope.apps.network.services import get_wave

PAGES: SurveyPages[Representative] = SurveyPages(
    by_token=representative_by_token,
    for_user=representative_for_user,
    urls=SurveyUrls(
        public="network_public", member="network", first="start", step="page", extra=("search",)
    ),
    words=SurveyWords(
        home="Back to Relationships",
        send_choice="to send them",
        thanks_panel="Your organisation's answers are in",
        thanks_text=(
            "Your link no longer works. The partnership will map the answers of all its "
            "organisations and share the results."
        ),
    ),
)

DEFINITION = SurveyDefinition(
    key=SURVEY,
    anonymous=False,
    wave_model=Wave,
    respondent_model=Representative,
    links=LINKS,
    invitees=lambda wave: wave.representatives.filter(token_hash__isnull=False).select_related(
        "person", "organisation", "wave__partnership"
    ),
    issue_link=issue_link,
    invitation_email=lambda representative, url: invitation_email(
        representative.wave, representative, url
    ),
    answering_for=lambda representative: f"{representative.organisation.name}'s answers",
    get_wave=get_wave,
    wave_page="network:wave",
    unanswered={"answered__isnull": True},
)
