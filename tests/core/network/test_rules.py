"""The relationship rules, each with a hand-worked example and its threshold's edge."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings

from partnerscope.core.network import Organisation, Tie, analyse_graph, analyse_network
from partnerscope.core.network.rules import (
    COUNCIL_DEPENDENCY_ABOVE,
    COUNCIL_DOMINANCE,
    ISOLATED_PARTNER,
    LOW_RECIPROCITY,
    LOW_TRUST,
    LOW_TRUST_BELOW,
    RECIPROCITY_BELOW,
    RULES,
    council_dominates,
    isolated,
    low_reciprocity,
    low_trust,
)
from tests.core.network.strategies import Case, cases, to_networkx


def both_ways(*pairs: tuple[str, str]) -> list[Tie]:
    return [tie for a, b in pairs for tie in (Tie(a, b, level=3), Tie(b, a, level=3))]


def test_every_rule_has_a_stable_name_and_a_labelled_wording() -> None:
    assert [rule.name for rule in RULES] == [
        "isolated_partner",
        "council_dominance",
        "low_trust",
        "low_reciprocity",
    ]
    assert [rule.label for rule in RULES] == [
        "Isolated partner",
        "Council dominance",
        "Low trust",
        "Low reciprocity",
    ]
    assert (LOW_TRUST_BELOW, COUNCIL_DEPENDENCY_ABOVE, RECIPROCITY_BELOW) == (2.5, 0.5, 0.5)


def test_isolated_partner() -> None:
    # Council and NHS name each other (level 3); the police names the council at level 1,
    # below the counted level 2, so it has no counted tie; fire names no one and no one it.
    members = [
        Organisation(ref, sector)
        for ref, sector in (
            ("council", "council"),
            ("nhs", "health"),
            ("police", "police"),
            ("fire", "fire"),
        )
    ]
    answers = [*both_ways(("council", "nhs")), Tie("police", "council", level=1)]
    result = analyse_network(members, answers)
    found = [m.id for m in result.organisations if isolated(m.in_degree, m.out_degree)]
    assert found == ["police", "fire"]
    assert ISOLATED_PARTNER.text.startswith("Isolated partner:")


def test_council_dominance() -> None:
    # A star: spokes a, b, d reach one another only through the council c, so every one of
    # the 6 ordered pairs of spokes routes through it: dependency 6/6 = 1.0, dominance.
    members = [Organisation("c", "council"), *(Organisation(x, "health") for x in "abd")]
    star = both_ways(("a", "c"), ("b", "c"), ("d", "c"))
    assert analyse_network(members, star).network.council.dependency == 1.0
    assert council_dominates(analyse_network(members, star).network.council)
    # With a-b and b-d tied as well: a-b, b-a, b-d, d-b are direct (0), and a-d, d-a have
    # two shortest routes (via b, via c), half through the council: (0.5 + 0.5) / 6 = 1/6.
    meshed = analyse_network(members, [*star, *both_ways(("a", "b"), ("b", "d"))])
    assert meshed.network.council.dependency == 1 / 6
    assert not council_dominates(meshed.network.council)
    # Only a-b tied: a-d, d-a, b-d, d-b route through c (4 of 6): 2/3, still dominance.
    partial = analyse_network(members, [*star, *both_ways(("a", "b"))])
    assert partial.network.council.dependency == 4 / 6
    assert council_dominates(partial.network.council)
    assert COUNCIL_DOMINANCE.text.startswith("Council dominance:")


def test_low_trust() -> None:
    # c is rated 2 and 3 (mean 2.5, the edge: not low); d is rated 2 and 2 (mean 2.0: low);
    # a is rated once, 1 (low); b is never rated (no judgement).
    members = [Organisation(x, "health") for x in "abcd"]
    answers = [
        Tie("a", "c", level=3, trust=2),
        Tie("b", "c", level=3, trust=3),
        Tie("a", "d", level=3, trust=2),
        Tie("b", "d", level=3, trust=2),
        Tie("d", "a", level=3, trust=1),
    ]
    result = analyse_network(members, answers)
    judged = {m.id: low_trust(m.trust) for m in result.organisations}
    assert judged == {"a": True, "b": False, "c": False, "d": True}
    assert LOW_TRUST.text.startswith("Low trust:")


def test_low_reciprocity() -> None:
    # a-b named both ways, a->c and c->d one way: 2 of 4 ties returned, 0.5, not low;
    # add d->b: 2 of 5, 0.4, low.
    members = [Organisation(x, "health") for x in "abcd"]
    answers = [*both_ways(("a", "b")), Tie("a", "c", level=3), Tie("c", "d", level=3)]
    assert analyse_network(members, answers).network.reciprocity == 0.5
    assert not low_reciprocity(analyse_network(members, answers).network.reciprocity)
    more = analyse_network(members, [*answers, Tie("d", "b", level=3)])
    assert more.network.reciprocity == 0.4
    assert low_reciprocity(more.network.reciprocity)
    assert LOW_RECIPROCITY.text.startswith("Low reciprocity:")


@settings(max_examples=40, deadline=None)
@given(cases(directed=True))
def test_the_rules_agree_with_networkx(case: Case) -> None:
    """Isolated partners are networkx's isolates; low reciprocity is networkx's reciprocity
    below one half."""
    result = analyse_graph(case.graph, case.options)
    oracle = to_networkx(case.graph)
    found = {m.id for m in result.organisations if isolated(m.in_degree, m.out_degree)}
    assert found == set(nx.isolates(oracle))
    if oracle.number_of_edges():
        assert low_reciprocity(result.network.reciprocity) == (
            nx.reciprocity(oracle) < RECIPROCITY_BELOW
        )
