"""Missing answers: who responded to the network survey, and which ties were inferred."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.core.network.graph import PartnerGraph

__all__ = ["ResponseSummary", "response_summary"]


@dataclass(frozen=True)
class ResponseSummary:
    """Response to the survey.

    ``rate`` is responded / (responded + not responded) over organisations whose response is
    known; None when none is. ``inferred_ties`` lists the ``(from, to)`` ties added from
    the other side's answer (see ``NetworkOptions.symmetrise``).
    """

    responded: int
    not_responded: int
    unknown: int
    non_responding: tuple[str, ...]
    inferred_ties: tuple[tuple[str, str], ...]

    @property
    def rate(self) -> float | None:
        """The response rate among organisations whose response is known."""
        known = self.responded + self.not_responded
        return self.responded / known if known else None

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values."""
        return {
            "response_rate": self.rate,
            "responded": self.responded,
            "not_responded": self.not_responded,
            "response_unknown": self.unknown,
            "non_responding": list(self.non_responding),
            "inferred_ties": [list(pair) for pair in self.inferred_ties],
        }


def response_summary(graph: PartnerGraph) -> ResponseSummary:
    """Count responses and list the non-responding organisations and inferred ties.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import NetworkOptions, Organisation, Tie
    >>> members = [Organisation("a", responded=True), Organisation("b", responded=False)]
    >>> net = build_graph(members, [Tie("a", "b")], NetworkOptions(symmetrise=True))
    >>> summary = response_summary(net)
    >>> summary.rate, summary.inferred_ties
    (0.5, (('b', 'a'),))
    """
    flags = [organisation.responded for organisation in graph.organisations]
    return ResponseSummary(
        responded=sum(flag is True for flag in flags),
        not_responded=sum(flag is False for flag in flags),
        unknown=sum(flag is None for flag in flags),
        non_responding=tuple(o.id for o in graph.organisations if o.responded is False),
        inferred_ties=tuple((tie.source, tie.target) for tie in graph.ties if tie.inferred),
    )
