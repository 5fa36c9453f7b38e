"""The 7S self-assessment as a configuration of the survey engine (``common/surveys``).

The engine gives the routes (by link and signed in), the refusal, saved and thanks pages,
sending once, links stored as hashes and reminders; the 7S gives its pages (``views``),
its questions and storage (``answering``), its invitations and its words.
"""

from __future__ import annotations

from partnerscope.apps.common.surveys.pages import SurveyPages, SurveyUrls, SurveyWords
from partnerscope.apps.common.surveys.registry import SurveyDefinition
from partnerscope.apps.sevens.answering import invitation_by_token, invitation_for_user
from partnerscope.apps.sevens.invitations import LINKS, SURVEY, invitation_email, issue_link
from partnerscope.apps.sevens.models import Invitation, Wave
from partnerscope.apps.sevens.services import get_wave

PAGES: SurveyPages[Invitation] = SurveyPages(
    by_token=invitation_by_token,
    for_user=invitation_for_user,
    urls=SurveyUrls(public="sevens_public", member="sevens", first="about", step="step"),
    words=SurveyWords(
        home="Back to the 7S self-assessment",
        send_choice='"Send my answers"',
        thanks_panel="Your answers are in",
        thanks_text=(
            "They are stored without your name, and your link no longer works. Your "
            "partnership manager will share the results once the wave closes."
        ),
    ),
)

DEFINITION = SurveyDefinition(
    key=SURVEY,
    anonymous=True,
    wave_model=Wave,
    respondent_model=Invitation,
    links=LINKS,
    invitees=lambda wave: wave.invitations.select_related("person", "wave__partnership"),
    issue_link=issue_link,
    invitation_email=lambda invitation, url: invitation_email(
        invitation.wave, invitation.person, url
    ),
    answering_for=lambda invitation: "your answers",
    get_wave=get_wave,
    wave_page="sevens:wave",
    unanswered={"answered": False},
)
