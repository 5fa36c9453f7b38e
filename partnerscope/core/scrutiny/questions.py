"""Lines of enquiry for a scrutiny committee, proposed from the findings the other analyses
already made. The mapping from a finding's area and rule to a question is data here, so
it can be read and tested without the site.

Examples
--------
>>> found = [{"area": "network", "rule": "isolated_partner", "subject": "Kite Police",
...           "message": "Few ties.", "url": "/f/1/"}]
>>> [line.theme for line in lines_of_enquiry(found)]
['Relationships between partners']
>>> "Kite Police" in lines_of_enquiry(found)[0].question
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["BY_AREA", "BY_RULE", "LineOfEnquiry", "lines_of_enquiry"]


@dataclass(frozen=True)
class LineOfEnquiry:
    """A question a committee could ask, the theme it belongs to, and its evidence: the
    finding's rule, message and link."""

    theme: str
    question: str
    rule: str
    evidence: str
    url: str


BY_RULE: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "rag_red": (
            "Off-track indicators",
            "Why is {subject} off track, who is accountable for it, and what will the partners "
            "do differently to bring it back?",
        ),
        "forecast_likely_missed": (
            "Off-track indicators",
            "What is the partnership doing now about {subject}, which is forecast to miss its "
            "target?",
        ),
        "spc_consistently_missed": (
            "Off-track indicators",
            "{subject} has missed its target consistently: is the target realistic, and is the "
            "plan behind it working?",
        ),
        "direction_worsening": (
            "Off-track indicators",
            "What explains the worsening of {subject}?",
        ),
        "weak_element": (
            "How the partnership works (7S)",
            "Partners rate {subject} low or disagree about it: what is the board doing to "
            "strengthen it?",
        ),
        "isolated_partner": (
            "Relationships between partners",
            "How does the partnership involve {subject}, which the relationship survey shows on "
            "the edge of the network?",
        ),
        "council_dominance": (
            "Relationships between partners",
            "Do partners see local leadership or domination by the council, as the relationship "
            "survey suggests?",
        ),
        "low_trust": (
            "Relationships between partners",
            "What lies behind the low trust the relationship survey shows, and how will it be "
            "rebuilt?",
        ),
    }
)
"""Questions for named rules; ``{subject}`` is the finding's subject."""

BY_AREA: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "chains": (
            "Weak links in delivery chains",
            "Who answers for {subject} in the delivery chain, and how will the weak link be "
            "strengthened?",
        ),
        "governance": (
            "Governance layers",
            "Do the strategic, executive and operational layers work as intended at {subject}?",
        ),
    }
)
"""Questions for every other rule of an area (the chain and layer rules)."""


def lines_of_enquiry(findings: Iterable[Mapping[str, str]]) -> list[LineOfEnquiry]:
    """One line of enquiry per theme and subject whose rule or area has a question, in the
    order of the themes and then of the findings. Each finding gives ``area``, ``rule`` (its
    id), ``subject`` (its name), ``message`` and ``url``. When several findings about one
    subject lead to the same theme (an indicator red, forecast to miss and worsening), the
    rule listed first in :data:`BY_RULE` asks the question."""
    order = [*BY_RULE, *BY_AREA]
    chosen: dict[tuple[str, str], tuple[int, LineOfEnquiry]] = {}
    for found in findings:
        key = found["rule"] if found["rule"] in BY_RULE else found["area"]
        if key not in order:
            continue
        theme, template = BY_RULE.get(key) or BY_AREA[key]
        line = LineOfEnquiry(
            theme=theme,
            question=template.format(subject=found["subject"]),
            rule=found["rule"],
            evidence=found["message"],
            url=found["url"],
        )
        rank = order.index(key)
        current = chosen.get((theme, found["subject"]))
        if current is None or rank < current[0]:
            chosen[(theme, found["subject"])] = (rank, line)
    themes = [theme for theme, _ in (*BY_RULE.values(), *BY_AREA.values())]
    lines = [line for _, line in chosen.values()]
    return sorted(lines, key=lambda line: themes.index(line.theme))
