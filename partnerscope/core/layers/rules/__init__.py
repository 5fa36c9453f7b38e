"""The layer rules, each citable by its id, and the default set run on every partnership."""

from __future__ import annotations

from partnerscope.core.layers.rules.agenda import AgendaDrift, ExecutiveWithoutExecutiveBusiness
from partnerscope.core.layers.rules.attendance import (
    BelowQuorum,
    BottleneckPeople,
    OrganisationSendsNoOne,
    StatutoryPartnerLowAttendance,
)
from partnerscope.core.layers.rules.base import AREA, Rule
from partnerscope.core.layers.rules.frequency import FrequencyAboveTable8, FrequencyBelowTable8
from partnerscope.core.layers.rules.leadership import (
    CouncilDomination,
    CouncilPresentsMost,
    NoChair,
    TopTable,
)
from partnerscope.core.layers.rules.structure import (
    BodyWithoutMeetings,
    ExecutiveTooLarge,
    FunctionMissing,
    OperationalWithoutExecutiveLine,
)

__all__ = [
    "AREA",
    "DEFAULT_RULES",
    "AgendaDrift",
    "BelowQuorum",
    "BodyWithoutMeetings",
    "BottleneckPeople",
    "CouncilDomination",
    "CouncilPresentsMost",
    "ExecutiveTooLarge",
    "ExecutiveWithoutExecutiveBusiness",
    "FrequencyAboveTable8",
    "FrequencyBelowTable8",
    "FunctionMissing",
    "NoChair",
    "OperationalWithoutExecutiveLine",
    "OrganisationSendsNoOne",
    "Rule",
    "StatutoryPartnerLowAttendance",
    "TopTable",
]

DEFAULT_RULES: tuple[Rule, ...] = (
    FrequencyBelowTable8(),
    FrequencyAboveTable8(),
    AgendaDrift(),
    ExecutiveWithoutExecutiveBusiness(),
    FunctionMissing(),
    OperationalWithoutExecutiveLine(),
    BodyWithoutMeetings(),
    ExecutiveTooLarge(),
    StatutoryPartnerLowAttendance(),
    BelowQuorum(),
    OrganisationSendsNoOne(),
    BottleneckPeople(),
    NoChair(),
    CouncilDomination(),
    CouncilPresentsMost(),
    TopTable(),
)
"""Every rule, in the order findings are listed."""
