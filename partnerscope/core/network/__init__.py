"""Social network analysis of the relationships between a partnership's organisations.

Who works with whom, how closely, how much they trust and value each other, and whether
the council leads or dominates. The measures run on the compiled graph library igraph and
agree with networkx where networkx has the same measure. Start with
:func:`analyse_network`; :func:`compare_waves` compares two survey waves.
"""

from __future__ import annotations

from partnerscope.core.network.analysis import (
    COMMUNITY_METHOD,
    NetworkMetrics,
    NetworkResult,
    OrganisationMetrics,
    analyse_graph,
    analyse_network,
)
from partnerscope.core.network.brokerage import ROLES, BrokerageRoles, brokerage_roles
from partnerscope.core.network.centralisation import (
    betweenness_centralisation,
    degree_centralisation,
)
from partnerscope.core.network.centrality import (
    Degrees,
    betweenness,
    closeness,
    degrees,
    pagerank,
)
from partnerscope.core.network.cohesion import (
    ComponentSummary,
    PathSummary,
    density,
    path_summary,
    reciprocity,
    weak_components,
)
from partnerscope.core.network.communities import Communities, detect_communities
from partnerscope.core.network.connectivity import Fragmentation, cut_points, fragmentation
from partnerscope.core.network.council import (
    CouncilDependency,
    council_dependency,
    council_removal,
)
from partnerscope.core.network.graph import CountedTie, PartnerGraph, build_graph
from partnerscope.core.network.homophily import EIIndex, ei_index
from partnerscope.core.network.model import (
    DEFAULT_MIN_LEVEL,
    LEVEL_LABELS,
    NetworkOptions,
    Organisation,
    Tie,
)
from partnerscope.core.network.paths import PathTotals, choose_sources, path_totals
from partnerscope.core.network.ratings import (
    RATING_MAXIMUM,
    Rating,
    RatingSummary,
    combined_rating,
    received_ratings,
    summarise_ratings,
)
from partnerscope.core.network.response import ResponseSummary, response_summary
from partnerscope.core.network.structural_holes import constraint
from partnerscope.core.network.waves import (
    DEFAULT_TOP_SHARE,
    WaveComparison,
    central_organisations,
    compare_waves,
)

__all__ = [
    "COMMUNITY_METHOD",
    "DEFAULT_MIN_LEVEL",
    "DEFAULT_TOP_SHARE",
    "LEVEL_LABELS",
    "RATING_MAXIMUM",
    "ROLES",
    "BrokerageRoles",
    "Communities",
    "ComponentSummary",
    "CountedTie",
    "CouncilDependency",
    "Degrees",
    "EIIndex",
    "Fragmentation",
    "NetworkMetrics",
    "NetworkOptions",
    "NetworkResult",
    "Organisation",
    "OrganisationMetrics",
    "PartnerGraph",
    "PathSummary",
    "PathTotals",
    "Rating",
    "RatingSummary",
    "ResponseSummary",
    "Tie",
    "WaveComparison",
    "analyse_graph",
    "analyse_network",
    "betweenness",
    "betweenness_centralisation",
    "brokerage_roles",
    "build_graph",
    "central_organisations",
    "choose_sources",
    "closeness",
    "combined_rating",
    "compare_waves",
    "constraint",
    "council_dependency",
    "council_removal",
    "cut_points",
    "degree_centralisation",
    "degrees",
    "density",
    "detect_communities",
    "ei_index",
    "fragmentation",
    "pagerank",
    "path_summary",
    "path_totals",
    "reciprocity",
    "received_ratings",
    "response_summary",
    "summarise_ratings",
    "weak_components",
]
