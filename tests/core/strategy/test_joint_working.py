"""An outcome's performance score and the network among its partners."""

from __future__ import annotations

import networkx as nx
import pytest

from partnerscope.core.strategy import IndicatorJudgement, partner_network, performance_score


def test_performance_score_counts_green_or_improving_when_unrated() -> None:
    indicators = [
        IndicatorJudgement("a", "green", "worsening"),
        IndicatorJudgement("b", "amber", "improving"),
        IndicatorJudgement("c", "", "improving"),
        IndicatorJudgement("d", "", "worsening"),
        IndicatorJudgement("e"),
    ]
    assert performance_score(indicators) == pytest.approx(2 / 4)
    assert performance_score([]) is None


def test_partner_network_density_matches_networkx_when_everyone_answered() -> None:
    levels = {
        ("a", "b"): (3, 4.0),
        ("b", "a"): (3, 3.0),
        ("b", "c"): (2, 2.0),
        ("c", "b"): (1, 1.0),
        ("c", "a"): (4, None),
        ("a", "x"): (4, 4.0),
        ("d", "a"): (0, None),
    }
    network = partner_network(["a", "b", "c", "d"], levels)
    graph = nx.DiGraph()
    graph.add_nodes_from("abcd")
    graph.add_edges_from(
        [(s, t) for (s, t), (level, _) in levels.items() if level >= 2 and t != "x"]
    )
    assert network.density == pytest.approx(nx.density(graph))
    assert network.trust == pytest.approx((4.0 + 3.0 + 2.0) / 3)
    assert network.isolated == ("d",)


def test_a_non_answering_partner_gets_ties_inferred() -> None:
    network = partner_network(["a", "b"], {("a", "b"): (3, 3.0)})
    assert network.density == 1.0
    assert network.isolated == ()


def test_one_partner_has_no_density() -> None:
    assert partner_network(["a"], {}).density is None
