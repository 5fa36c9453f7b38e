"""The whole suite of network measures in one call, with JSON-ready results.

:func:`analyse_network` is what the command line and the web pages call. Its result's
:meth:`NetworkResult.to_dict` gives the keys documented in ``docs/network.md``: a
``network`` object for the whole partnership and one ``nodes`` entry per organisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from partnerscope.core.network.brokerage import BrokerageRoles, brokerage_roles
from partnerscope.core.network.centralisation import (
    betweenness_centralisation,
    degree_centralisation,
)
from partnerscope.core.network.centrality import betweenness, closeness, degrees, pagerank
from partnerscope.core.network.cohesion import (
    ComponentSummary,
    PathSummary,
    density,
    path_summary,
    reciprocity,
    weak_components,
)
from partnerscope.core.network.communities import detect_communities
from partnerscope.core.network.connectivity import Fragmentation, cut_points
from partnerscope.core.network.council import (
    CouncilDependency,
    council_dependency,
    council_removal,
)
from partnerscope.core.network.graph import CountedTie, PartnerGraph, build_graph
from partnerscope.core.network.homophily import EIIndex, ei_index
from partnerscope.core.network.model import NetworkOptions, Organisation, Tie
from partnerscope.core.network.paths import choose_sources, path_totals
from partnerscope.core.network.ratings import (
    Rating,
    RatingSummary,
    received_ratings,
    summarise_ratings,
)
from partnerscope.core.network.response import ResponseSummary, response_summary
from partnerscope.core.network.structural_holes import constraint

__all__ = [
    "COMMUNITY_METHOD",
    "NetworkMetrics",
    "NetworkResult",
    "OrganisationMetrics",
    "analyse_graph",
    "analyse_network",
]

COMMUNITY_METHOD = "leiden-modularity"


@dataclass(frozen=True)
class OrganisationMetrics:
    """Every measure of one organisation (see ``docs/network.md`` for each formula).

    On an undirected network ``in_*`` and ``out_*`` hold the same degree and strength.
    """

    id: str
    sector: str | None
    tier: str | None
    responded: bool | None
    council: bool
    in_degree: int
    out_degree: int
    in_strength: float
    out_strength: float
    in_degree_centrality: float
    out_degree_centrality: float
    betweenness: float
    closeness: float
    pagerank: float
    constraint: float | None
    cut_point: bool
    community: int
    brokerage: BrokerageRoles
    trust: Rating
    value: Rating

    @property
    def isolate(self) -> bool:
        """True when the organisation has no counted tie."""
        return self.in_degree == 0 and self.out_degree == 0

    def to_dict(self, *, directed: bool = True) -> dict[str, Any]:
        """The measures as JSON-ready values; ``degree`` etc. replace the in/out pairs on an
        undirected network."""
        result: dict[str, Any] = {
            "id": self.id,
            "sector": self.sector,
            "tier": self.tier,
            "responded": self.responded,
            "council": self.council,
        }
        if directed:
            result |= {
                "in_degree": self.in_degree,
                "out_degree": self.out_degree,
                "in_strength": self.in_strength,
                "out_strength": self.out_strength,
                "in_degree_centrality": self.in_degree_centrality,
                "out_degree_centrality": self.out_degree_centrality,
            }
        else:
            result |= {
                "degree": self.in_degree,
                "strength": self.in_strength,
                "degree_centrality": self.in_degree_centrality,
            }
        return result | {
            "betweenness": self.betweenness,
            "closeness": self.closeness,
            "pagerank": self.pagerank,
            "constraint": self.constraint,
            "cut_point": self.cut_point,
            "community": self.community,
            "isolate": self.isolate,
            "brokerage": self.brokerage.to_dict(),
            "mean_trust": self.trust.mean,
            "trust_ratings": self.trust.ratings,
            "mean_value": self.value.mean,
            "value_ratings": self.value.ratings,
        }


@dataclass(frozen=True)
class NetworkMetrics:
    """Every measure of the whole network (see ``docs/network.md``)."""

    organisations: int
    ties: int
    directed: bool
    min_level: int
    density: float
    reciprocity: float | None
    in_centralization: float | None
    out_centralization: float | None
    degree_centralization: float | None
    betweenness_centralization: float | None
    betweenness_sampled: int | None
    components: ComponentSummary
    paths: PathSummary
    cut_points: int
    communities: int
    modularity: float | None
    response: ResponseSummary
    ei_sector: EIIndex
    ei_tier: EIIndex
    trust: RatingSummary
    value: RatingSummary
    council: CouncilDependency
    council_removal: Fragmentation | None

    def to_dict(self) -> dict[str, Any]:
        """The measures as JSON-ready values, in the documented key order."""
        result: dict[str, Any] = {
            "nodes": self.organisations,
            "ties": self.ties,
            "directed": self.directed,
            "min_level": self.min_level,
            "density": self.density,
            "reciprocity": self.reciprocity,
        }
        if self.directed:
            result["in_centralization"] = self.in_centralization
            result["out_centralization"] = self.out_centralization
        else:
            result["degree_centralization"] = self.degree_centralization
        result |= {
            "betweenness_centralization": self.betweenness_centralization,
            "betweenness_sampled": self.betweenness_sampled,
            **self.components.to_dict(),
            "cut_points": self.cut_points,
            "average_path_length": self.paths.average_path_length,
            "diameter": self.paths.diameter,
            "reachability": self.paths.reachability,
            "paths_sampled": self.paths.sampled,
            "communities": self.communities,
            "community_method": COMMUNITY_METHOD,
            "modularity": self.modularity,
            **self.response.to_dict(),
            "ei_index": {"sector": self.ei_sector.to_dict(), "tier": self.ei_tier.to_dict()},
            "trust": self.trust.to_dict(),
            "value": self.value.to_dict(),
            "council": self.council.to_dict()
            | {"removal": None if self.council_removal is None else self.council_removal.to_dict()},
        }
        return result


@dataclass(frozen=True)
class NetworkResult:
    """The analysis of one network: the whole, each organisation, the counted ties."""

    network: NetworkMetrics
    organisations: tuple[OrganisationMetrics, ...]
    ties: tuple[CountedTie, ...]
    options: NetworkOptions

    def to_dict(self) -> dict[str, Any]:
        """``{"network": {...}, "nodes": [{...}, ...]}`` with the documented keys."""
        directed = self.network.directed
        return {
            "network": self.network.to_dict(),
            "nodes": [
                organisation.to_dict(directed=directed) for organisation in self.organisations
            ],
        }


def analyse_graph(graph: PartnerGraph, options: NetworkOptions) -> NetworkResult:
    """Run every measure on a network already built with :func:`build_graph`."""
    size = graph.size
    sectors = [organisation.sector for organisation in graph.organisations]
    tiers = [organisation.tier for organisation in graph.organisations]
    council = np.array([options.is_council(sector) for sector in sectors], dtype=bool)
    sources = choose_sources(size, options)
    totals = path_totals(graph, sources, council)
    counted = degrees(graph)
    between = betweenness(graph, sources)
    close = closeness(totals)
    ranks = pagerank(graph)
    constraints = constraint(graph)
    cuts = cut_points(graph)
    groups = detect_communities(graph, options.seed)
    roles = brokerage_roles(graph, sectors, open_only=options.brokerage_open_only)
    trust = received_ratings(graph, "trust")
    value = received_ratings(graph, "value")
    directed = graph.directed
    network = NetworkMetrics(
        organisations=size,
        ties=len(graph.ties),
        directed=directed,
        min_level=options.min_level,
        density=density(graph),
        reciprocity=reciprocity(graph),
        in_centralization=degree_centralisation(counted.in_degree.tolist(), directed=True)
        if directed
        else None,
        out_centralization=degree_centralisation(counted.out_degree.tolist(), directed=True)
        if directed
        else None,
        degree_centralization=None
        if directed
        else degree_centralisation(counted.in_degree.tolist(), directed=False),
        betweenness_centralization=betweenness_centralisation(between.tolist()),
        betweenness_sampled=None if sources is None else len(sources),
        components=weak_components(graph),
        paths=path_summary(totals, size),
        cut_points=int(cuts.sum()),
        communities=groups.count,
        modularity=groups.modularity,
        response=response_summary(graph),
        ei_sector=ei_index(graph, sectors),
        ei_tier=ei_index(graph, tiers),
        trust=summarise_ratings(trust),
        value=summarise_ratings(value),
        council=council_dependency(graph, council, totals),
        council_removal=council_removal(graph, council),
    )
    organisations = tuple(
        OrganisationMetrics(
            id=organisation.id,
            sector=organisation.sector,
            tier=organisation.tier,
            responded=organisation.responded,
            council=bool(council[v]),
            in_degree=int(counted.in_degree[v]),
            out_degree=int(counted.out_degree[v]),
            in_strength=float(counted.in_strength[v]),
            out_strength=float(counted.out_strength[v]),
            in_degree_centrality=float(counted.in_centrality[v]),
            out_degree_centrality=float(counted.out_centrality[v]),
            betweenness=float(between[v]),
            closeness=float(close[v]),
            pagerank=float(ranks[v]),
            constraint=constraints[v],
            cut_point=bool(cuts[v]),
            community=groups.membership[v],
            brokerage=roles[v],
            trust=trust[v],
            value=value[v],
        )
        for v, organisation in enumerate(graph.organisations)
    )
    return NetworkResult(network, organisations, graph.ties, options)


def analyse_network(
    organisations: Sequence[Organisation],
    ties: Sequence[Tie],
    options: NetworkOptions | None = None,
) -> NetworkResult:
    """Build the network from the answers and run every measure.

    Examples
    --------
    >>> members = [Organisation("council", "council"), Organisation("nhs", "health"),
    ...            Organisation("police", "police")]
    >>> answers = [Tie("nhs", "council", level=3, trust=4), Tie("council", "police", level=2),
    ...            Tie("police", "nhs", level=1)]
    >>> result = analyse_network(members, answers)
    >>> result.network.ties, result.network.density, result.network.council.dependency
    (2, 0.3333333333333333, 1.0)
    >>> result.to_dict()["nodes"][0]["brokerage"]["liaison"]
    1
    """
    options = options or NetworkOptions()
    return analyse_graph(build_graph(organisations, ties, options), options)
