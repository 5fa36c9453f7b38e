"""The measures set beside each outcome: how it performs, and how well its owners work
together (the relationship network among the partners that own it).

The performance score of an outcome is the share of its judged indicators that are doing
well: on track (green) or, when no target gives them a status, improving. An indicator
with neither a status nor a direction is not judged and does not count either way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from partnerscope.core.network import DEFAULT_MIN_LEVEL, NetworkOptions, build_graph, density
from partnerscope.core.network.model import Organisation, Tie

__all__ = [
    "IndicatorJudgement",
    "PartnerNetwork",
    "mean",
    "partner_network",
    "performance_score",
]

GREEN = "green"
IMPROVING = "improving"


@dataclass(frozen=True, slots=True)
class IndicatorJudgement:
    """An indicator's stored status: red/amber/green (or ""), and its direction (or "")."""

    code: str
    rag: str = ""
    direction: str = ""

    @property
    def judged(self) -> bool:
        return bool(self.rag or self.direction)

    @property
    def doing_well(self) -> bool:
        """On track, or improving when it has no status."""
        return self.rag == GREEN if self.rag else self.direction == IMPROVING


def performance_score(indicators: Iterable[IndicatorJudgement]) -> float | None:
    """The share of judged indicators doing well, or None when none is judged.

    Examples
    --------
    >>> performance_score([
    ...     IndicatorJudgement("NI 1", "green"),
    ...     IndicatorJudgement("NI 2", "red", "improving"),
    ...     IndicatorJudgement("NI 3", "", "improving"),
    ...     IndicatorJudgement("NI 4"),
    ... ])
    0.6666666666666666
    >>> performance_score([IndicatorJudgement("NI 4")]) is None
    True
    """
    judged = [indicator for indicator in indicators if indicator.judged]
    if not judged:
        return None
    return sum(indicator.doing_well for indicator in judged) / len(judged)


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the known values, or None.

    >>> mean([1.0, None, 2.0])
    1.5
    """
    known = [value for value in values if value is not None]
    return math.fsum(known) / len(known) if known else None


@dataclass(frozen=True, slots=True)
class PartnerNetwork:
    """The relationship network among an outcome's partners in one wave.

    ``density`` is the share of possible directed ties present (the network pages' measure,
    ties at the counted level or above, a non-answering partner's ties inferred from the
    other side); ``trust`` the mean trust (1–4) of the answered ties among them; ``isolated``
    the partners with no counted tie to any other of them. ``density`` is None with fewer
    than two partners.
    """

    partners: tuple[str, ...]
    density: float | None
    trust: float | None
    isolated: tuple[str, ...]
    ties: int


def partner_network(
    partners: Sequence[str],
    levels: Mapping[tuple[str, str], tuple[int, float | None]],
    min_level: int = DEFAULT_MIN_LEVEL,
) -> PartnerNetwork:
    """The network among ``partners`` from a wave's answers ``(from, to) -> (level, trust)``.

    Examples
    --------
    >>> levels = {("a", "b"): (3, 3.0), ("b", "a"): (2, 2.0), ("a", "z"): (4, 4.0)}
    >>> network = partner_network(["a", "b", "c"], levels)
    >>> network.density, network.trust, network.isolated
    (0.3333333333333333, 2.5, ('c',))
    """
    chosen = list(dict.fromkeys(partners))
    inside = set(chosen)
    answered = {source for source, _ in levels}
    ties = [
        Tie(source, target, level=level, trust=trust)
        for (source, target), (level, trust) in sorted(levels.items())
        if source in inside and target in inside and source != target
    ]
    if len(chosen) < 2:
        return PartnerNetwork(tuple(chosen), None, None, (), 0)
    graph = build_graph(
        [Organisation(ref, responded=ref in answered) for ref in chosen],
        ties,
        NetworkOptions(directed=True, min_level=min_level, symmetrise=True),
    )
    linked = {tie.source for tie in graph.ties} | {tie.target for tie in graph.ties}
    counted = [tie for tie in ties if tie.level is None or tie.level >= min_level]
    return PartnerNetwork(
        partners=tuple(chosen),
        density=density(graph),
        trust=mean(tie.trust for tie in counted),
        isolated=tuple(ref for ref in chosen if ref not in linked),
        ties=len(graph.ties),
    )
