"""The shared strategy's outcomes seen whole.

- :mod:`.ranks`: average ranks and Spearman's rank correlation across outcomes;
- :mod:`.joint_working`: an outcome's performance score and the network among its partners;
- :mod:`.review`: the named rules of the strategy review.

Plain Python: no Django, no I/O.
"""

from partnerscope.core.strategy.joint_working import (
    IndicatorJudgement,
    PartnerNetwork,
    mean,
    partner_network,
    performance_score,
)
from partnerscope.core.strategy.ranks import (
    Correlation,
    average_ranks,
    pearson,
    spearman,
    spearman_pairs,
)
from partnerscope.core.strategy.review import (
    DEFAULT_REVIEW_INTERVAL_YEARS,
    RULES,
    OutcomeFacts,
    ReviewFinding,
    ReviewRule,
    StrategyFacts,
    add_years,
    review_strategy,
    rule_text,
)

__all__ = [
    "DEFAULT_REVIEW_INTERVAL_YEARS",
    "RULES",
    "Correlation",
    "IndicatorJudgement",
    "OutcomeFacts",
    "PartnerNetwork",
    "ReviewFinding",
    "ReviewRule",
    "StrategyFacts",
    "add_years",
    "average_ranks",
    "mean",
    "partner_network",
    "pearson",
    "performance_score",
    "review_strategy",
    "rule_text",
    "spearman",
    "spearman_pairs",
]
