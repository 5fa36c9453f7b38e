"""The whole analysis of one chain: a hand-worked example and the JSON it gives."""

from __future__ import annotations

import json
from datetime import date

import pytest

from partnerscope.core.chains import (
    DEFAULT_RULES,
    ChainContext,
    DeliveryChain,
    Link,
    Node,
    Rating,
    Risk,
    analyse_chain,
    results_to_dict,
)


def teenage_pregnancy() -> DeliveryChain:
    """A small chain modelled on a teenage pregnancy outcome in a two-tier area."""
    nodes = (
        Node("outcome", "outcome", "Fewer under-18 conceptions"),
        Node("lsp", "body", "LSP board", layer="strategic"),
        Node("trust", "body", "Children's trust", layer="executive"),
        Node("council", "organisation", "County council"),
        Node("pct", "organisation", "Primary care trust"),
        Node("clinic", "service", "Sexual health clinic", organisation="pct"),
        Node("nurses", "front_line", "School nurses", organisation="council"),
        Node("young", "people", "Young people aged 13 to 17"),
    )
    links = (
        Link("lsp", "outcome", "accountable_to", "chair", "NI 112"),
        Link("trust", "lsp", "accountable_to", "director", "NI 112"),
        Link("trust", "lsp", "reports_data_to", "analyst", "NI 112", frequency=2),
        Link("council", "trust", "accountable_to", "chief executive"),
        Link("pct", "trust", "accountable_to", "chief executive", "NI 112"),
        Link(
            "council",
            "nurses",
            "funds",
            "finance",
            "NI 112",
            amount=50_000,
            secure_until=date(2010, 3, 31),
            risk=Risk(4, 4),
        ),
        Link("pct", "clinic", "funds", "commissioner", "NI 112", amount=120_000),
        Link("clinic", "young", "delivers_to", "manager", "NI 112"),
        Link("nurses", "young", "delivers_to", None, "NI 112"),
        Link("nurses", "clinic", "refers_to", "lead nurse", "NI 112"),
    )
    return DeliveryChain("teenage-pregnancy", nodes, links)


def ratings() -> list[Rating]:
    given = []
    for index in range(5):
        given.append(Rating(f"s{index}", "strategic", "q01", "green"))
        given.append(Rating(f"o{index}", "operational", "q01", "green" if index < 2 else "amber"))
        given.append(Rating(f"s{index}", "strategic", "q05", "red"))
        given.append(Rating(f"o{index}", "operational", "q05", "red"))
    given.append(Rating("o0", "operational", "q05", "red", ("council", "nurses")))
    given.append(Rating("o1", "operational", "q05", "amber", ("pct", "clinic")))
    return given


def test_hand_worked_chain() -> None:
    context = ChainContext(
        target_date=date(2011, 3, 31),
        relationships={("council", "pct"): (1, 3.0)},
        indicator_status={"NI 112": "red"},
    )
    result = analyse_chain(teenage_pregnancy(), ratings(), context)
    assert result.counts.organisations == ("council", "pct")
    assert result.paths.paths == (
        ("outcome", "lsp", "trust", "council", "nurses", "clinic", "young"),
        ("outcome", "lsp", "trust", "council", "nurses", "young"),
        ("outcome", "lsp", "trust", "pct", "clinic", "young"),
    )
    assert [p.node for p in result.single_points_of_failure] == ["lsp", "trust"]
    assert result.strength == pytest.approx(1 / 12)
    q01 = result.questions[0]
    assert q01.counts.share_green == pytest.approx(7 / 10)
    assert q01.level_gap == pytest.approx(1.0 - 0.4)
    weak = {(w.source, w.target): w.rules for w in result.weak_links}
    assert weak == {
        ("trust", "lsp"): ("DC-W04",),
        ("council", "trust"): ("DC-W03",),
        ("council", "nurses"): ("DC-F02", "DC-W01", "DC-W02"),
        ("nurses", "clinic"): ("DC-X01",),
    }
    assert result.weakest_link is not None
    assert (result.weakest_link.source, result.weakest_link.target) == ("council", "nurses")
    assert result.weakest_link.basis == "ratings"
    causes = {f.links[0][:2] for f in result.findings if f.rule == "DC-X02"}
    assert causes == {
        ("trust", "lsp"),
        ("council", "trust"),
        ("council", "nurses"),
        ("nurses", "clinic"),
    }
    order = [rule.id for rule in DEFAULT_RULES]
    found = [order.index(f.rule) for f in result.findings]
    assert found == sorted(found)


def test_weakest_link_by_rules_without_link_ratings() -> None:
    result = analyse_chain(teenage_pregnancy(), context=ChainContext(target_date=date(2011, 3, 31)))
    assert result.weakest_link is not None
    assert result.weakest_link.basis == "rules"
    assert (result.weakest_link.source, result.weakest_link.target) == ("council", "nurses")
    assert result.strength is None


def test_result_is_json_with_documented_keys() -> None:
    result = analyse_chain(teenage_pregnancy(), ratings())
    document = json.loads(json.dumps(results_to_dict([result])))
    chain = document["chains"][0]
    assert set(chain) == {
        "chain",
        "outcome",
        "outcome_name",
        "counts",
        "paths",
        "paths_truncated",
        "longest_path",
        "longest_path_links",
        "single_points_of_failure",
        "funding",
        "participants",
        "questions",
        "link_ratings",
        "strength",
        "green_questions",
        "weakest_link",
        "weak_links",
        "findings",
    }
    assert chain["longest_path_links"] == 6
    assert chain["weak_links"][0] == {
        "from": "trust",
        "to": "lsp",
        "types": ["reports_data_to"],
        "rules": ["DC-W04"],
    }
    assert [rule["id"] for rule in document["rules"]] == [rule.id for rule in DEFAULT_RULES]


def test_rating_for_a_missing_link_is_an_error() -> None:
    with pytest.raises(ValueError, match="no link"):
        analyse_chain(
            teenage_pregnancy(), [Rating("a", "strategic", "q01", "red", ("young", "lsp"))]
        )
