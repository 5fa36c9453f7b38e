"""Compare two waves of the same partnership's network survey.

What changed between the waves: ties made and lost, density and centralisation, and the
organisations that became isolated, stopped being isolated, or moved into or out of the
most central group by betweenness.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from partnerscope.core.network.analysis import NetworkResult, OrganisationMetrics

__all__ = ["DEFAULT_TOP_SHARE", "WaveComparison", "central_organisations", "compare_waves"]

DEFAULT_TOP_SHARE = 0.1

_MEASURES = (
    "density",
    "reciprocity",
    "in_centralization",
    "out_centralization",
    "degree_centralization",
    "betweenness_centralization",
    "modularity",
    "average_path_length",
)
_COUNTS = ("nodes", "ties", "components", "isolates")


def central_organisations(
    organisations: tuple[OrganisationMetrics, ...], share: float = DEFAULT_TOP_SHARE
) -> frozenset[str]:
    """The organisations in the top ``share`` by betweenness.

    Rank by betweenness, highest first; the top group is every organisation whose
    betweenness is above zero and at least that of the organisation ranked
    ``ceil(share * n)`` (so organisations tied at the boundary are all in).

    Examples
    --------
    >>> from partnerscope.core.network.analysis import analyse_network
    >>> from partnerscope.core.network.model import Tie
    >>> result = analyse_network([], [Tie("a", "b"), Tie("b", "c")])
    >>> sorted(central_organisations(result.organisations))
    ['b']
    """
    if not organisations:
        return frozenset()
    ranked = sorted((o.betweenness for o in organisations), reverse=True)
    place = max(1, math.ceil(share * len(organisations)))
    boundary = ranked[place - 1]
    return frozenset(o.id for o in organisations if o.betweenness > 0 and o.betweenness >= boundary)


def _tie_set(result: NetworkResult) -> set[tuple[str, str]]:
    if result.network.directed:
        return {(tie.source, tie.target) for tie in result.ties}
    return {(min(t.source, t.target), max(t.source, t.target)) for t in result.ties}


@dataclass(frozen=True)
class WaveComparison:
    """The changes from one wave (``before``) to the next (``after``).

    ``before``/``after``/``change`` hold the whole-network measures and their difference
    (after minus before; None when either is missing). Organisation lists are sorted ids.
    """

    before: dict[str, Any]
    after: dict[str, Any]
    change: dict[str, Any]
    new_ties: tuple[tuple[str, str], ...]
    lost_ties: tuple[tuple[str, str], ...]
    kept_ties: int
    joined: tuple[str, ...]
    left: tuple[str, ...]
    became_isolated: tuple[str, ...]
    no_longer_isolated: tuple[str, ...]
    became_central: tuple[str, ...]
    no_longer_central: tuple[str, ...]
    top_share: float

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready values."""
        return {
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "new_ties": [list(tie) for tie in self.new_ties],
            "lost_ties": [list(tie) for tie in self.lost_ties],
            "kept_ties": self.kept_ties,
            "joined": list(self.joined),
            "left": list(self.left),
            "became_isolated": list(self.became_isolated),
            "no_longer_isolated": list(self.no_longer_isolated),
            "became_central": list(self.became_central),
            "no_longer_central": list(self.no_longer_central),
            "central_top_share": self.top_share,
        }


def _headline(result: NetworkResult) -> dict[str, Any]:
    full = result.network.to_dict()
    return {key: full.get(key) for key in (*_COUNTS, *_MEASURES)}


def compare_waves(
    before: NetworkResult, after: NetworkResult, *, top_share: float = DEFAULT_TOP_SHARE
) -> WaveComparison:
    """Compare two analysed waves (analyse both with the same options).

    An organisation *became isolated* when it is in both waves, had a tie before and has
    none after. It *became central* when it is in the top ``top_share`` by betweenness
    after (see :func:`central_organisations`) but was not before, including when it is new.

    Examples
    --------
    >>> from partnerscope.core.network.analysis import analyse_network
    >>> from partnerscope.core.network.model import Tie
    >>> first = analyse_network([], [Tie("a", "b"), Tie("b", "c")])
    >>> second = analyse_network([], [Tie("a", "c"), Tie("c", "b")])
    >>> comparison = compare_waves(first, second)
    >>> comparison.new_ties, comparison.lost_ties
    ((('a', 'c'), ('c', 'b')), (('a', 'b'), ('b', 'c')))
    >>> comparison.became_central, comparison.no_longer_central
    (('c',), ('b',))
    """
    if before.network.directed != after.network.directed:
        raise ValueError("both waves must be directed, or both undirected")
    first, second = _headline(before), _headline(after)
    change = {
        key: None
        if not isinstance(first[key], int | float) or not isinstance(second[key], int | float)
        else second[key] - first[key]
        for key in first
    }
    ties_before, ties_after = _tie_set(before), _tie_set(after)
    was = {o.id: o for o in before.organisations}
    now = {o.id: o for o in after.organisations}
    both = was.keys() & now.keys()
    central_before = central_organisations(before.organisations, top_share)
    central_after = central_organisations(after.organisations, top_share)
    return WaveComparison(
        before=first,
        after=second,
        change=change,
        new_ties=tuple(sorted(ties_after - ties_before)),
        lost_ties=tuple(sorted(ties_before - ties_after)),
        kept_ties=len(ties_before & ties_after),
        joined=tuple(sorted(now.keys() - was.keys())),
        left=tuple(sorted(was.keys() - now.keys())),
        became_isolated=tuple(sorted(i for i in both if now[i].isolate and not was[i].isolate)),
        no_longer_isolated=tuple(sorted(i for i in both if was[i].isolate and not now[i].isolate)),
        became_central=tuple(sorted(central_after - central_before)),
        no_longer_central=tuple(sorted(central_before - central_after)),
        top_share=top_share,
    )
