"""Overview and scrutiny of a partnership, as plain Python: when partners' responses are
due and overdue, which recommendations were rejected without reasons, which members of
scrutiny committees or the board have had no development on partnership working, and the
lines of enquiry a scrutineer could take from the other analyses' findings.

Modules: ``rules`` (the named rules, each with its text), ``tracker`` (a recommendation's
state on a day), ``questions`` (from findings to lines of enquiry).
"""

from partnerscope.core.scrutiny.questions import LineOfEnquiry, lines_of_enquiry
from partnerscope.core.scrutiny.rules import (
    RULES,
    MemberDevelopment,
    NoPartnershipDevelopment,
    RecommendationFacts,
    RejectedWithoutReasons,
    ResponseOverdue,
    Rule,
)
from partnerscope.core.scrutiny.tracker import Status, status_on

__all__ = [
    "RULES",
    "LineOfEnquiry",
    "MemberDevelopment",
    "NoPartnershipDevelopment",
    "RecommendationFacts",
    "RejectedWithoutReasons",
    "ResponseOverdue",
    "Rule",
    "Status",
    "lines_of_enquiry",
    "status_on",
]
