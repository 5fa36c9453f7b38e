"""The fixed vocabularies of delivery chains, shared by models, forms, imports and the map.

The values are the analysis core's own (``partnerscope.core.chains``), so a record converts
to the core's types without translation; the labels are what users read.
"""

from django.db import models

from partnerscope.reference.chains import load_questions


class NodeKind(models.TextChoices):
    OUTCOME = "outcome", "Outcome"
    BODY = "body", "Partnership body"
    ORGANISATION = "organisation", "Organisation"
    SERVICE = "service", "Service or programme"
    FRONT_LINE = "front_line", "Front-line team"
    PEOPLE = "people", "People served"


class LinkType(models.TextChoices):
    ACCOUNTABLE_TO = "accountable_to", "Is accountable to"
    FUNDS = "funds", "Funds"
    COMMISSIONS = "commissions", "Commissions"
    REPORTS_DATA_TO = "reports_data_to", "Reports data to"
    DELIVERS_TO = "delivers_to", "Delivers to"
    REFERS_TO = "refers_to", "Refers people to"


class ParticipantLevel(models.TextChoices):
    STRATEGIC = "strategic", "Strategic: I set direction or allocate resources"
    OPERATIONAL = "operational", "Operational: I manage or deliver services"


class RatingValue(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    DONT_KNOW = "dont_know", "Don't know"


Question = models.TextChoices(  # type: ignore[misc]
    "Question",
    [(question.id.upper(), (question.id, question.text)) for question in load_questions()],
)

SHORT_QUESTION = {
    "outcome_defined": "Outcome clearly defined",
    "evidence_base": "Sound evidence base",
    "capacity": "Enough capacity",
    "shared_plan": "Shared operational plan",
    "funding_strategy": "Funding strategy",
    "communication": "Regular, reliable communication",
    "levers_incentives": "Levers and incentives",
    "risk_management": "Risks managed",
    "performance_management": "Performance management",
    "leadership_governance": "Leadership and governance",
    "feedback_learning": "Feedback and learning",
    "efficiency": "Efficiency built in",
}
QUESTION_TITLES = {question.id: SHORT_QUESTION[question.slug] for question in load_questions()}
"""Each question's short title, for tables and charts: ``q01`` -> "Outcome clearly defined"."""

KIND_ORDER = [kind.value for kind in NodeKind]
"""The layers of the chain map, left to right: outcome, bodies, ..., people served."""
