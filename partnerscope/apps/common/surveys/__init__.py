"""The survey engine: what every survey of PartnerScope shares, written once.

A survey (the 7S self-assessment, the relationship survey, a delivery-chain workshop's
ratings, and whatever questionnaire comes next) is a configuration of these modules:

- ``refusals``: who may answer (the wave's dates and status, an unknown or used link) and
  the ``SurveyRefused`` that explains why not;
- ``links``: single-use links stored only as hashes (``hash_token``, ``new_token``,
  ``SurveyLinks`` for links made again from a key) and the page that shows new links once;
- ``pages``: each page reached by link or signed in (``SurveyPages``), its routes, the
  steps, "save and come back later", the check page that sends, and the shared refusal,
  saved and thanks pages (templates in ``common/survey/``);
- ``managing``: the manager's pages of a waved survey (open or change a wave, send its
  links, renew one) from the survey's services (``WaveManagement``);
- ``submission``: sending the answers exactly once (``submit_once`` locks the respondent);
- ``models``, ``schedule`` and ``forms``: the reminder schedule every wave carries;
- ``registry``: the ``SurveyDefinition`` an area registers (``AppConfig.survey_definition``)
  so that reminders reach its waves without importing it.

An area supplies its questions, its pages' content, its storage and its scoring. The
modules are imported one by one (this package imports nothing), so a ``models.py`` may
use ``surveys.models`` while the apps load.
"""
